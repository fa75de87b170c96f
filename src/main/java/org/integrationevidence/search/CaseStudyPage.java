package org.integrationevidence.search;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.openapi.SchemaBounds;

/** A page of search results: the list envelope of the API, plus facet counts when they were asked for. */
@Schema(name = "CaseStudyPage", description = "A page of case studies matching a search.")
public record CaseStudyPage(
        @Schema(description = "The case studies of this page, best first when sorted by relevance.", maxItems = 100)
        List<CaseStudySummary> items,
        @Schema(description = "How many case studies match in all pages.", examples = "17", minimum = "0",
                maximum = SchemaBounds.MAX_LONG)
        long total,
        @Schema(description = "Opaque cursor of the next page, to pass as `cursor`; null on the last page.", nullable = true,
                examples = "djF8LXVwZGF0ZWR8NGJmMDJhMTJ8MnwxNzY0MDAwMDAwfDE3NjM5MDAwMDAwMDAwMDB8YnJhZGZvcmQ.q3Zx0Yl1zX2aYv7Qd3C0xA",
                maxLength = Cursor.MAX_LENGTH)
        String next,
        @Schema(description = "Only when `facets` is given: for each facet asked for, its values with their counts under "
                + "the query and the other facets' filters. Selected values are listed even when their count is 0.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Map<String, List<FacetValue>> facets) {
}
