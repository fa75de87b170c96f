package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.approach.ApproachRef;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.openapi.SchemaBounds;

/** A case study as served in full. */
@Schema(name = "CaseStudy", description = "A case study in full.")
public record CaseStudyView(
        @Schema(examples = "bradford-bangladeshi-women-football", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(maxLength = CaseStudyInput.MAX_TITLE) String title,
        @Schema(maxLength = CaseStudyInput.MAX_SUMMARY) String summary,
        @Schema(description = "The body in Markdown, as written.", maxLength = CaseStudyInput.MAX_BODY) String body,
        @Schema(description = "The body rendered to HTML and sanitized: no scripts, event handlers or javascript: URLs.",
                maxLength = MAX_BODY_HTML) String bodyHtml,
        Place place,
        Period period,
        @Schema(maxItems = CaseStudyInput.MAX_ORGANISATIONS)
        List<@Size(max = CaseStudyInput.MAX_ORGANISATION) String> leadOrganisations,
        @Schema(maxItems = CaseStudyInput.MAX_ORGANISATIONS)
        List<@Size(max = CaseStudyInput.MAX_ORGANISATION) String> partnerOrganisations,
        @Schema(maxItems = CaseStudyInput.MAX_APPROACHES) List<ApproachRef> approaches,
        @Schema(maxItems = CaseStudyInput.MAX_THEMES) List<Theme> themes,
        @Schema(maxItems = CaseStudyInput.MAX_TARGET_GROUPS) List<TargetGroup> targetGroups,
        @Schema(description = "Deprecated, and served until the date in this response's Sunset header: the statements of "
                + "`findings`, in order. Read `findings` instead.", deprecated = true, maxItems = CaseStudyInput.MAX_OUTCOMES)
        List<@Size(max = FindingInput.MAX_STATEMENT) String> outcomes,
        @Schema(description = "What the sources say came of the initiative; `not-reported` findings where they state no result.",
                maxItems = CaseStudyInput.MAX_OUTCOMES) List<FindingView> findings,
        @Schema(description = "The case study's overall rating; findings may have their own.") Evidence evidence,
        @Schema(nullable = true) Evaluation evaluation,
        @Schema(nullable = true) Cost cost,
        @Schema(maxItems = CaseStudyInput.MAX_SOURCES) List<SourceReference> sources,
        CaseStudyStatus status,
        @Schema(examples = "CC-BY-4.0", maxLength = CaseStudyInput.MAX_LICENCE) String licence,
        @Schema(description = "When it was created, in UTC.") Instant createdAt,
        @Schema(description = "When it was last changed, in UTC.") Instant updatedAt,
        @Schema(description = "0 when created; increases by one with every change.", examples = "0", minimum = "0",
                maximum = SchemaBounds.MAX_LONG) long version,
        @Schema(nullable = true) CiteAs citeAs) {

    /** The size of the column that keeps the rendered body: no longer body is stored. */
    public static final int MAX_BODY_HTML = 400_000;

    /** The same case study with how to cite it. */
    public CaseStudyView withCiteAs(CiteAs citation) {
        return new CaseStudyView(slug, title, summary, body, bodyHtml, place, period, leadOrganisations, partnerOrganisations,
                approaches, themes, targetGroups, outcomes, findings, evidence, evaluation, cost, sources, status, licence,
                createdAt, updatedAt, version, citation);
    }


    /** The evidence rating as served, with the label of its level. */
    @Schema(name = "Evidence", description = "How strong the evidence is, on the scale at /api/v1/evidence-levels.")
    public record Evidence(
            @Schema(examples = "1", minimum = "1", maximum = "5") int level,
            @Schema(examples = "Described", maxLength = EvidenceLevel.MAX_LABEL) String label,
            @Schema(maxLength = CaseStudyInput.MAX_RATIONALE) String rationale) {
    }

    /** What the initiative costs, as served, with the label of its band. */
    @Schema(name = "Cost", description = "What the initiative costs, on the scale at /api/v1/cost-bands.")
    public record Cost(
            @Schema(examples = "2", minimum = "1", maximum = "5") int band,
            @Schema(examples = "Low", maxLength = CostBand.MAX_LABEL) String label,
            @Schema(maxLength = CaseStudyInput.MAX_RATIONALE) String rationale) {
    }
}
