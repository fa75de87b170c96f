package org.integrationevidence.approach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;

/** An approach as written by a client: create or full replace. */
@Schema(name = "ApproachInput", description = "An approach of the taxonomy as written by a client.")
public record ApproachInput(
        @Schema(description = "URL slug. Derived from the name when left out on create; on replace it must equal the slug in the URL.",
                examples = "school-linking", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN, nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE) String slug,
        @Schema(description = "Name of the approach.", examples = "School linking", maxLength = MAX_NAME)
        @NotBlank @Size(max = MAX_NAME) String name,
        @Schema(description = "What the approach is, in a sentence or two.", maxLength = MAX_DEFINITION,
                examples = "Pairing classes or schools whose pupils come from different backgrounds so that the children meet.")
        @NotBlank @Size(max = MAX_DEFINITION) String definition,
        @Schema(description = "Slug of the broader approach this one belongs under; null for a top-level approach.",
                examples = "social-contact-and-mixing", nullable = true, maxLength = Slugs.MAX_LENGTH)
        @Size(max = Slugs.MAX_LENGTH) String parent) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DEFINITION = 1000;

}
