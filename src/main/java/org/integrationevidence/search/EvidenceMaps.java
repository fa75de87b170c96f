package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.framework.FrameworkLookup;
import org.integrationevidence.outcome.OutcomeDomainLookup;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

/**
 * Evidence gap maps, computed from the search index in one pass over the selected case studies: the search's query
 * selects them, and each one's row and column values, level and packed findings are read from doc values
 * ({@link CaseStudyDocuments#MAP_APPROACH} and the rest) and added to its cells. No query per cell.
 */
@ApplicationScoped
public class EvidenceMaps {

    /** A dimension a map's rows or columns can take, by the name of its search filter. */
    public enum Dimension {
        APPROACH("approach"), OUTCOME_DOMAIN("outcomeDomain"), THEME("theme"), TARGET_GROUP("targetGroup"), COUNTRY("country"),
        /** The concepts of a framework scheme, named as the scheme (see framework.FrameworkLookup#SCHEMES). */
        CBP("cbp"), GCM("gcm"), SDG("sdg");

        public final String parameter;

        Dimension(String parameter) {
            this.parameter = parameter;
        }

        public static Dimension of(String parameter) {
            return Arrays.stream(values()).filter(d -> d.parameter.equals(parameter)).findFirst().orElse(null);
        }

        public static String allowed() {
            return String.join(", ", Arrays.stream(values()).map(d -> d.parameter).toList());
        }
    }

    /** A dimension at a depth (approach and outcomeDomain only; null for the default: 1 and 2). */
    public record AxisChoice(Dimension dimension, Integer depth) {
    }

    @Inject
    SearchTurns turns;

    @Inject
    StoredHits storedHits;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    OutcomeDomainLookup outcomeDomains;

    @Inject
    FrameworkLookup frameworks;

    private final TextQueriesHolder text = new TextQueriesHolder();
    private final MapColumns mapColumns = new MapColumns();

