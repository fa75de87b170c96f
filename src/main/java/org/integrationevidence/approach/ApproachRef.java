package org.integrationevidence.approach;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;

/** A reference to an approach, embedded wherever another resource points at one. */
@Schema(description = "An approach of the taxonomy, by slug and name.")
public record ApproachRef(
        @Schema(examples = "school-linking", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(examples = "School linking", maxLength = ApproachInput.MAX_NAME) String name) {

    public static ApproachRef of(Approach approach) {
        return new ApproachRef(approach.slug, approach.name);
    }
}
