package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;
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
        APPROACH("approach"), OUTCOME_DOMAIN("outcomeDomain"), THEME("theme"), TARGET_GROUP("targetGroup"), COUNTRY("country");

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
    TaxonomyLookup taxonomy;

    @Inject
    OutcomeDomainLookup outcomeDomains;

    private final TextQueriesHolder text = new TextQueriesHolder();

    /** The map of the case studies {@code request} selects, by {@code rows} and {@code columns}. */
    public Searched<EvidenceMap> map(SearchRequest request, AxisChoice rows, AxisChoice columns) {
        Map<String, TaxonomyLookup.Entry> approaches = taxonomy.entries();
        Map<String, OutcomeDomainLookup.Entry> domains = outcomeDomains.entries();
        TaxonomyLookup.requireKnown(request.approaches(), approaches);
        CaseStudySearch.requireKnownDomains(request.outcomeDomains(), domains);
        List<FieldError> errors = new ArrayList<>();
        if (rows.dimension() == columns.dimension()) {
            errors.add(new FieldError("columns", "must differ from rows"));
        }
        Query query = SearchQueries.combine(text.parse(request.q()), SearchQueries.filters(request), null);
        SearchIndex.Snapshot snapshot = turns.acquire(null);
        IndexBasis basis = SearchTurns.basisOf(snapshot, turns.cursorIssuedAt());
        try {
            Axis rowAxis = axis(rows, "rows", approaches, domains, snapshot, errors);
            Axis columnAxis = axis(columns, "columns", approaches, domains, snapshot, errors);
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            List<FacetBitsets.SegmentMatches> matches = snapshot.search(query, FacetBitsets.matches());
            Tally tally = new Tally(rowAxis, columnAxis, new PackedFindings(List.copyOf(domains.keySet())));
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
            PackedFindings docFindings = new PackedFindings(slugs);
            for (FacetBitsets.SegmentMatches segment : snapshot.search(query, FacetBitsets.matches())) {
                LeafReader reader = segment.context().reader();
                NumericDocValues level = DocValues.getNumeric(reader, CaseStudyDocuments.MAP_LEVEL);
                BinaryDocValues packed = DocValues.getBinary(reader, CaseStudyDocuments.MAP_FINDINGS);
                SortedSetDocValues country = DocValues.getSortedSet(reader, CaseStudyDocuments.MAP_COUNTRY);
                for (int doc = segment.docs().nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = doc + 1 < segment.docs().length() ? segment.docs().nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                    caseStudies++;
                    caseLevels[level.advanceExact(doc) ? (int) level.longValue() : 1]++;
                    if (country.advanceExact(doc)) {
                        countries.add(country.lookupOrd(country.nextOrd()).utf8ToString());
                    }
                    docFindings.read(packed.advanceExact(doc) ? packed.binaryValue() : null);
                    for (int k = 0; k < docFindings.count; k++) {
                        findings++;
                        findingLevels[docFindings.level[k]]++;
                        directions[docFindings.direction[k]]++;
                        if (docFindings.domain[k] >= 0) {
                            byDomain[docFindings.domain[k]]++;
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

    /** An axis: its values in order, and how a case study's values are found. */
    private record Axis(Dimension dimension, Integer depth, List<EvidenceMap.Value> values, Map<String, Integer> index,
            String field, Map<String, String> domainKey) {

        /** For outcome domains: each term's position on this axis, by the term's index in {@code slugs}; -1 if none. */
        int[] positionsOf(List<String> slugs) {
            int[] positions = new int[slugs.size()];
            for (int i = 0; i < positions.length; i++) {
                String key = domainKey == null ? null : domainKey.get(slugs.get(i));
                Integer position = key == null ? null : index.get(key);
                positions[i] = position == null ? -1 : position;
            }
            return positions;
        }

        EvidenceMap.Axis toJson() {
            return new EvidenceMap.Axis(dimension.parameter, depth, values);
        }
    }

    private static Axis axis(AxisChoice choice, String parameter, Map<String, TaxonomyLookup.Entry> approaches,
            Map<String, OutcomeDomainLookup.Entry> domains, SearchIndex.Snapshot snapshot, List<FieldError> errors)
            throws IOException {
        Dimension dimension = choice.dimension();
        List<EvidenceMap.Value> values = new ArrayList<>();
        Integer depth = null;
        Map<String, String> domainKey = null;
        String field;
        switch (dimension) {
            case APPROACH -> {
                Map<String, Integer> depths = approachDepths(approaches);
                int deepest = depths.values().stream().mapToInt(Integer::intValue).max().orElse(1);
                depth = choice.depth() == null ? 1 : choice.depth();
                if (depth > deepest) {
                    errors.add(new FieldError(parameter + "Depth", "must be at most " + deepest + ": the approach tree is "
                            + deepest + " deep"));
                }
                for (String slug : treeOrder(approaches)) {
                    if (depths.get(slug) == depth.intValue()) {
                        TaxonomyLookup.Entry entry = approaches.get(slug);
                        values.add(new EvidenceMap.Value(slug, entry.name(), entry.parentSlug()));
                    }
                }
                field = CaseStudyDocuments.MAP_APPROACH;
            }
            case OUTCOME_DOMAIN -> {
                depth = choice.depth() == null ? 2 : choice.depth();
                if (depth > 2) {
                    errors.add(new FieldError(parameter + "Depth", "must be 1 (groups) or 2 (domains) for outcomeDomain"));
                }
                boolean groups = depth == 1;
                domainKey = new HashMap<>();
                for (OutcomeDomainLookup.Entry entry : domains.values()) {
                    if (entry.isGroup() == groups) {
                        values.add(new EvidenceMap.Value(entry.slug(), entry.name(), entry.parentSlug()));
                    }
                    if (!entry.isGroup()) {
                        domainKey.put(entry.slug(), groups ? entry.parentSlug() : entry.slug());
                    }
                }
                field = null;
            }
            case THEME -> {
                Arrays.stream(Theme.values()).forEach(t -> values.add(new EvidenceMap.Value(t.toString(), Vocabulary.label(t), null)));
                field = CaseStudyDocuments.MAP_THEME;
            }
            case TARGET_GROUP -> {
                Arrays.stream(TargetGroup.values()).forEach(g -> values.add(new EvidenceMap.Value(g.toString(), Vocabulary.label(g), null)));
                field = CaseStudyDocuments.MAP_TARGET_GROUP;
            }
            default -> {
                // Every country with a case study in the index, so that the map of a selection shows its gaps.
                TreeSet<String> codes = new TreeSet<>();
                for (LeafReaderContext leaf : snapshot.getIndexReader().leaves()) {
                    SortedSetDocValues countries = DocValues.getSortedSet(leaf.reader(), CaseStudyDocuments.MAP_COUNTRY);
                    for (long ord = 0; ord < countries.getValueCount(); ord++) {
                        codes.add(countries.lookupOrd(ord).utf8ToString());
                    }
                }
                codes.stream().map(code -> new EvidenceMap.Value(code, CaseStudyDocuments.countryName(code), null))
                        .sorted(Comparator.comparing(EvidenceMap.Value::label)).forEach(values::add);
                field = CaseStudyDocuments.MAP_COUNTRY;
            }
        }
        if (choice.depth() != null && dimension != Dimension.APPROACH && dimension != Dimension.OUTCOME_DOMAIN) {
            errors.add(new FieldError(parameter + "Depth", "applies to approach and outcomeDomain only"));
        }
        if (choice.depth() != null && choice.depth() < 1) {
            errors.add(new FieldError(parameter + "Depth", "must be at least 1"));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            index.put(values.get(i).key(), i);
        }
        return new Axis(dimension, depth, values, index, field, domainKey);
    }

    /** Each approach's depth in the tree: 1 for a top-level approach. */
    private static Map<String, Integer> approachDepths(Map<String, TaxonomyLookup.Entry> approaches) {
        Map<String, Integer> depths = new HashMap<>();
        for (String slug : approaches.keySet()) {
            int depth = 1;
            String parent = approaches.get(slug).parentSlug();
            while (parent != null && approaches.containsKey(parent) && depth <= approaches.size()) {
                depth++;
                parent = approaches.get(parent).parentSlug();
            }
            depths.put(slug, depth);
        }
        return depths;
    }

    /** The approaches depth first, siblings by name: the order of GET /api/v1/approaches. */
    private static List<String> treeOrder(Map<String, TaxonomyLookup.Entry> approaches) {
        Map<String, List<String>> children = new LinkedHashMap<>();
        approaches.values().stream().sorted(Comparator.comparing(TaxonomyLookup.Entry::name).thenComparing(TaxonomyLookup.Entry::slug))
                .forEach(e -> children.computeIfAbsent(e.parentSlug() != null && approaches.containsKey(e.parentSlug())
                        ? e.parentSlug() : "", k -> new ArrayList<>()).add(e.slug()));
        List<String> order = new ArrayList<>();
        visit("", children, order);
        return order;
    }

    private static void visit(String parent, Map<String, List<String>> children, List<String> order) {
        for (String child : children.getOrDefault(parent, List.of())) {
            order.add(child);
            visit(child, children, order);
        }
    }

    /** The counts of every cell, added up a case study at a time. */
    private static final class Tally {
        private static final int DIRECTIONS = Direction.values().length;

        private final Axis rows;
        private final Axis columns;
        private final PackedFindings docFindings;
        /** Which axis is outcome domains, if one is, and each term's position on it. */
        private final boolean domainRows;
        private final int[] domainPositions;
        private final int width;
        private final long[] caseStudies;
        private final long[] findings;
        private final long[] directions;
        /** Per cell, how many case studies at each level 1-5 (index 0 unused). */
        private final long[] levels;
        private long totalCaseStudies;
        private long totalFindings;

        Tally(Axis rows, Axis columns, PackedFindings docFindings) {
            this.rows = rows;
            this.columns = columns;
            this.docFindings = docFindings;
            Axis domainAxis = rows.field() == null ? rows : columns.field() == null ? columns : null;
            this.domainRows = domainAxis == rows;
            this.domainPositions = domainAxis == null ? null : domainAxis.positionsOf(docFindings.slugs);
            this.width = columns.values().size();
            int cells = rows.values().size() * width;
            caseStudies = new long[cells];
            findings = new long[cells];
            directions = new long[cells * DIRECTIONS];
            levels = new long[cells * 6];
        }

        void add(FacetBitsets.SegmentMatches segment) throws IOException {
            LeafReader reader = segment.context().reader();
            SortedSetDocValues rowValues = rows.field() == null ? null : DocValues.getSortedSet(reader, rows.field());
            SortedSetDocValues columnValues = columns.field() == null ? null : DocValues.getSortedSet(reader, columns.field());
            int[] rowOrds = rowValues == null ? null : ordsToIndex(rowValues, rows.index());
            int[] columnOrds = columnValues == null ? null : ordsToIndex(columnValues, columns.index());
            NumericDocValues level = DocValues.getNumeric(reader, CaseStudyDocuments.MAP_LEVEL);
            BinaryDocValues packed = DocValues.getBinary(reader, CaseStudyDocuments.MAP_FINDINGS);
            int[] rowHits = new int[rows.values().size()];
            int[] columnHits = new int[width];
            for (int doc = segment.docs().nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                    doc = doc + 1 < segment.docs().length() ? segment.docs().nextSetBit(doc + 1)
                            : DocIdSetIterator.NO_MORE_DOCS) {
                int caseLevel = level.advanceExact(doc) ? (int) level.longValue() : 1;
                docFindings.read(packed.advanceExact(doc) ? packed.binaryValue() : null);
                totalCaseStudies++;
                totalFindings += docFindings.count;
                int rowCount = keys(rowValues, rowOrds, doc, rowHits);
                int columnCount = keys(columnValues, columnOrds, doc, columnHits);
                for (int r = 0; r < rowCount; r++) {
                    for (int c = 0; c < columnCount; c++) {
                        addToCell(rowHits[r], columnHits[c], caseLevel);
                    }
                }
            }
        }

        /** The axis positions of a case study's values on {@code axis}, into {@code hits}; gives how many. */
        private int keys(SortedSetDocValues values, int[] ordIndex, int doc, int[] hits) throws IOException {
            int count = 0;
            if (values == null) { // outcome domains: from the findings
                for (int k = 0; k < docFindings.count; k++) {
                    int position = docFindings.domain[k] < 0 ? -1 : domainPositions[docFindings.domain[k]];
                    if (position >= 0 && !contains(hits, count, position)) {
                        hits[count++] = position;
                    }
                }
                return count;
            }
            if (values.advanceExact(doc)) {
                for (int i = 0; i < values.docValueCount(); i++) {
                    int position = ordIndex[(int) values.nextOrd()];
                    if (position >= 0) {
                        hits[count++] = position;
                    }
                }
            }
            return count;
        }

        private static boolean contains(int[] values, int count, int value) {
            for (int i = 0; i < count; i++) {
                if (values[i] == value) {
                    return true;
                }
            }
            return false;
        }

        private void addToCell(int row, int column, int caseLevel) {
            int cell = row * width + column;
            caseStudies[cell]++;
            int domainPosition = domainPositions == null ? -1 : domainRows ? row : column;
            int best = 0;
            for (int k = 0; k < docFindings.count; k++) {
                if (domainPositions != null
                        && (docFindings.domain[k] < 0 || domainPositions[docFindings.domain[k]] != domainPosition)) {
                    continue;
                }
                findings[cell]++;
                directions[cell * DIRECTIONS + docFindings.direction[k]]++;
                best = Math.max(best, docFindings.level[k]);
            }
            // In a domain's cell, a case study counts at the best level of its findings there (their own, or its own).
            levels[cell * 6 + (domainPositions != null && best > 0 ? best : caseLevel)]++;
        }

        private static int[] ordsToIndex(SortedSetDocValues values, Map<String, Integer> index) throws IOException {
            int[] positions = new int[(int) values.getValueCount()];
            for (int ord = 0; ord < positions.length; ord++) {
                Integer position = index.get(values.lookupOrd(ord).utf8ToString());
                positions[ord] = position == null ? -1 : position;
            }
            return positions;
        }

        EvidenceMap toMap(SearchRequest request) {
            List<EvidenceMap.Cell> cells = new ArrayList<>();
            for (int r = 0; r < rows.values().size(); r++) {
                for (int c = 0; c < width; c++) {
                    int cell = r * width + c;
                    Map<String, Long> byDirection = new LinkedHashMap<>();
                    for (Direction direction : Direction.values()) {
                        byDirection.put(direction.toString(), directions[cell * DIRECTIONS + direction.ordinal()]);
                    }
                    String rowKey = rows.values().get(r).key();
                    String columnKey = columns.values().get(c).key();
                    cells.add(new EvidenceMap.Cell(rowKey, columnKey, caseStudies[cell], findings[cell], byDirection,
                            highest(cell), median(cell), searchLink(request, rows.dimension(), rowKey, columns.dimension(), columnKey)));
                }
            }
            return new EvidenceMap(rows.toJson(), columns.toJson(), cells, totalCaseStudies, totalFindings);
        }

        private Integer highest(int cell) {
            for (int level = 5; level >= 1; level--) {
                if (levels[cell * 6 + level] > 0) {
                    return level;
                }
            }
            return null;
        }

        /** The lower middle level of the cell's case studies. */
        private Integer median(int cell) {
            long count = caseStudies[cell];
            if (count == 0) {
                return null;
            }
            long seen = 0;
            long middle = (count + 1) / 2;
            for (int level = 1; level <= 5; level++) {
                seen += levels[cell * 6 + level];
                if (seen >= middle) {
                    return level;
                }
            }
            return null;
        }
    }

    /**
     * A case study's findings as {@link CaseStudyDocuments#MAP_FINDINGS} packs them, read into reused arrays without
     * allocating: a map reads them for every selected case study. A domain is an index into {@code slugs} (-1 when the
     * finding has none, or one no longer in the vocabulary); a direction its ordinal; a level 1 to 5.
     */
    static final class PackedFindings {
        final List<String> slugs;
        private final byte[][] slugBytes;
        int count;
        int[] domain = new int[8];
        int[] direction = new int[8];
        int[] level = new int[8];

        PackedFindings(List<String> slugs) {
            this.slugs = slugs;
            this.slugBytes = slugs.stream().map(slug -> slug.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }

        void read(BytesRef bytes) {
            count = 0;
            if (bytes == null) {
                return;
            }
            int end = bytes.offset + bytes.length;
            int start = bytes.offset;
            for (int i = bytes.offset; i < end; i++) {
                if (bytes.bytes[i] == '\t') {
                    if (count == domain.length) {
                        domain = Arrays.copyOf(domain, count * 2);
                        direction = Arrays.copyOf(direction, count * 2);
                        level = Arrays.copyOf(level, count * 2);
                    }
                    domain[count] = indexOf(bytes.bytes, start, i - start);
                    direction[count] = bytes.bytes[i + 1] - '0';
                    level[count] = bytes.bytes[i + 2] - '0';
                    count++;
                    i += 3; // the newline
                    start = i + 1;
                }
            }
        }

        private int indexOf(byte[] bytes, int from, int length) {
            if (length == 0) {
                return -1;
            }
            for (int s = 0; s < slugBytes.length; s++) {
                if (Arrays.equals(slugBytes[s], 0, slugBytes[s].length, bytes, from, from + length)) {
                    return s;
                }
            }
            return -1;
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
