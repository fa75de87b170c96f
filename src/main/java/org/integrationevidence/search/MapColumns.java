package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The cache "evidence map columns": for each segment of the index, what an evidence map reads of every document
 * (its level, its findings, its approaches, themes, target groups and country), decoded once into plain arrays, so that
 * a map or an approach's summary is a loop over arrays rather than a doc values read and a decoding per document. At
 * 100,000 case studies the decoding was most of a map's time.
 * <ul>
 * <li>Owner: {@link EvidenceMaps}, the only reader.</li>
 * <li>Invalidation: a segment never changes, so its columns never go stale; they are dropped when the segment is
 * closed (merged away or the index reopened). The findings' domains are kept as positions in the outcome-domain
 * vocabulary they were decoded with, so columns decoded with another vocabulary (a domain added or removed since)
 * are decoded again.</li>
 * <li>Size: about 60 bytes a document, about 6 MB at 100,000 case studies.</li>
 * </ul>
 */
final class MapColumns {

    /** The fields read for rows and columns other than outcome domains. */
    private static final List<String> FIELDS = List.of(CaseStudyDocuments.MAP_APPROACH, CaseStudyDocuments.MAP_THEME,
            CaseStudyDocuments.MAP_TARGET_GROUP, CaseStudyDocuments.MAP_COUNTRY, CaseStudyDocuments.mapField("cbp"),
            CaseStudyDocuments.mapField("gcm"), CaseStudyDocuments.mapField("sdg"));

    /** One field's values: document {@code d} has the terms {@code terms[ords[i]]} for i from start[d] to start[d + 1]. */
    record Values(String[] terms, int[] start, int[] ords) {
    }

    /**
     * One segment's columns. Document {@code d}'s level is {@code level[d]} (0 if none); its findings are those from
     * {@code findingStart[d]} to {@code findingStart[d + 1]}, each with a domain (a position in {@code slugs}, -1 if
     * none), a direction ordinal and a level.
     */
    record Segment(List<String> slugs, byte[] level, int[] findingStart, int[] findingDomain, byte[] findingDirection,
            byte[] findingLevel, Map<String, Values> fields) {
    }

    private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

    /** The columns of this segment, with domains as positions in {@code slugs}. */
    Segment of(LeafReader reader, List<String> slugs) {
        IndexReader.CacheHelper cacheHelper = reader.getCoreCacheHelper();
        if (cacheHelper == null) {
            return build(reader, slugs);
        }
        Segment cached = segments.get(cacheHelper.getKey());
        if (cached != null && cached.slugs().equals(slugs)) {
            return cached;
        }
        Segment built = build(reader, slugs);
        if (segments.put(cacheHelper.getKey(), built) == null) {
            cacheHelper.addClosedListener(segments::remove);
        }
        return built;
    }

    static Segment build(LeafReader reader, List<String> slugs) {
        try {
            int maxDoc = reader.maxDoc();
            byte[] level = new byte[maxDoc];
            NumericDocValues levels = DocValues.getNumeric(reader, CaseStudyDocuments.MAP_LEVEL);
            for (int doc = levels.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = levels.nextDoc()) {
                level[doc] = (byte) levels.longValue();
            }
            PackedFindings decoder = new PackedFindings(slugs);
            BinaryDocValues packed = DocValues.getBinary(reader, CaseStudyDocuments.MAP_FINDINGS);
            int[] start = new int[maxDoc + 1];
            int[] domain = new int[Math.max(16, maxDoc * 2)];
            byte[] direction = new byte[domain.length];
            byte[] findingLevel = new byte[domain.length];
            int count = 0;
            for (int doc = 0; doc < maxDoc; doc++) {
                start[doc] = count;
                decoder.read(packed.advanceExact(doc) ? packed.binaryValue() : null);
                if (count + decoder.count > domain.length) {
                    int size = Math.max(domain.length * 2, count + decoder.count);
                    domain = Arrays.copyOf(domain, size);
                    direction = Arrays.copyOf(direction, size);
                    findingLevel = Arrays.copyOf(findingLevel, size);
                }
                for (int k = 0; k < decoder.count; k++, count++) {
                    domain[count] = decoder.domain[k];
                    direction[count] = (byte) decoder.direction[k];
                    findingLevel[count] = (byte) decoder.level[k];
                }
            }
            start[maxDoc] = count;
            Map<String, Values> fields = new HashMap<>();
            for (String field : FIELDS) {
                fields.put(field, values(reader, field));
            }
            return new Segment(slugs, level, start, Arrays.copyOf(domain, count), Arrays.copyOf(direction, count),
                    Arrays.copyOf(findingLevel, count), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Values values(LeafReader reader, String field) throws IOException {
        SortedSetDocValues docValues = DocValues.getSortedSet(reader, field);
        String[] terms = new String[Math.toIntExact(docValues.getValueCount())];
        for (int ord = 0; ord < terms.length; ord++) {
            terms[ord] = docValues.lookupOrd(ord).utf8ToString();
        }
        int maxDoc = reader.maxDoc();
        int[] start = new int[maxDoc + 1];
        int[] ords = new int[Math.max(16, maxDoc)];
        int count = 0;
        int next = docValues.nextDoc();
        for (int doc = 0; doc < maxDoc; doc++) {
            start[doc] = count;
            if (doc == next) {
                if (count + docValues.docValueCount() > ords.length) {
                    ords = Arrays.copyOf(ords, Math.max(ords.length * 2, count + docValues.docValueCount()));
                }
                for (int i = 0; i < docValues.docValueCount(); i++) {
                    ords[count++] = Math.toIntExact(docValues.nextOrd());
                }
                next = docValues.nextDoc();
            }
        }
        start[maxDoc] = count;
        return new Values(terms, start, Arrays.copyOf(ords, count));
    }
}
