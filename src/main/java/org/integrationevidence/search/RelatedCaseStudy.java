package org.integrationevidence.search;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.http.Slugs;

/** A case study like another one, and why it was chosen. */
@Schema(name = "RelatedCaseStudy", description = "A case study similar to the one asked about, with the reasons.")
public record RelatedCaseStudy(
        CaseStudySummary caseStudy,
        @Schema(description = "What the two case studies share, strongest reason first.", maxItems = Reason.MAX_REASONS)
        List<Reason> reasons) {

    /** One thing two case studies share. */
    @Schema(name = "RelatedReason", description = "One thing the two case studies share.")
    public record Reason(
            @Schema(description = "What is shared.", enumeration = {"approach", "theme", "targetGroup", "text"})
            String kind,
            @Schema(description = "The shared value (an approach slug, theme or target group); null for text.",
                    nullable = true, examples = "school-linking", maxLength = Slugs.MAX_LENGTH)
            String value,
            @Schema(description = "The reason in words.", examples = "Both use the approach School linking", maxLength = Reason.MAX_LABEL)
            String label) {

        /** One per shared approach, theme and target group (as many as a case study may have), and one for the text. */
        public static final int MAX_REASONS = CaseStudyInput.MAX_APPROACHES + CaseStudyInput.MAX_THEMES
                + CaseStudyInput.MAX_TARGET_GROUPS + 1;
        /**
         * The longest label: "Similar wording: " and five words, each at most 255 characters (the longest token the
         * analyzer keeps), joined by ", ". Labels naming an approach, theme or target group are shorter.
         */
        public static final int MAX_LABEL = 17 + 5 * 255 + 4 * 2;
    }
}
