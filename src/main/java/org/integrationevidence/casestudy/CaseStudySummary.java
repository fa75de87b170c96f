package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.approach.ApproachRef;

/** A case study as listed: enough for a card on a third-party page; the full text is one GET away. */
@Schema(name = "CaseStudySummary", description = "A case study as it appears in lists.")
public record CaseStudySummary(
        @Schema(examples = "bradford-bangladeshi-women-football") String slug,
        String title,
        String summary,
        Place place,
        Period period,
        List<ApproachRef> approaches,
        List<Theme> themes,
        List<TargetGroup> targetGroups,
        @Schema(description = "Evidence level, 1 to 5.", examples = "1") int evidenceLevel,
        CaseStudyStatus status,
        @Schema(examples = "CC-BY-4.0") String licence,
        Instant createdAt,
        Instant updatedAt) {
}