    /** The map of the case studies {@code request} selects, by {@code rows} and {@code columns}. */
    public Searched<EvidenceMap> map(SearchRequest request, AxisChoice rows, AxisChoice columns) {
        Map<String, TaxonomyLookup.Entry> approaches = taxonomy.entries();
        Map<String, OutcomeDomainLookup.Entry> domains = outcomeDomains.entries();
        TaxonomyLookup.requireKnown(request.approaches(), approaches);
        CaseStudySearch.requireKnownDomains(request.outcomeDomains(), domains);
        FrameworkLookup.Frameworks concepts = frameworks.frameworks();
        CaseStudySearch.requireKnownConcepts(request, concepts);
        List<FieldError> errors = new ArrayList<>();
        if (rows.dimension() == columns.dimension()) {
            errors.add(new FieldError("columns", "must differ from rows"));
        }
        Map<String, Query> filters = SearchQueries.filters(request);
        SearchIndex.Snapshot snapshot = turns.acquire(null);
        IndexBasis basis = SearchTurns.basisOf(snapshot, turns.cursorIssuedAt());
        try {
            // similarPlace selects (its ranking means nothing to a map); its reference is read in this snapshot
            CaseStudySearch.similarity(storedHits, snapshot, request, filters);
            Query query = SearchQueries.combine(text.parse(request.q()), filters, null);
            MapAxis rowAxis = MapAxis.of(rows, "rows", approaches, domains, concepts, snapshot, errors);
            MapAxis columnAxis = MapAxis.of(columns, "columns", approaches, domains, concepts, snapshot, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            List<FacetBitsets.SegmentMatches> matches = snapshot.search(query, FacetBitsets.matches());
            MapTally tally = new MapTally(rowAxis, columnAxis, mapColumns, List.copyOf(domains.keySet()));
            for (FacetBitsets.SegmentMatches segment : matches) {
                tally.add(segment);
            }
            return new Searched<>(tally.toMap(request), basis);
        } catch (IndexSearcher.TooManyClauses e) {
            throw ApiException.invalid("q", "expands to too many terms; use fewer words or longer prefixes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            turns.release(snapshot);
        }
    }

    /** The evidence summary of the case studies {@code request} selects (an approach page's). */
    public EvidenceSummary summary(SearchRequest request) {
        Map<String, OutcomeDomainLookup.Entry> domains = outcomeDomains.entries();
        Query query = SearchQueries.combine(text.parse(request.q()), SearchQueries.filters(request), null);
        SearchIndex.Snapshot snapshot = turns.acquire(null);
        try {
            long[] caseLevels = new long[6];
            long[] findingLevels = new long[6];
            long[] directions = new long[Direction.values().length];
            List<String> slugs = List.copyOf(domains.keySet());
            long[] byDomain = new long[slugs.size()];
            TreeSet<String> countries = new TreeSet<>();
            long caseStudies = 0;
            long findings = 0;
            for (FacetBitsets.SegmentMatches matches : snapshot.search(query, FacetBitsets.matches())) {
                MapColumns.Segment segment = mapColumns.of(matches.context().reader(), slugs);
                MapColumns.Values country = segment.fields().get(CaseStudyDocuments.MAP_COUNTRY);
                for (int doc = matches.docs().nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = doc + 1 < matches.docs().length() ? matches.docs().nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                    caseStudies++;
                    caseLevels[segment.level()[doc] == 0 ? 1 : segment.level()[doc]]++;
                    for (int i = country.start()[doc]; i < country.start()[doc + 1]; i++) {
                        countries.add(country.terms()[country.ords()[i]]);
                    }
                    for (int k = segment.findingStart()[doc]; k < segment.findingStart()[doc + 1]; k++) {
                        findings++;
                        findingLevels[segment.findingLevel()[k]]++;
                        directions[segment.findingDirection()[k]]++;
                        if (segment.findingDomain()[k] >= 0) {
                            byDomain[segment.findingDomain()[k]]++;
                        }
                    }
                }
            }
            Map<String, Long> byDirection = new LinkedHashMap<>();
            for (Direction direction : Direction.values()) {
                byDirection.put(direction.toString(), directions[direction.ordinal()]);
            }
            List<EvidenceSummary.DomainCount> covered = new ArrayList<>();
            for (int i = 0; i < slugs.size(); i++) {
                if (byDomain[i] > 0) {
                    OutcomeDomainLookup.Entry entry = domains.get(slugs.get(i));
                    covered.add(new EvidenceSummary.DomainCount(entry.slug(), entry.name(), byDomain[i]));
                }
            }
            return new EvidenceSummary(caseStudies, byLevel(caseLevels), findings, byLevel(findingLevels), byDirection,
                    List.copyOf(countries), covered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            turns.release(snapshot);
        }
    }

    private static Map<String, Long> byLevel(long[] counts) {
        Map<String, Long> byLevel = new LinkedHashMap<>();
        for (int level = 1; level <= 5; level++) {
            byLevel.put(Integer.toString(level), counts[level]);
        }
        return byLevel;
    }

    /** The parsed text query of a map, shared with search's rules (word pairs included). */
    private static final class TextQueriesHolder {
        private final org.apache.lucene.analysis.Analyzer analyzer = SearchAnalyzers.query();

        Query parse(String q) {
            return q == null ? null : TextQueries.withWordPairs(TextQueries.parse(q, analyzer));
        }
    }


    /**
     * The search that lists a cell's case studies: the map's own filters, with the cell's row and column value in place
     * of any filter of the same dimension.
     */
    static String searchLink(SearchRequest request, Dimension rowDimension, String row, Dimension columnDimension, String column) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (request.q() != null) {
            parameters.put("q", List.of(request.q()));
        }
        parameters.put("approach", request.approaches());
        parameters.put("country", request.countries());
        parameters.put("region", request.regions());
        parameters.put("place", request.places());
        parameters.put("theme", strings(request.themes(), Object::toString));
        parameters.put("targetGroup", strings(request.targetGroups(), Object::toString));
        parameters.put("scale", strings(request.scales(), Object::toString));
        parameters.put("outcomeDomain", request.outcomeDomains());
        parameters.put("direction", strings(request.directions(), Object::toString));
        FrameworkLookup.SCHEMES.forEach(scheme -> parameters.put(scheme, request.frameworkCodes(scheme)));
        if (request.minEvidence() != null) {
            parameters.put("minEvidence", List.of(request.minEvidence().toString()));
        }
        if (request.activeFrom() != null) {
            parameters.put("activeFrom", List.of(request.activeFrom().toString()));
        }
        if (request.activeTo() != null) {
            parameters.put("activeTo", List.of(request.activeTo().toString()));
        }
        if (request.updatedSince() != null) {
            parameters.put("updatedSince", List.of(request.updatedSince().toString()));
        }
        parameters.put(rowDimension.parameter, List.of(row));
        parameters.put(columnDimension.parameter, List.of(column));
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, values) -> values.forEach(value ->
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"))));
        return "/api/v1/case-studies?" + query;
    }

    private static <T> List<String> strings(List<T> values, Function<T, String> toString) {
        return values.stream().map(toString).toList();
    }
}
