package org.integrationevidence.search;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/** The orders a search can be sorted in. Ties are broken by slug, so that cursor paging is stable. */
public enum SearchSort {
    RELEVANCE("relevance", new SortField(null, SortField.Type.SCORE)),
    UPDATED("-updated", new SortField(CaseStudyDocuments.UPDATED, SortField.Type.LONG, true)),
    TITLE("title", new SortField(CaseStudyDocuments.TITLE_SORT, SortField.Type.STRING)),
    EVIDENCE("-evidence", new SortField(CaseStudyDocuments.EVIDENCE_SORT, SortField.Type.LONG, true)),
    START("-start", startYearDescendingMissingLast()),
    /** Nearest the request's {@code near} first: the sort field is made per request (see {@link #sort(GeoQuery)}). */
    DISTANCE("distance", new SortField(PlaceQueries.LOCATION, SortField.Type.DOUBLE)),
    /** The place most like the request's {@code similarPlace} first: the score of PlaceQueries' similarity query. */
    SIMILAR_PLACE("similarPlace", new SortField(null, SortField.Type.SCORE));

    private final String parameter;
    private final Sort sort;

    SearchSort(String parameter, SortField primary) {
        this.parameter = parameter;
        // The index is sorted by -updated (SearchIndex), so that order stops early in each segment only with the very
        // same sort fields; the other orders read the tie-break's slugs lazily (LazyTermOrder), the same order.
        SortField bySlug = primary.getField() != null && primary.getField().equals(CaseStudyDocuments.UPDATED)
                ? new SortField(CaseStudyDocuments.SLUG, SortField.Type.STRING)
                : new SortField(CaseStudyDocuments.SLUG, new LazyTermOrder());
        this.sort = new Sort(primary, bySlug);
    }

    public String parameter() {
        return parameter;
    }

    Sort sort() {
        return sort;
    }

    /** The Lucene sort of a search: the distance from its point for {@link #DISTANCE}, else the fixed sort. */
    Sort sort(GeoQuery geo) {
        if (this != DISTANCE) {
            return sort;
        }
        return new Sort(PlaceQueries.distanceSort(geo.near()), sort.getSort()[1]);
    }

    static Optional<SearchSort> parse(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }

    static String allowed() {
        return Arrays.stream(values()).map(SearchSort::parameter).collect(Collectors.joining(", "));
    }

    private static SortField startYearDescendingMissingLast() {
        SortField field = new SortField(CaseStudyDocuments.START_SORT, SortField.Type.LONG, true);
        field.setMissingValue(Long.MIN_VALUE);
        return field;
    }
}
