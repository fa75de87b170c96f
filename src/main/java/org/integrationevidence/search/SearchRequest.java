package org.integrationevidence.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.Scale;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;

/**
 * One search, parsed and checked: free text, filters (OR within one, AND across), order, facets and page. Empty
 * lists and nulls mean "no filter". Places and regions are already folded to lower case without accents.
 */
public record SearchRequest(
        String q,
        List<String> approaches,
        List<String> countries,
        List<String> regions,
        List<String> places,
        List<Theme> themes,
        List<TargetGroup> targetGroups,
        List<Scale> scales,
        List<String> outcomeDomains,
        List<Direction> directions,
        Integer minEvidence,
        Integer activeFrom,
        Integer activeTo,
        Instant updatedSince,
        Set<CaseStudyStatus> statuses,
        SearchSort sort,
        List<String> facets,
        int limit,
        String cursor,
        GeoQuery geo,
        Map<String, List<String>> frameworks) {

    /**
     * A search without framework filters. {@code frameworks} holds the concept codes of the filters cbp, gcm and sdg by
     * scheme (see framework.FrameworkLookup), each list sorted and distinct.
     */
    public SearchRequest(String q, List<String> approaches, List<String> countries, List<String> regions,
            List<String> places, List<Theme> themes, List<TargetGroup> targetGroups, List<Scale> scales,
            List<String> outcomeDomains, List<Direction> directions, Integer minEvidence, Integer activeFrom,
            Integer activeTo, Instant updatedSince, Set<CaseStudyStatus> statuses, SearchSort sort, List<String> facets,
            int limit, String cursor, GeoQuery geo) {
        this(q, approaches, countries, regions, places, themes, targetGroups, scales, outcomeDomains, directions,
                minEvidence, activeFrom, activeTo, updatedSince, statuses, sort, facets, limit, cursor, geo, Map.of());
    }

    /** The codes of the filter on one framework scheme; empty when there is none. */
    public List<String> frameworkCodes(String scheme) {
        return frameworks.getOrDefault(scheme, List.of());
    }

    /** The first page of published case studies tagged with an approach (or a narrower one), newest first. */
    public static SearchRequest taggedWith(String approach, int limit) {
        return new SearchRequest(null, List.of(approach), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, null, null, Set.of(CaseStudyStatus.PUBLISHED), SearchSort.UPDATED, List.of(), limit,
                null, GeoQuery.NONE);
    }

    /** The same search with another page size. */
    public SearchRequest withLimit(int pageSize) {
        return new SearchRequest(q, approaches, countries, regions, places, themes, targetGroups, scales, outcomeDomains,
                directions, minEvidence,
                activeFrom, activeTo, updatedSince, statuses, sort, facets, pageSize, cursor, geo, frameworks);
    }

    /** The same search with other geographic filters. */
    SearchRequest withGeo(GeoQuery other) {
        return new SearchRequest(q, approaches, countries, regions, places, themes, targetGroups, scales, outcomeDomains,
                directions, minEvidence, activeFrom, activeTo, updatedSince, statuses, sort, facets, limit, cursor, other,
                frameworks);
    }

    /** What identifies the result set, whatever the page: a cursor is only valid for the search it came from. */
    String fingerprint() {
        return Integer.toHexString(List.of(String.valueOf(q), approaches, countries, regions, places, themes,
                targetGroups, scales, outcomeDomains, directions, String.valueOf(minEvidence), String.valueOf(activeFrom), String.valueOf(activeTo),
                String.valueOf(updatedSince), statuses.stream().map(Enum::name).sorted().toList(), sort.parameter(),
                geo.fingerprint())
                .toString().hashCode()) + (frameworks.isEmpty() ? "" : "-" + Integer.toHexString(new TreeMap<>(frameworks).toString().hashCode()));
    }
}
