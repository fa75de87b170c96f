package org.integrationevidence.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A completion for a search box, and the parameter that applies it. */
@Schema(name = "Suggestion", description = "A completion of what is being typed into a search box.")
public record Suggestion(
        @Schema(description = "What it completes to: a case study title (open it by `value`, a slug), a place (filter "
                + "with `place=value`) or an approach (filter with `approach=value`).",
                enumeration = {"caseStudy", "place", "approach"})
        String kind,
        @Schema(description = "Text to show.", examples = "Bradford")
        String text,
        @Schema(description = "Slug or filter value that applies the suggestion.", examples = "Bradford")
        String value) {
}
