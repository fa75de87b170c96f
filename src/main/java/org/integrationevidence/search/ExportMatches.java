package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Every match of a search, in its order, as case study ids a batch at a time, all from one snapshot of the index so
 * that a long export neither repeats nor skips a case study while others are written. Each batch takes its own turn
 * among the searches, so an export never holds up other searches for longer than one batch. Close it.
 */
/** See {@link #matches}. */
public final class ExportMatches implements AutoCloseable {
    private final SearchIndex.Snapshot snapshot;
    private final IndexBasis basis;
    private final SearchIndex index;
    private final SearchTurns turns;
    private final SearchTimer timer;
    private final Query query;
    private final Sort sort;
    private final int batchSize;
    private FieldDoc after;
    private boolean done;
    private final AtomicBoolean closed = new AtomicBoolean();

    ExportMatches(SearchIndex.Snapshot snapshot, IndexBasis basis, Query query, Sort sort, int batchSize, SearchIndex index,
            SearchTurns turns, SearchTimer timer) {
        this.snapshot = snapshot;
        this.basis = basis;
        this.index = index;
        this.turns = turns;
        this.timer = timer;
        this.query = query;
        this.sort = sort;
        this.batchSize = batchSize;
    }

    /** What the export stands on, for its validators: the snapshot all its batches come from. */
    public IndexBasis basis() {
        return basis;
    }

    /** The ids of the next batch, in order; empty once every match was given. */
    public List<Long> next() {
        if (done) {
            return List.of();
        }
        return timer.time(SearchTimer.Kind.EXPORT, this::nextBatch);
    }

    private List<Long> nextBatch() {
        turns.acquireTurn();
        try {
            TopFieldDocs docs = snapshot.search(query, new TopFieldCollectorManager(sort, batchSize, after, batchSize));
            done = docs.scoreDocs.length < batchSize;
            if (docs.scoreDocs.length > 0) {
                after = (FieldDoc) docs.scoreDocs[docs.scoreDocs.length - 1];
            }
            List<Long> ids = new ArrayList<>(docs.scoreDocs.length);
            List<LeafReaderContext> leaves = snapshot.getIndexReader().leaves();
            for (ScoreDoc hit : docs.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                NumericDocValues id = DocValues.getNumeric(leaf.reader(), CaseStudyDocuments.ID);
                if (!id.advanceExact(hit.doc - leaf.docBase)) {
                    throw new IllegalStateException("Indexed case study without id: doc " + hit.doc);
                }
                ids.add(id.longValue());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            turns.releaseTurn();
        }
    }

    /** Releases the snapshot; closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            index.release(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
