package org.integrationevidence.search;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.integrationevidence.casestudy.CaseStudyService;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.ChangeJournal;
import org.integrationevidence.casestudy.IndexableCaseStudy;
import org.integrationevidence.common.EvidenceConfig;
import org.integrationevidence.common.ServerSecrets;
import org.jboss.logging.Logger;

/**
 * This instance's Lucene index of the published case studies, under {@code <data-dir>/index}: searches never show
 * anything else, so nothing else is indexed, and nothing a draft holds can reach a public answer, its validators or
 * its ranking. The database is the only source of
 * truth: the index is rebuilt from it when missing, unreadable, built by another mapping version or from another
 * database, and it follows the database through the change journal, which it reads after each local commit and
 * every poll interval (for commits of other instances). All index writes happen on one indexer thread; searches run
 * on request threads against near-real-time snapshots.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    private static final String MAPPING_VERSION = "mappingVersion";
    private static final String DATABASE_ID = "databaseId";
    private static final String WATERMARK = "journalWatermark";
    /** When the index last changed what it shows: see {@link State}. */
    private static final String LAST_CHANGE = "lastChange";
    private static final int BATCH = 1000;
    private static final double NRT_CACHE_SEGMENT_MB = 5.0;
    private static final double NRT_CACHE_TOTAL_MB = 60.0;

    /** A point-in-time view of the index that searches take turns on and release. */
    static final class Snapshot extends IndexSearcher {
        final State state;

        Snapshot(IndexReader reader, State state) {
            super(reader);
            this.state = state;
        }
    }

    /**
     * What a snapshot shows, for HTTP validators: {@code version} changes whenever a snapshot with other content
     * replaces it, and {@code lastChange} is when the newest journal entry that changed what it shows was recorded
     * (by the database's clock; after a rebuild, the rebuild's time). The version starts with a random id drawn each time the index opens, so versions of another instance,
     * or of this one before a restart, are never equal to this one's by chance: two instances may give the same data
     * different versions (a client then reads it again once), never the same version to different data.
     */
    public record State(String version, Instant lastChange) {
    }

    /** Everything that exists while the index is open. Touched only on the indexer thread, except the searchers. */
    private static final class Open {
        Directory directory;
        IndexWriter writer;
        SearcherManager searchers;
        SearcherLifetimeManager snapshots;
        /** Volatile for {@link #status()}, which reads it on other threads. */
        volatile long watermark;
        /** Stored with every commit: an index built from another database is rebuilt at the next start. */
        String databaseId;
        final TreeSet<Long> appliedAbove = new TreeSet<>();
        Instant gapSince;
        boolean uncommitted;
        /** Drawn at each open; see {@link State}. */
        final String openId = java.util.UUID.randomUUID().toString();
        /** Counts the catch-ups that changed the index since it opened; read by the searcher factory. */
        long generation;
        Instant lastChange = Instant.EPOCH;
        /** When the last catch-up that completed began: the index shows every commit made before then. */
        volatile Instant caughtUpAt;
    }

    /**
     * What operators watch (health checks and metrics): how many case studies the current snapshot holds, the
     * change journal id below which every entry is applied, and when the last completed catch-up began, so that
     * the index holds every commit made before {@code caughtUpAt} and is at most {@code now - caughtUpAt} behind.
     */
    public record Status(long documents, long journalPosition, Instant caughtUpAt) {
    }

    @Inject
    EvidenceConfig config;

    @Inject
    CaseStudyService caseStudies;

    @Inject
    ChangeJournal journal;

    @Inject
    ServerSecrets secrets;

    @Inject
    ObjectMapper json;

    @Inject
    IndexWait indexWait;

    private volatile Open open;
    private volatile ScheduledExecutorService indexer;
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    /** Guards {@link #pendingCatchUp}; separate from the monitor that open and close hold while they wait. */
    private final Object catchUpLock = new Object();
    private CompletableFuture<Void> pendingCatchUp;

    /** Opens before the seed data is loaded (at the default priority), since creating approaches lists their case studies. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        open();
    }

    /** After everything else at start-up (the seed data), so that the server only listens once the index shows it. */
    void onStarted(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        IndexWait.await(requestCatchUp(), config.search().writeWait());
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /**
     * Starts catching up with a local commit at once; within a request, its response waits for the catch-up
     * ({@link IndexWait}).
     */
    void onCommit(@Observes ChangeJournal.CaseStudiesCommitted event) {
        CompletableFuture<Void> caughtUp = requestCatchUp();
        if (Arc.container().requestContext().isActive()) {
            indexWait.awaitBeforeResponse(caughtUp);
        }
    }

    /** Opens the index, rebuilding or catching it up as needed, and starts following the journal. */
    public synchronized void open() {
        if (indexer != null) {
            return;
        }
        indexer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-indexer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            runOnIndexer(this::openOnIndexer);
        } catch (RuntimeException e) {
            // Leave nothing half-open: a later open() starts from scratch.
            indexer.shutdownNow();
            indexer = null;
            throw e;
        }
        long poll = config.search().pollInterval().toMillis();
        long commit = config.search().commitInterval().toMillis();
        schedules.add(indexer.scheduleWithFixedDelay(this::pollJournal, poll, poll, TimeUnit.MILLISECONDS));
        schedules.add(indexer.scheduleWithFixedDelay(this::commitQuietly, commit, commit, TimeUnit.MILLISECONDS));
    }

    /** Commits what was indexed and closes the index; searches answer 503 until it is opened again. */
    public synchronized void close() {
        if (indexer == null) {
            return;
        }
        schedules.forEach(schedule -> schedule.cancel(false));
        schedules.clear();
        runOnIndexer(this::closeOnIndexer);
        indexer.shutdown();
        indexer = null;
        synchronized (catchUpLock) {
            if (pendingCatchUp != null) {
                pendingCatchUp.complete(null);
                pendingCatchUp = null;
            }
        }
    }

    /** Whether searches can be answered. */
    public boolean isOpen() {
        return open != null;
    }

    /** See {@link Status}; null when the index is closed. Cheap: no search runs and the database is not asked. */
    public Status status() {
        Open current = open;
        return current == null ? null : fromCurrentSnapshot(current,
                snapshot -> new Status(snapshot.getIndexReader().numDocs(), current.watermark, current.caughtUpAt));
    }

    /** Where the index lives. */
    public Path directory() {
        return Path.of(config.dataDir(), "index");
    }

    /**
     * Asks the indexer to read the journal; the future completes once a catch-up that started after this call has
     * finished, so it includes every commit made before the call. Calls made meanwhile share one catch-up.
     */
    public CompletableFuture<Void> requestCatchUp() {
        synchronized (catchUpLock) {
            ScheduledExecutorService current = indexer;
            if (current == null) {
                return CompletableFuture.completedFuture(null);
            }
            if (pendingCatchUp == null) {
                pendingCatchUp = new CompletableFuture<>();
                try {
                    current.execute(this::runPendingCatchUp);
                } catch (RejectedExecutionException e) {
                    pendingCatchUp.complete(null); // closing: the next open catches up from the journal
                    pendingCatchUp = null;
                    return CompletableFuture.completedFuture(null);
                }
            }
            return pendingCatchUp;
        }
    }

    /** The current snapshot for a search; release it with {@link #release}. Null when the index is closed. */
    Snapshot acquire() throws IOException {
        Open current = open;
        if (current == null) {
            return null;
        }
        try {
            return (Snapshot) current.searchers.acquire();
        } catch (AlreadyClosedException e) {
            return null;
        }
    }

    /** What the current snapshot shows (see {@link State}); null when the index is closed. Cheap: no search runs. */
    public State state() {
        Open current = open;
        return current == null ? null : fromCurrentSnapshot(current, snapshot -> snapshot.state);
    }

    /** What {@code read} takes from the current snapshot of {@code current}, or null if it closed meanwhile. */
    private static <T> T fromCurrentSnapshot(Open current, Function<Snapshot, T> read) {
        try {
            Snapshot snapshot = (Snapshot) current.searchers.acquire();
            try {
                return read.apply(snapshot);
            } finally {
                current.searchers.release(snapshot);
            }
        } catch (AlreadyClosedException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The snapshot a cursor was issued from, if it is still kept; release it with {@link #release}. */
    Snapshot acquire(long snapshotVersion) {
        Open current = open;
        try {
            return current == null ? null : (Snapshot) current.snapshots.acquire(snapshotVersion);
        } catch (AlreadyClosedException e) {
            return null;
        }
    }

    /** Keeps the snapshot for later pages of the same search, and returns its version for the cursor. */
    long keep(Snapshot snapshot) throws IOException {
        Open current = open;
        try {
            return current == null ? -1 : current.snapshots.record(snapshot);
        } catch (AlreadyClosedException e) {
            return -1; // closing: the next page continues from the cursor's sort position instead
        }
    }

    void release(Snapshot snapshot) throws IOException {
        Open current = open;
        if (current != null) {
            try {
                current.searchers.release(snapshot);
                return;
            } catch (AlreadyClosedException e) {
                // the index was closed meanwhile; fall through
            }
        }
        snapshot.getIndexReader().decRef();
    }

    // ---- Work on the indexer thread ----

    private void openOnIndexer() throws IOException {
        Path path = directory();
        Files.createDirectories(path);
        String databaseId = Base64.getUrlEncoder().encodeToString(secrets.get("database-id"));
        long lastJournalId = journal.lastId();
        Open opening = new Open();
        opening.databaseId = databaseId;
        String rebuildReason = null;
        opening.directory = openDirectory(path);
        try {
            if (!DirectoryReader.indexExists(opening.directory)) {
                rebuildReason = "there is no index yet";
            } else {
                Map<String, String> data = SegmentInfos.readLatestCommit(opening.directory).getUserData();
                long watermark = Long.parseLong(data.getOrDefault(WATERMARK, "-1"));
                if (!CaseStudyDocuments.MAPPING_VERSION.equals(data.get(MAPPING_VERSION))) {
                    rebuildReason = "it was built by mapping version " + data.get(MAPPING_VERSION) + ", this is version "
                            + CaseStudyDocuments.MAPPING_VERSION;
                } else if (!databaseId.equals(data.get(DATABASE_ID))) {
                    rebuildReason = "it was built from another database";
                } else if (watermark < 0 || watermark > lastJournalId) {
                    rebuildReason = "it is ahead of the database's change journal (was the database restored?)";
                } else if (data.get(LAST_CHANGE) == null) {
                    rebuildReason = "it does not say when it last changed";
                } else {
                    opening.writer = new IndexWriter(opening.directory, writerConfig(IndexWriterConfig.OpenMode.APPEND));
                    opening.searchers = new SearcherManager(opening.writer, searcherFactory(opening));
                    opening.watermark = watermark;
                    opening.lastChange = Instant.parse(data.get(LAST_CHANGE));
                    LOG.infof("Opened the search index at %s as it was committed, at change %d.", path, watermark);
                }
            }
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | NoSuchFileException
                | EOFException | NumberFormatException | DateTimeParseException e) {
            rebuildReason = "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            closeQuietly(opening);
            opening.directory = null;
        }
        try {
            if (rebuildReason != null) {
                LOG.infof("Rebuilding the search index from the database: %s.", rebuildReason);
                closeQuietly(opening);
                rebuild(opening, path);
            }
            opening.snapshots = new SearcherLifetimeManager();
            catchUp(opening);
        } catch (IOException | RuntimeException e) {
            closeQuietly(opening); // releases write.lock, so that a later open() can try again
            throw e;
        }
        open = opening;
    }

    private void rebuild(Open target, Path path) throws IOException {
        long started = System.nanoTime();
        deleteRecursively(path);
        Files.createDirectories(path);
        target.directory = openDirectory(path);
        target.writer = new IndexWriter(target.directory, writerConfig(IndexWriterConfig.OpenMode.CREATE));
        // Entries newer than this may belong to transactions still open: they are read again by the catch-up.
        target.watermark = journal.lastIdOlderThan(config.search().gapTimeout());
        // Newer entries already visible belong to committed transactions, which the read below includes: they count
        // as applied, so that a rebuild right after a bulk load does not index it all a second time.
        target.appliedAbove.addAll(journal.idsAfter(target.watermark));
        long count = 0;
        long afterId = 0;
        for (List<IndexableCaseStudy> batch = caseStudies.indexableAfter(afterId, BATCH); !batch.isEmpty();
                batch = caseStudies.indexableAfter(afterId, BATCH)) {
            for (IndexableCaseStudy caseStudy : batch) {
                if (caseStudy.status() == CaseStudyStatus.PUBLISHED) {
                    target.writer.addDocument(document(caseStudy));
                    count++;
                }
                afterId = caseStudy.id();
            }
        }
        // When the public data last changed is not known from a rebuild: the rebuild's own time is never too early
        // for a client's If-Modified-Since, and tells nothing of drafts.
        target.lastChange = Instant.now();
        target.writer.setLiveCommitData(commitData(target).entrySet());
        target.writer.commit();
        target.searchers = new SearcherManager(target.writer, searcherFactory(target));
        LOG.infof("Search index rebuilt: %d case studies in %d ms.", count, (System.nanoTime() - started) / 1_000_000);
    }

    private void runPendingCatchUp() {
        CompletableFuture<Void> mine;
        synchronized (catchUpLock) {
            mine = pendingCatchUp;
            pendingCatchUp = null;
        }
        if (mine == null) {
            return;
        }
        try {
            Open current = open;
            if (current != null) {
                catchUp(current);
            }
            mine.complete(null);
        } catch (Exception | LinkageError e) {
            mine.completeExceptionally(e);
        }
    }

    private void pollJournal() {
        try {
            Open current = open;
            if (current != null) {
                catchUp(current);
            }
        } catch (Exception e) {
            LOG.error("Reading the change journal into the search index failed; the next poll retries.", e);
        }
    }

    /**
     * Applies every journal entry above the watermark that was not applied yet, then moves the watermark over the
     * entries applied without a gap. A gap is an id taken by a transaction that has not committed yet (or never
     * will): it holds the watermark back until it fills or the gap timeout passes, so no commit is skipped.
     */
    private void catchUp(Open target) throws IOException {
        Instant started = Instant.now();
        long watermark = target.watermark;
        Set<Long> published = new HashSet<>();
        boolean changed = false;
        long readAfter = target.watermark;
        List<ChangeJournal.Change> batch;
        do {
            batch = journal.changesAfter(readAfter, BATCH);
            Set<Long> caseStudyIds = new LinkedHashSet<>();
            List<ChangeJournal.Change> applied = new ArrayList<>();
            for (ChangeJournal.Change change : batch) {
                if (!target.appliedAbove.contains(change.id())) {
                    caseStudyIds.add(change.caseStudyId());
                    applied.add(change);
                }
                readAfter = change.id();
            }
            if (!caseStudyIds.isEmpty()) {
                Set<Long> shown = apply(target, caseStudyIds, published);
                for (ChangeJournal.Change change : applied) {
                    target.appliedAbove.add(change.id());
                    if (shown.contains(change.caseStudyId()) && change.recordedAt() != null
                            && change.recordedAt().isAfter(target.lastChange)) {
                        target.lastChange = change.recordedAt();
                    }
                }
                changed |= !shown.isEmpty();
            }
        } while (batch.size() == BATCH);
        advanceWatermark(target);
        if (changed) {
            target.generation++;
            target.searchers.maybeRefreshBlocking();
            target.snapshots.prune(new SearcherLifetimeManager.PruneByAge(config.search().snapshotRetention().toSeconds()));
        }
        target.uncommitted |= changed || target.watermark != watermark;
        target.caughtUpAt = started;
    }

    /**
     * Indexes the published ones of these case studies and removes the others. Gives those whose change the index
     * shows: every published one, and each unpublished one it listed until now. A change of a draft changes nothing
     * that searches show, and so neither the snapshot's version nor its last change: a public answer's validators
     * tell nothing of drafts. {@code published} collects the ids published in this catch-up so far, which the
     * current snapshot does not show yet.
     */
    private Set<Long> apply(Open target, Set<Long> caseStudyIds, Set<Long> published) throws IOException {
        Set<Long> shown = new HashSet<>();
        Set<Long> unpublished = new HashSet<>(caseStudyIds);
        for (IndexableCaseStudy caseStudy : caseStudies.indexable(caseStudyIds)) {
            if (caseStudy.status() == CaseStudyStatus.PUBLISHED) {
                target.writer.updateDocument(CaseStudyDocuments.idTerm(caseStudy.id()), document(caseStudy));
                unpublished.remove(caseStudy.id());
                published.add(caseStudy.id());
                shown.add(caseStudy.id());
            }
        }
        Set<Long> listed = listedNow(target, unpublished);
        for (Long id : unpublished) {
            if (listed.contains(id) || published.remove(id)) {
                target.writer.deleteDocuments(CaseStudyDocuments.idTerm(id));
                shown.add(id);
            }
        }
        return shown;
    }

    /** Which of these case studies the current snapshot lists. */
    private static Set<Long> listedNow(Open target, Set<Long> ids) throws IOException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<Long> listed = new HashSet<>();
        Snapshot snapshot = (Snapshot) target.searchers.acquire();
        try {
            for (Long id : ids) {
                if (snapshot.count(new TermQuery(CaseStudyDocuments.idTerm(id))) > 0) {
                    listed.add(id);
                }
            }
        } finally {
            target.searchers.release(snapshot);
        }
        return listed;
    }

    private Document document(IndexableCaseStudy caseStudy) throws JsonProcessingException {
        return CaseStudyDocuments.toDocument(caseStudy, json.writeValueAsString(caseStudy.asListed()));
    }

    private void advanceWatermark(Open target) {
        while (!target.appliedAbove.isEmpty()) {
            long next = target.watermark + 1;
            if (target.appliedAbove.remove(next)) {
                target.watermark = next;
                target.gapSince = null;
                continue;
            }
            Instant now = Instant.now();
            if (target.gapSince == null) {
                target.gapSince = now;
            }
            Duration waited = Duration.between(target.gapSince, now);
            if (waited.compareTo(config.search().gapTimeout()) < 0) {
                return;
            }
            LOG.debugf("Journal ids %d to %d never committed; moving past them.", next, target.appliedAbove.first() - 1);
            target.watermark = target.appliedAbove.first() - 1;
            target.gapSince = null;
        }
    }

    private void commitQuietly() {
        try {
            Open current = open;
            if (current != null) {
                commit(current);
            }
        } catch (Exception e) {
            LOG.error("Committing the search index failed; the journal is replayed from the last commit at the next start.", e);
        }
    }

    private void commit(Open target) throws IOException {
        if (target.uncommitted) {
            target.writer.setLiveCommitData(commitData(target).entrySet());
            target.writer.commit();
            target.uncommitted = false;
        }
    }

    private void closeOnIndexer() throws IOException {
        Open closing = open;
        if (closing == null) {
            return;
        }
        open = null;
        try {
            commit(closing);
        } finally {
            closeQuietly(closing);
        }
        // Operators read this line to know the next start opens the index as it is, without a rebuild.
        LOG.infof("Committed and closed the search index at change %d.", closing.watermark);
    }

    private static Map<String, String> commitData(Open target) {
        return Map.of(MAPPING_VERSION, CaseStudyDocuments.MAPPING_VERSION,
                DATABASE_ID, target.databaseId, WATERMARK, Long.toString(target.watermark),
                LAST_CHANGE, target.lastChange.toString());
    }

    /**
     * The index files, with the small segments that every refresh flushes kept in memory until they merge or are
     * committed: writing, mapping and unmapping a file per write would cost more than the write itself.
     */
    private static Directory openDirectory(Path path) throws IOException {
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
    private static SearcherFactory searcherFactory(Open target) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                return new Snapshot(reader, new State(target.openId + "." + target.generation, target.lastChange));
            }
        };
    }

    private void runOnIndexer(IndexTask task) {
        try {
            indexer.submit(() -> {
                task.run();
                return null;
            }).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("The search index at " + directory() + " cannot be used", io);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the search index", e);
        }
    }

    @FunctionalInterface
    private interface IndexTask {
        void run() throws IOException;
    }

    /**
     * Closes every part that exists. Fields are left as they are: searches that read this {@code Open} before it was
     * unpublished then meet closed objects ({@link AlreadyClosedException}, answered 503), never nulls.
     */
    private static void closeQuietly(Open target) {
        for (Closeable closeable : new Closeable[] {target.snapshots, target.searchers, target.writer, target.directory}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Closing part of the search index failed", e);
                }
            }
        }
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
