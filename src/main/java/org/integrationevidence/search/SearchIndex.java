package org.integrationevidence.search;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;


import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.persistence.ServerSecrets;
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
class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

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
    IndexCatchUp catchUp;

    @Inject
    ChangeJournal journal;

    @Inject
    ServerSecrets secrets;

    @Inject
    IndexWait indexWait;

    private volatile OpenIndex open;
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
        OpenIndex current = open;
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
        OpenIndex current = open;
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
        OpenIndex current = open;
        return current == null ? null : fromCurrentSnapshot(current, snapshot -> snapshot.state);
    }

    /** What {@code read} takes from the current snapshot of {@code current}, or null if it closed meanwhile. */
    private static <T> T fromCurrentSnapshot(OpenIndex current, Function<Snapshot, T> read) {
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
        OpenIndex current = open;
        try {
            return current == null ? null : (Snapshot) current.snapshots.acquire(snapshotVersion);
        } catch (AlreadyClosedException e) {
            return null;
        }
    }

    /** Keeps the snapshot for later pages of the same search, and returns its version for the cursor. */
    long keep(Snapshot snapshot) throws IOException {
        OpenIndex current = open;
        try {
            return current == null ? -1 : current.snapshots.record(snapshot);
        } catch (AlreadyClosedException e) {
            return -1; // closing: the next page continues from the cursor's sort position instead
        }
    }

    void release(Snapshot snapshot) throws IOException {
        OpenIndex current = open;
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
        OpenIndex opening = new OpenIndex(databaseId);
        String rebuildReason = null;
        opening.directory = OpenIndex.openDirectory(path);
        try {
            if (!DirectoryReader.indexExists(opening.directory)) {
                rebuildReason = "there is no index yet";
            } else {
                Map<String, String> data = opening.committedData();
                long watermark = Long.parseLong(data.getOrDefault(OpenIndex.WATERMARK, "-1"));
                String mappingVersion = data.get(OpenIndex.MAPPING_VERSION);
                if (!CaseStudyDocuments.MAPPING_VERSION.equals(mappingVersion)) {
                    rebuildReason = "it was built by mapping version " + mappingVersion + ", this is version "
                            + CaseStudyDocuments.MAPPING_VERSION;
                } else if (!databaseId.equals(data.get(OpenIndex.DATABASE_ID))) {
                    rebuildReason = "it was built from another database";
                } else if (watermark < 0 || watermark > lastJournalId) {
                    rebuildReason = "it is ahead of the database's change journal (was the database restored?)";
                } else if (data.get(OpenIndex.LAST_CHANGE) == null) {
                    rebuildReason = "it does not say when it last changed";
                } else {
                    opening.openCommitted(watermark, Instant.parse(data.get(OpenIndex.LAST_CHANGE)));
                    LOG.infof("Opened the search index at %s as it was committed, at change %d.", path, watermark);
                }
            }
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | NoSuchFileException
                | EOFException | NumberFormatException | DateTimeParseException e) {
            rebuildReason = "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
            opening.closeQuietly();
            opening.directory = null;
        }
        try {
            if (rebuildReason != null) {
                LOG.infof("Rebuilding the search index from the database: %s.", rebuildReason);
                opening.closeQuietly();
                catchUp.rebuild(opening, path);
            }
            opening.snapshots = new SearcherLifetimeManager();
            catchUp.catchUp(opening);
        } catch (IOException | RuntimeException e) {
            opening.closeQuietly(); // releases write.lock, so that a later open() can try again
            throw e;
        }
        open = opening;
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
            OpenIndex current = open;
            if (current != null) {
                catchUp.catchUp(current);
            }
            mine.complete(null);
        } catch (Exception | LinkageError e) {
            mine.completeExceptionally(e);
        }
    }

    private void pollJournal() {
        try {
            OpenIndex current = open;
            if (current != null) {
                catchUp.catchUp(current);
            }
        } catch (Exception e) {
            LOG.error("Reading the change journal into the search index failed; the next poll retries.", e);
        }
    }

    private void commitQuietly() {
        try {
            OpenIndex current = open;
            if (current != null) {
                current.commit();
            }
        } catch (Exception e) {
            LOG.error("Committing the search index failed; the journal is replayed from the last commit at the next start.", e);
        }
    }

    private void closeOnIndexer() throws IOException {
        OpenIndex closing = open;
        if (closing == null) {
            return;
        }
        open = null;
        try {
            closing.commit();
        } finally {
            closing.closeQuietly();
        }
        // Operators read this line to know the next start opens the index as it is, without a rebuild.
        LOG.infof("Committed and closed the search index at change %d.", closing.watermark);
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
}
