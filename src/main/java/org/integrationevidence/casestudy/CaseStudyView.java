package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.approach.ApproachRef;

/** A case study as served in full. */
@Schema(name = "CaseStudy", description = "A case study in full.")
public record CaseStudyView(
        @Schema(examples = "bradford-bangladeshi-women-football") String slug,
        String title,
        String summary,
        @Schema(description = "The body in Markdown, as written.") String body,
        @Schema(description = "The body rendered to HTML and sanitized: no scripts, event handlers or javascript: URLs.") String bodyHtml,
        Place place,
        Period period,
        List<String> leadOrganisations,
        List<String> partnerOrganisations,
        List<ApproachRef> approaches,
        List<Theme> themes,
        List<TargetGroup> targetGroups,
        List<String> outcomes,
        Evidence evidence,
        List<SourceReference> sources,
        CaseStudyStatus status,
        @Schema(examples = "CC-BY-4.0") String licence,
        @Schema(description = "When it was created, in UTC.") Instant createdAt,
        @Schema(description = "When it was last changed, in UTC.") Instant updatedAt,
        @Schema(description = "0 when created; increases by one with every change.", examples = "0") long version) {

    /** The evidence rating as served, with the label of its level. */
    @Schema(name = "Evidence", description = "How strong the evidence is, on the scale at /api/v1/evidence-levels.")
    public record Evidence(
            @Schema(examples = "1") int level,
            @Schema(examples = "Described") String label,
            String rationale) {
    }
}
