package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * Facet counting by bitset intersection. For each segment of the index, the documents that have each facet value
 * are kept as one bitset per value, built the first time the segment is counted: segments never change, and a
 * deleted document is never among the matches counted, so the bitsets stay right for the segment's life. A count
 * is then one intersection per value, a cost that does not grow with the number of matches. Reading every match's
 * doc values instead was most of the time of a faceted search at 100,000 case studies (docs/performance), because a
 * multi-select facet counts the matches of the other filters, often tens of thousands.
 *
 * <p>A bitset takes maxDoc / 8 bytes, so with a hundred or so facet values in all, 100,000 case studies take about
 * 1.3 MB. Bitsets are dropped when their segment is closed (merged away or the index reopened).
 */
final class FacetBitsets {

    /** Per segment core: dimension, then value, then the documents that have it. */
    private final Map<IndexReader.CacheKey, Map<String, Map<String, FixedBitSet>>> segments = new ConcurrentHashMap<>();

    /** The matches of a search in one segment, as a bitset of its documents, and how many they are. */
    record SegmentMatches(LeafReaderContext context, FixedBitSet docs, int count) {
    }

    /**
     * Collects every match of a search straight into one bitset per segment, scoring nothing: what {@link #count}
     * intersects. (Lucene's FacetsCollector builds a growing list of documents first, then turns it into a bitset:
     * most of the collecting time of a faceted search with tens of thousands of matches.)
     */
    static CollectorManager<MatchCollector, List<SegmentMatches>> matches() {
        return new CollectorManager<>() {
            @Override
            public MatchCollector newCollector() {
                return new MatchCollector();
            }

            @Override
            public List<SegmentMatches> reduce(Collection<MatchCollector> collectors) {
                List<SegmentMatches> segments = new ArrayList<>();
                collectors.forEach(collector -> segments.addAll(collector.segments));
                return segments;
            }
        };
    }

    static final class MatchCollector implements Collector {
        private final List<SegmentMatches> segments = new ArrayList<>();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            FixedBitSet docs = new FixedBitSet(context.reader().maxDoc());
            return new LeafCollector() {
                private int count;

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    docs.set(doc);
                    count++;
                }

                @Override
                public void finish() {
                    if (count > 0) {
                        segments.add(new SegmentMatches(context, docs, count));
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    /** How many of the matches have each value of one dimension; values without any are left out. */
    Map<String, Long> count(List<SegmentMatches> matches, String dimension) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (SegmentMatches segment : matches) {
            Map<String, FixedBitSet> values = valuesOf(segment.context().reader()).getOrDefault(dimension, Map.of());
            values.forEach((value, docs) -> {
                long count = FixedBitSet.intersectionCount(segment.docs(), docs);
                if (count > 0) {
                    counts.merge(value, count, Long::sum);
                }
            });
        }
        return counts;
    }

    private Map<String, Map<String, FixedBitSet>> valuesOf(LeafReader reader) {
        IndexReader.CacheHelper cacheHelper = reader.getCoreCacheHelper();
        if (cacheHelper == null) {
            return build(reader);
        }
        return segments.computeIfAbsent(cacheHelper.getKey(), key -> {
            cacheHelper.addClosedListener(segments::remove);
            return build(reader);
        });
    }

    private static Map<String, Map<String, FixedBitSet>> build(LeafReader reader) {
        try {
            Map<String, Map<String, FixedBitSet>> dimensions = new HashMap<>();
            for (String dimension : CaseStudyDocuments.FACETS) {
                dimensions.put(dimension, valuesOf(reader, dimension));
            }
            return dimensions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, FixedBitSet> valuesOf(LeafReader reader, String dimension) throws IOException {
        SortedSetDocValues docValues = DocValues.getSortedSet(reader, CaseStudyDocuments.facetField(dimension));
        FixedBitSet[] byOrd = new FixedBitSet[Math.toIntExact(docValues.getValueCount())];
        for (int doc = docValues.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docValues.nextDoc()) {
            for (int i = 0; i < docValues.docValueCount(); i++) {
                int ord = Math.toIntExact(docValues.nextOrd());
                if (byOrd[ord] == null) {
                    byOrd[ord] = new FixedBitSet(reader.maxDoc());
                }
                byOrd[ord].set(doc);
            }
        }
        Map<String, FixedBitSet> values = new HashMap<>();
        for (int ord = 0; ord < byOrd.length; ord++) {
            if (byOrd[ord] != null) {
                // Terms are the facet path "dimension, value" as FacetsConfig encodes it.
                String[] path = FacetsConfig.stringToPath(docValues.lookupOrd(ord).utf8ToString());
                values.put(path[path.length - 1], byOrd[ord]);
            }
        }
        return values;
    }

}
