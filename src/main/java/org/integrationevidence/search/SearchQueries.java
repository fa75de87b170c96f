package org.integrationevidence.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.Scale;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.framework.FrameworkLookup;

/** The Lucene queries of a search: its filters (OR within one, AND across), by facet dimension, and text with filters. */
final class SearchQueries {

    private SearchQueries() {
    }

    static Map<String, Query> filters(SearchRequest request) {
        Map<String, Query> filters = new LinkedHashMap<>();
        putTerms(filters, CaseStudyDocuments.APPROACH, request.approaches());
        putTerms(filters, CaseStudyDocuments.COUNTRY, request.countries());
        putTerms(filters, CaseStudyDocuments.REGION, request.regions());
        putTerms(filters, CaseStudyDocuments.PLACE_KEY, request.places());
        putTerms(filters, CaseStudyDocuments.THEME, request.themes().stream().map(Theme::toString).toList());
        putTerms(filters, CaseStudyDocuments.TARGET_GROUP, request.targetGroups().stream().map(TargetGroup::toString).toList());
        putTerms(filters, CaseStudyDocuments.SCALE, request.scales().stream().map(Scale::toString).toList());
        for (String scheme : FrameworkLookup.SCHEMES) {
            putTerms(filters, scheme, request.frameworkCodes(scheme));
        }
        List<String> directions = request.directions().stream().map(Direction::toString).toList();
        if (!request.outcomeDomains().isEmpty() && !directions.isEmpty()) {
            // Both: a finding in one of the domains that went one of the ways, not one finding of each.
            List<String> pairs = request.outcomeDomains().stream()
                    .flatMap(domain -> directions.stream().map(direction -> CaseStudyDocuments.domainDirection(domain, direction)))
                    .toList();
            filters.put(CaseStudyDocuments.OUTCOME_DOMAIN, new BooleanQuery.Builder()
                    .add(anyOf(CaseStudyDocuments.OUTCOME_DOMAIN, request.outcomeDomains()), BooleanClause.Occur.FILTER)
                    .add(anyOf(CaseStudyDocuments.DOMAIN_DIRECTION, pairs), BooleanClause.Occur.FILTER).build());
            filters.put(CaseStudyDocuments.DIRECTION, new BooleanQuery.Builder()
                    .add(anyOf(CaseStudyDocuments.DIRECTION, directions), BooleanClause.Occur.FILTER)
                    .add(anyOf(CaseStudyDocuments.DOMAIN_DIRECTION, pairs), BooleanClause.Occur.FILTER).build());
        } else {
            putTerms(filters, CaseStudyDocuments.OUTCOME_DOMAIN, request.outcomeDomains());
            putTerms(filters, CaseStudyDocuments.DIRECTION, directions);
        }
        if (request.minEvidence() != null) {
            filters.put(CaseStudyDocuments.EVIDENCE, IntPoint.newRangeQuery(CaseStudyDocuments.EVIDENCE, request.minEvidence(), 5));
        }
        if (request.activeFrom() != null || request.activeTo() != null) {
            int from = request.activeFrom() == null ? Integer.MIN_VALUE : request.activeFrom();
            int to = request.activeTo() == null ? Integer.MAX_VALUE : request.activeTo();
            filters.put("active", new BooleanQuery.Builder()
                    .add(IntPoint.newRangeQuery(CaseStudyDocuments.ACTIVE_FROM, Integer.MIN_VALUE, to), BooleanClause.Occur.FILTER)
                    .add(IntPoint.newRangeQuery(CaseStudyDocuments.ACTIVE_TO, from, Integer.MAX_VALUE), BooleanClause.Occur.FILTER)
                    .build());
        }
        if (request.updatedSince() != null) {
            Instant since = request.updatedSince();
            long micros = since.getEpochSecond() * 1_000_000L + since.getNano() / 1_000;
            filters.put(CaseStudyDocuments.UPDATED, LongPoint.newRangeQuery(CaseStudyDocuments.UPDATED, micros, Long.MAX_VALUE));
        }
        PlaceQueries.addFilters(filters, request.geo());
        filters.put(CaseStudyDocuments.STATUS, statusFilter(request.statuses()));
        return filters;
    }

    static Query statusFilter(Set<CaseStudyStatus> statuses) {
        return anyOf(CaseStudyDocuments.STATUS, statuses.stream().map(CaseStudyStatus::toString).toList());
    }

    private static void putTerms(Map<String, Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.put(field, anyOf(field, values));
        }
    }

    /**
     * Matches any of the values. One value is a plain term query, whose matches a count reads from the index's
     * statistics in segments without deleted documents, instead of visiting them: the public list (published only)
     * over 100,000 case studies counts its total that way.
     */
    private static Query anyOf(String field, List<String> values) {
        return values.size() == 1 ? new TermQuery(new Term(field, values.get(0)))
                : new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** The text query with every filter but the one of {@code excludedDimension} (none when null). */
    static Query combine(Query text, Map<String, Query> filters, String excludedDimension) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
        filters.forEach((dimension, filter) -> {
            if (!dimension.equals(excludedDimension)) {
                query.add(filter, BooleanClause.Occur.FILTER);
            }
        });
        return query.build();
    }
}
