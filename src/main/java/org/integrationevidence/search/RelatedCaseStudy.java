package org.integrationevidence.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.casestudy.CaseStudySummary;

/** A case study like another one, and why it was chosen. */
@Schema(name = "RelatedCaseStudy", description = "A case study similar to the one asked about, with the reasons.")
public record RelatedCaseStudy(
        CaseStudySummary caseStudy,
        @Schema(description = "What the two case studies share, strongest reason first.")
        List<Reason> reasons) {

    /** One thing two case studies share. */
    @Schema(name = "RelatedReason", description = "One thing the two case studies share.")
    public record Reason(
            @Schema(description = "What is shared.", enumeration = {"approach", "theme", "targetGroup", "text"})
            String kind,
            @Schema(description = "The shared value (an approach slug, theme or target group); null for text.",
                    nullable = true, examples = "school-linking")
            String value,
            @Schema(description = "The reason in words.", examples = "Both use the approach School linking")
            String label) {
    }
}
