package org.integrationevidence.outcome;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;

/** An outcome domain as written by a client: create or full replace. */
@Schema(name = "OutcomeDomainInput", description = "An outcome domain or group as written by a client.")
public record OutcomeDomainInput(
        @Schema(description = "URL slug. Derived from the name when left out on create; on replace it must equal the slug in the URL.",
                examples = "bridges", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN, nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE) String slug,
        @Schema(description = "Name of the domain or group.", examples = "Bridges", maxLength = MAX_NAME)
        @NotBlank @Size(max = MAX_NAME) String name,
        @Schema(description = "What the domain covers, in a sentence or two.", maxLength = MAX_DEFINITION,
                examples = "Contact, friendship and trust between people of different backgrounds, newcomers and long-settled residents among them.")
        @NotBlank @Size(max = MAX_DEFINITION) String definition,
        @Schema(description = "Slug of the group this domain belongs to; null for a group. A group cannot be under another "
                + "domain: the vocabulary is two levels deep.",
                examples = "social-connections", nullable = true, maxLength = Slugs.MAX_LENGTH)
        @Size(max = Slugs.MAX_LENGTH) String parent) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DEFINITION = 1000;

}
