package org.integrationevidence.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.casestudy.Place;

/** A completion for a search box, and the parameter that applies it. */
@Schema(name = "Suggestion", description = "A completion of what is being typed into a search box.")
public record Suggestion(
        @Schema(description = "What it completes to: a case study title (open it by `value`, a slug), a place (filter "
                + "with `place=value`) or an approach (filter with `approach=value`).",
                enumeration = {"caseStudy", "place", "approach"})
        String kind,
        @Schema(description = "Text to show: a title, a place or an approach's name.", examples = "Bradford",
                maxLength = CaseStudyInput.MAX_TITLE)
        String text,
        @Schema(description = "Slug or filter value that applies the suggestion: a slug or a place.", examples = "Bradford",
                maxLength = Place.MAX_NAME)
        String value) {
}
