package org.integrationevidence.casestudy;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.json.SlugOrReference;

/**
 * What a client sends to create or replace a case study. What a GET returns can be sent back as it is: the fields
 * the server owns there (version, timestamps, rendered HTML, how to cite it) are ignored, and labels beside values (an approach's
 * name, an evidence level's label) are read past; any other field is rejected.
 */
@Schema(name = "CaseStudyInput", description = "A case study as written by a client: create or full replace. What a GET "
        + "returns may be sent back as it is: `bodyHtml`, `createdAt`, `updatedAt`, `version` and `citeAs` are the "
        + "server's and are ignored, approaches may be the `{slug, name}` objects a GET returns, and labels are ignored.")
@JsonIgnoreProperties(value = {"bodyHtml", "createdAt", "updatedAt", "version", "citeAs"})
public record CaseStudyInput(
        @Schema(description = "URL slug. Derived from the title when left out on create; on replace, a different slug renames "
                + "the case study (the old one then redirects to it with 308).",
                examples = "bradford-bangladeshi-women-football", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN, nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = Slugs.RULE) String slug,

        @Schema(description = "Title of the case study.", maxLength = MAX_TITLE,
                examples = "Bradford Council: engaging Bangladeshi women in the area with the local football team")
        @NotBlank @Size(max = MAX_TITLE) String title,

        @Schema(description = "One-line summary.", maxLength = MAX_SUMMARY)
        @NotBlank @Size(max = MAX_SUMMARY) @Pattern(regexp = "[^\\r\\n]*", message = "must be a single line") String summary,

        @Schema(description = "Body in Markdown, stored as written and also served as sanitized HTML.", maxLength = MAX_BODY)
        @NotBlank @Size(max = MAX_BODY) String body,

        @Schema(required = true)
        @NotNull @Valid Place place,

        @Schema(nullable = true)
        @Valid Period period,

        @Schema(description = "Organisations that ran the initiative.", maxItems = MAX_ORGANISATIONS)
        @Size(max = MAX_ORGANISATIONS) List<@NotBlank @Size(max = MAX_ORGANISATION) String> leadOrganisations,

        @Schema(description = "Organisations that worked with them.", maxItems = MAX_ORGANISATIONS)
        @Size(max = MAX_ORGANISATIONS) List<@NotBlank @Size(max = MAX_ORGANISATION) String> partnerOrganisations,

        @Schema(description = "Slugs of approaches from the taxonomy: what was done, as the repository classifies it from "
                + "the sources, not a claim of the sources. Empty when the sources do not describe what was done.",
                maxItems = MAX_APPROACHES, examples = "[\"sport\"]")
        @JsonDeserialize(contentUsing = SlugOrReference.class)
        @Size(max = MAX_APPROACHES) List<@NotBlank @Size(max = Slugs.MAX_LENGTH) String> approaches,

        @Schema(description = "Themes the initiative works on, as the repository classifies them from what the sources "
                + "state; not a claim of the sources. Only themes the sources support.", maxItems = MAX_THEMES)
        @Size(max = MAX_THEMES) Set<@NotNull Theme> themes,

        @Schema(description = "Groups the initiative works with, as the repository classifies them from what the sources "
                + "state; not a claim of the sources. Only groups the sources name.", maxItems = MAX_TARGET_GROUPS)
        @Size(max = MAX_TARGET_GROUPS) Set<@NotNull TargetGroup> targetGroups,

        @Schema(description = "Deprecated: write `findings`. The statements of the findings, in order. Sent without "
                + "`findings`, each string becomes a finding with no domain and direction `not-reported`, except that a "
                + "string equal to the statement of the finding at its position keeps that finding. Sent with `findings`, "
                + "it must equal their statements.", maxItems = MAX_OUTCOMES, deprecated = true, nullable = true)
        @Size(max = MAX_OUTCOMES) List<@NotBlank @Size(max = FindingInput.MAX_STATEMENT) String> outcomes,

        @Schema(description = "What the sources say came of the initiative, one finding per outcome domain and claim; empty "
                + "when they describe no outcome at all.", maxItems = MAX_OUTCOMES, nullable = true)
        @Size(max = MAX_OUTCOMES) List<@NotNull @Valid FindingInput> findings,

        @Schema(required = true)
        @NotNull @Valid Evidence evidence,

        @Schema(nullable = true)
        @Valid Evaluation evaluation,

        @Schema(nullable = true)
        @Valid Cost cost,

        @Schema(description = "Works the case study cites; at least one.", minItems = 1, maxItems = MAX_SOURCES)
        @NotEmpty @Size(max = MAX_SOURCES) List<@NotNull @Valid SourceReference> sources,

        @Schema(description = "SPDX identifier of the licence of the text.", defaultValue = "CC-BY-4.0", maxLength = MAX_LICENCE, nullable = true)
        @Size(max = MAX_LICENCE) @Pattern(regexp = "[A-Za-z0-9.+-]+", message = "must be an SPDX licence identifier such as CC-BY-4.0") String licence,

        @Schema(description = "draft or published (the default). Withdrawing is done with DELETE.", nullable = true,
                enumeration = {"draft", "published"}, defaultValue = "published")
        CaseStudyStatus status) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 300;
    public static final int MAX_BODY = 20000;
    public static final int MAX_ORGANISATIONS = 20;
    public static final int MAX_ORGANISATION = 200;
    public static final int MAX_APPROACHES = 10;
    public static final int MAX_THEMES = 12;
    public static final int MAX_TARGET_GROUPS = 10;
    public static final int MAX_OUTCOMES = 20;
    public static final int MAX_SOURCES = 20;
    public static final int MAX_LICENCE = 40;
    public static final int MAX_RATIONALE = 1000;

    /** This input with another slug and status: the same content under another name or in another state. */
    public CaseStudyInput withSlugAndStatus(String newSlug, CaseStudyStatus newStatus) {
        return new CaseStudyInput(newSlug, title, summary, body, place, period, leadOrganisations, partnerOrganisations,
                approaches, themes, targetGroups, outcomes, findings, evidence, evaluation, cost, sources, licence, newStatus);
    }

    /** The evidence rating as written: a level of the published scale and the reason for it. */
    @Schema(name = "EvidenceInput", description = "How strong the evidence is, on the scale at /api/v1/evidence-levels. "
            + "The `label` a GET returns beside the level may be sent back, and is ignored.")
    @JsonIgnoreProperties(value = "label")
    public record Evidence(
            @Schema(description = "Level from 1 (described) to 5 (independently replicated).", minimum = "1", maximum = "5", examples = "1")
            @NotNull @Min(1) @Max(5) Integer level,
            @Schema(description = "Why this level: what the sources do and do not report.", maxLength = MAX_RATIONALE)
            @NotBlank @Size(max = MAX_RATIONALE) String rationale) {
    }

    /** What the initiative costs, as written: a band of the published scale and the reason for it. */
    @Schema(name = "CostInput", description = "What the initiative costs, on the scale at /api/v1/cost-bands. The `label` a "
            + "GET returns beside the band may be sent back, and is ignored.")
    @JsonIgnoreProperties(value = "label")
    public record Cost(
            @Schema(description = "Band from 1 (very low) to 5 (very high).", minimum = "1", maximum = "5", examples = "2")
            @NotNull @Min(1) @Max(5) Integer band,
            @Schema(description = "Why this band: what the sources say of money, staff and premises.", maxLength = MAX_RATIONALE)
            @NotBlank @Size(max = MAX_RATIONALE) String rationale) {
    }
}
