package org.integrationevidence.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.DocIdSetIterator;
import org.integrationevidence.casestudy.Direction;

/** The counts of every cell, added up a case study at a time. */
final class MapTally {
    private static final int DIRECTIONS = Direction.values().length;

    private final MapAxis rows;
    private final MapAxis columns;
    private final MapColumns columnsCache;
    private final List<String> slugs;
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

    /** The segment being added, and the findings of the document being added: from {@code first} to {@code end}. */
    private MapColumns.Segment segment;
    private int first;
    private int end;

    MapTally(MapAxis rows, MapAxis columns, MapColumns columnsCache, List<String> slugs) {
        this.rows = rows;
        this.columns = columns;
        this.columnsCache = columnsCache;
        this.slugs = slugs;
        MapAxis domainAxis = rows.field() == null ? rows : columns.field() == null ? columns : null;
        this.domainRows = domainAxis == rows;
        this.domainPositions = domainAxis == null ? null : domainAxis.positionsOf(slugs);
        this.width = columns.values().size();
        int cells = rows.values().size() * width;
        caseStudies = new long[cells];
        findings = new long[cells];
        directions = new long[cells * DIRECTIONS];
        levels = new long[cells * 6];
    }

    void add(FacetBitsets.SegmentMatches matches) {
        segment = columnsCache.of(matches.context().reader(), slugs);
        MapColumns.Values rowValues = rows.field() == null ? null : segment.fields().get(rows.field());
        MapColumns.Values columnValues = columns.field() == null ? null : segment.fields().get(columns.field());
        int[] rowOrds = rowValues == null ? null : ordsToIndex(rowValues, rows.index());
        int[] columnOrds = columnValues == null ? null : ordsToIndex(columnValues, columns.index());
        int[] rowHits = new int[rows.values().size()];
        int[] columnHits = new int[width];
        for (int doc = matches.docs().nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                doc = doc + 1 < matches.docs().length() ? matches.docs().nextSetBit(doc + 1)
                        : DocIdSetIterator.NO_MORE_DOCS) {
            int caseLevel = segment.level()[doc] == 0 ? 1 : segment.level()[doc];
            first = segment.findingStart()[doc];
            end = segment.findingStart()[doc + 1];
            totalCaseStudies++;
            totalFindings += end - first;
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
    private int keys(MapColumns.Values values, int[] ordIndex, int doc, int[] hits) {
        int count = 0;
        if (values == null) { // outcome domains: from the findings
            for (int k = first; k < end; k++) {
                int domain = segment.findingDomain()[k];
                int position = domain < 0 ? -1 : domainPositions[domain];
                if (position >= 0 && !contains(hits, count, position)) {
                    hits[count++] = position;
                }
            }
            return count;
        }
        for (int i = values.start()[doc]; i < values.start()[doc + 1]; i++) {
            int position = ordIndex[values.ords()[i]];
            if (position >= 0) {
                hits[count++] = position;
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
        for (int k = first; k < end; k++) {
            int domain = segment.findingDomain()[k];
            if (domainPositions != null && (domain < 0 || domainPositions[domain] != domainPosition)) {
                continue;
            }
            findings[cell]++;
            directions[cell * DIRECTIONS + segment.findingDirection()[k]]++;
            best = Math.max(best, segment.findingLevel()[k]);
        }
        // In a domain's cell, a case study counts at the best level of its findings there (their own, or its own).
        levels[cell * 6 + (domainPositions != null && best > 0 ? best : caseLevel)]++;
    }

    private static int[] ordsToIndex(MapColumns.Values values, Map<String, Integer> index) {
        int[] positions = new int[values.terms().length];
        for (int ord = 0; ord < positions.length; ord++) {
            Integer position = index.get(values.terms()[ord]);
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
                        highest(cell), median(cell), EvidenceMaps.searchLink(request, rows.dimension(), rowKey, columns.dimension(), columnKey)));
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
