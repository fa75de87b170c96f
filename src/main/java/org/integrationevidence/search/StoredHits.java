package org.integrationevidence.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.casestudy.CaseStudySummary;

/** The hits of a search as the API lists them: each hit's id and the summary stored with it in the index. */
@ApplicationScoped
class StoredHits {

    /** A hit's id and the summary stored with it. */
    record StoredHit(long id, CaseStudySummary summary) {
    }

    private ObjectReader summaryReader;

    @Inject
    void readSummariesWith(ObjectMapper json) {
        this.summaryReader = json.readerFor(CaseStudySummary.class);
    }

    /** Reads hits from doc values, which unlike stored fields need no decompression of neighbouring documents. */
    List<StoredHit> read(SearchIndex.Snapshot snapshot, ScoreDoc[] hits) throws IOException {
        List<StoredHit> stored = new ArrayList<>(hits.length);
        List<LeafReaderContext> leaves = snapshot.getIndexReader().leaves();
        for (ScoreDoc hit : hits) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            int doc = hit.doc - leaf.docBase;
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), CaseStudyDocuments.ID);
            BinaryDocValues summaries = DocValues.getBinary(leaf.reader(), CaseStudyDocuments.SUMMARY_JSON);
            if (!ids.advanceExact(doc) || !summaries.advanceExact(doc)) {
                throw new IllegalStateException("Indexed case study without id or summary: doc " + hit.doc);
            }
            BytesRef summary = summaries.binaryValue();
            stored.add(new StoredHit(ids.longValue(), summaryReader.readValue(summary.bytes, summary.offset, summary.length)));
        }
        return stored;
    }

    /** The ids of these hits that the database no longer serves, in the order of the hits. */
    static List<Long> leftOut(List<StoredHit> stored, Set<Long> servable) {
        return stored.stream().map(StoredHit::id).filter(id -> !servable.contains(id)).toList();
    }
}
