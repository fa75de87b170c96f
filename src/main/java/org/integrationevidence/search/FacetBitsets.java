package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

/**
 * Facet counting by bitset intersection. For each segment of the index, the documents that have each facet value
 * are kept as one bitset per value, built the first time the segment is counted: segments never change, and a
 * deleted document is never among the matches counted, so the bitsets stay right for the segment's life. A count
 * is then one intersection per value, a cost that does not grow with the number of matches. Reading every match's
 * doc values instead was most of the time of a faceted search at 100,000 case studies (docs/benchmarks), because a
 * multi-select facet counts the matches of the other filters, often tens of thousands.
 *
 * <p>A bitset takes maxDoc / 8 bytes, so with a hundred or so facet values in all, 100,000 case studies take about
 * 1.3 MB. Bitsets are dropped when their segment is closed (merged away or the index reopened).
 */
final class FacetBitsets {

    /** Per segment core: dimension, then value, then the documents that have it. */
    private final Map<IndexReader.CacheKey, Map<String, Map<String, FixedBitSet>>> segments = new ConcurrentHashMap<>();

    /** How many of the collected documents have each value of one dimension; values without any are left out. */
    Map<String, Long> count(FacetsCollector collector, String dimension) throws IOException {
        Map<String, Long> counts = new HashMap<>();
        for (FacetsCollector.MatchingDocs matching : collector.getMatchingDocs()) {
            if (matching.totalHits == 0) {
                continue;
            }
            LeafReader reader = matching.context.reader();
            Map<String, FixedBitSet> values = valuesOf(reader).getOrDefault(dimension, Map.of());
            if (values.isEmpty()) {
                continue;
            }
            FixedBitSet matches = asFixedBitSet(matching.bits, reader.maxDoc());
            values.forEach((value, docs) -> {
                long count = FixedBitSet.intersectionCount(matches, docs);
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

    private static FixedBitSet asFixedBitSet(DocIdSet docs, int maxDoc) throws IOException {
        if (docs instanceof BitDocIdSet bitDocs && bitDocs.bits() instanceof FixedBitSet bits) {
            return bits;
        }
        FixedBitSet bits = new FixedBitSet(maxDoc);
        DocIdSetIterator iterator = docs.iterator();
        if (iterator != null) {
            bits.or(iterator);
        }
        return bits;
    }
}
