package org.integrationevidence.approach;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.openapi.SchemaBounds;

/** An approach in the taxonomy tree, with the approaches below it. */
@Schema(name = "ApproachNode", description = "An approach in the taxonomy tree, with its narrower approaches.")
public record ApproachNode(
        @Schema(examples = "school-linking", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(examples = "School linking", maxLength = ApproachInput.MAX_NAME) String name,
        @Schema(maxLength = ApproachInput.MAX_DEFINITION) String definition,
        @Schema(description = "Published case studies tagged with this approach or any narrower one, each counted once.", examples = "2",
                minimum = "0", maximum = SchemaBounds.MAX_LONG)
        long caseStudyCount,
        @Schema(description = "Narrower approaches, by name.")
        List<ApproachNode> children) {
}
