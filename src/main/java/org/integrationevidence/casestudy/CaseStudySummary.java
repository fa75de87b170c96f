package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.approach.ApproachRef;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.outcome.OutcomeDomainRef;

/** A case study as listed: enough for a card on a third-party page; the full text is one GET away. */
@Schema(name = "CaseStudySummary", description = "A case study as it appears in lists.")
public record CaseStudySummary(
        @Schema(examples = "bradford-bangladeshi-women-football", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(maxLength = CaseStudyInput.MAX_TITLE) String title,
        @Schema(maxLength = CaseStudyInput.MAX_SUMMARY) String summary,
        Place place,
        Period period,
        @Schema(maxItems = CaseStudyInput.MAX_APPROACHES) List<ApproachRef> approaches,
        @Schema(maxItems = CaseStudyInput.MAX_THEMES) List<Theme> themes,
        @Schema(maxItems = CaseStudyInput.MAX_TARGET_GROUPS) List<TargetGroup> targetGroups,
        @Schema(description = "The outcome domains of its findings, in the framework's order: the repository's "
                + "classification.", maxItems = CaseStudyInput.MAX_OUTCOMES) List<OutcomeDomainRef> outcomeDomains,
        @Schema(description = "Evidence level, 1 to 5.", examples = "1", minimum = "1", maximum = "5") int evidenceLevel,
        CaseStudyStatus status,
        @Schema(examples = "CC-BY-4.0", maxLength = CaseStudyInput.MAX_LICENCE) String licence,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Only when the request has `q`: per field (`title`, `summary`, `body`), short fragments "
                + "of the text where it matches, HTML-escaped, with the matched words in `<mark>` elements.",
                examples = "{\"title\": [\"Bradford's Bangladeshi women and the city's <mark>football</mark> club\"]}")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, List<String>> highlights) {

    /** The fields that can have highlights: title, summary and body. */
    public static final int HIGHLIGHTED_FIELDS = 3;
    /**
     * The longest highlight: a whole body, every character escaped as an HTML entity of at most 6 characters, every
     * word (at most one in two characters) in {@code <mark></mark>}, and the ellipsis joining two passages.
     */
    public static final int MAX_HIGHLIGHT_LENGTH = CaseStudyInput.MAX_BODY * 6 + CaseStudyInput.MAX_BODY / 2 * 13 + 3;

    /** The same summary with highlights from a search. */
    public CaseStudySummary withHighlights(Map<String, List<String>> fragments) {
        return new CaseStudySummary(slug, title, summary, place, period, approaches, themes, targetGroups, outcomeDomains,
                evidenceLevel,
                status, licence, createdAt, updatedAt, fragments);
    }
}
