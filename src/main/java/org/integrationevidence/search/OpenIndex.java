package org.integrationevidence.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.jboss.logging.Logger;

/**
 * Everything that exists while the search index is open: its files, writer, searchers and the kept snapshots, with
 * what its commits record (mapping version, database, journal watermark, last change). Touched only on the indexer
 * thread of {@link SearchIndex}, except the searchers and the volatile fields that status reads.
 */
final class OpenIndex {

    private static final Logger LOG = Logger.getLogger(OpenIndex.class);

    static final String MAPPING_VERSION = "mappingVersion";
    static final String DATABASE_ID = "databaseId";
    static final String WATERMARK = "journalWatermark";
    /** When the index last changed what it shows: see {@link SearchIndex.State}. */
    static final String LAST_CHANGE = "lastChange";
    private static final double NRT_CACHE_SEGMENT_MB = 5.0;
    private static final double NRT_CACHE_TOTAL_MB = 60.0;

    Directory directory;
    IndexWriter writer;
    SearcherManager searchers;
    SearcherLifetimeManager snapshots;
    /** Every journal entry at or below it is applied. Volatile for {@link SearchIndex#status()}, read on other threads. */
    volatile long watermark;
    /** Stored with every commit: an index built from another database is rebuilt at the next start. */
    final String databaseId;
    /** Journal ids above the watermark that are applied already. */
    final TreeSet<Long> appliedAbove = new TreeSet<>();
    /** Since when the entry right above the watermark has been missing (a transaction not committed yet), if it is. */
    Instant gapSince;
    boolean uncommitted;
    /** Drawn at each open; see {@link SearchIndex.State}. */
    final String openId = UUID.randomUUID().toString();
    /** Counts the catch-ups that changed the index since it opened; read by the searcher factory. */
    long generation;
    Instant lastChange = Instant.EPOCH;
    /** When the last catch-up that completed began: the index shows every commit made before then. */
    volatile Instant caughtUpAt;

    OpenIndex(String databaseId) {
        this.databaseId = databaseId;
    }

    /** What the last commit of the index in {@link #directory} recorded. */
    Map<String, String> committedData() throws IOException {
        return SegmentInfos.readLatestCommit(directory).getUserData();
    }

    /** Opens the writer and the searchers on the index as it was committed, which recorded this watermark and last change. */
    void openCommitted(long committedWatermark, Instant committedLastChange) throws IOException {
        writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.APPEND));
        searchers = new SearcherManager(writer, searcherFactory());
        watermark = committedWatermark;
        lastChange = committedLastChange;
    }

    /** Deletes whatever is at {@code path} and opens the writer on a new, empty index there. */
    void create(Path path) throws IOException {
        deleteRecursively(path);
        Files.createDirectories(path);
        directory = openDirectory(path);
        writer = new IndexWriter(directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
    }

    /** Commits what was written since the last commit, recording where in the journal the index stands. */
    void commit() throws IOException {
        if (uncommitted) {
            commitNow();
        }
    }

    void commitNow() throws IOException {
        writer.setLiveCommitData(Map.of(MAPPING_VERSION, CaseStudyDocuments.MAPPING_VERSION,
                DATABASE_ID, databaseId, WATERMARK, Long.toString(watermark),
                LAST_CHANGE, lastChange.toString()).entrySet());
        writer.commit();
        uncommitted = false;
    }

    /** Opens the searchers once the writer exists. */
    void openSearchers() throws IOException {
        searchers = new SearcherManager(writer, searcherFactory());
    }

    /** Which of these case studies the current snapshot lists. */
    Set<Long> listedNow(Set<Long> ids) throws IOException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> listed = new HashSet<>();
        IndexSearcher snapshot = searchers.acquire();
        try {
            for (Long id : ids) {
                if (snapshot.count(new TermQuery(CaseStudyDocuments.idTerm(id))) > 0) {
                    listed.add(id);
                }
            }
        } finally {
            searchers.release(snapshot);
        }
        return listed;
    }

    /**
     * Closes every part that exists. Fields are left as they are: searches that read this index before it was
     * unpublished then meet closed objects ({@code AlreadyClosedException}, answered 503), never nulls.
     */
    void closeQuietly() {
        for (Closeable closeable : new Closeable[] {snapshots, searchers, writer, directory}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Closing part of the search index failed", e);
                }
            }
        }
    }

    /**
     * The index files, with the small segments that every refresh flushes kept in memory until they merge or are
     * committed: writing, mapping and unmapping a file per write would cost more than the write itself.
     */
    static Directory openDirectory(Path path) throws IOException {
        return new NRTCachingDirectory(FSDirectory.open(path), NRT_CACHE_SEGMENT_MB, NRT_CACHE_TOTAL_MB);
    }

    private static IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        Analyzer analyzer = new PerFieldAnalyzerWrapper(SearchAnalyzers.index(),
                Map.of(CaseStudyDocuments.TITLE_WORDS, SearchAnalyzers.words()));
        IndexWriterConfig writerConfig = new IndexWriterConfig(analyzer);
        writerConfig.setOpenMode(mode);
        writerConfig.setRAMBufferSizeMB(64);
        // Refreshes follow every write, which waits for them: never also wait for merges of the new tiny segments
        // (Lucene's default waits up to half a second); the merge scheduler does them in the background.
        writerConfig.setMaxFullFlushMergeWaitMillis(0);
        // Each refresh flushes a segment of a few case studies: packing its files into a compound file would copy
        // them once more on every write. Merged segments still follow the merge policy's choice.
        writerConfig.setUseCompoundFile(false);
        // Kept in the default list order: its pages, and later pages of any listing, stop early instead of
        // comparing every case study (indexed oldest first, each would otherwise outrank the last).
        writerConfig.setIndexSort(SearchSort.UPDATED.sort());
        return writerConfig;
    }

    /** Snapshots are made on the indexer thread (at open, and by refreshes after a catch-up), which owns the counters. */
    private SearcherFactory searcherFactory() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                return new SearchIndex.Snapshot(reader, new SearchIndex.State(openId + "." + generation, lastChange));
            }
        };
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
