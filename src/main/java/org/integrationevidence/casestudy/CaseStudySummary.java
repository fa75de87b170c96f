package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

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
        Instant updatedAt,
        @Schema(description = "Only when the request has `q`: per field (`title`, `summary`, `body`), short fragments "
                + "of the text where it matches, HTML-escaped, with the matched words in `<mark>` elements.",
                examples = "{\"title\": [\"Bradford's Bangladeshi women and the city's <mark>football</mark> club\"]}")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, List<String>> highlights) {

    /** The same summary with highlights from a search. */
    public CaseStudySummary withHighlights(Map<String, List<String>> fragments) {
        return new CaseStudySummary(slug, title, summary, place, period, approaches, themes, targetGroups, evidenceLevel,
                status, licence, createdAt, updatedAt, fragments);
    }
}
