package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;

/**
 * Admission to the index: turns to search, handed out in arrival order, like Elasticsearch's fixed-size search
 * pool, and the snapshots searches run on. When many more searches share the processors than there are processors,
 * each one, and the longest most, takes several times its own work to finish; waiting in line instead keeps tail
 * latency close to the work itself. Also where an answer's basis comes from: the snapshot it searched, and the hour
 * its cursors carry.
 */
@ApplicationScoped
class SearchTurns {

    @Inject
    SearchIndex index;

    @Inject
    EvidenceConfig config;

    private Semaphore turns;

    @PostConstruct
    void sizeTurns() {
        turns = new Semaphore(config.search().concurrency().orElse(Runtime.getRuntime().availableProcessors() + 1), true);
    }

    /** Waits for a turn to search (see {@link EvidenceConfig.Search#concurrency()}), then takes a snapshot. */
    SearchIndex.Snapshot acquire(Long snapshotVersion) {
        acquireTurn();
        try {
            SearchIndex.Snapshot snapshot = snapshotVersion == null ? null : index.acquire(snapshotVersion);
            if (snapshot == null) {
                snapshot = index.acquire();
            }
            if (snapshot == null) {
                throw new ApiException(ProblemType.UNAVAILABLE, "The search index is not open yet; try again in a moment.");
            }
            return snapshot;
        } catch (IOException e) {
            turns.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            turns.release();
            throw e;
        }
    }

    void release(SearchIndex.Snapshot snapshot) {
        try {
            index.release(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            turns.release();
        }
    }

    /**
     * Runs {@code work} on the current snapshot, in a turn, and gives its answer; {@code work} receives what an
     * answer built from that snapshot stands on.
     */
    <T> Searched<T> onCurrentSnapshot(SnapshotWork<T> work) {
        SearchIndex.Snapshot snapshot = acquire(null);
        try {
            return work.run(snapshot, basisOf(snapshot, cursorIssuedAt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(snapshot);
        }
    }

    /** A read of one snapshot, for {@link #onCurrentSnapshot}. */
    @FunctionalInterface
    interface SnapshotWork<T> {
        Searched<T> run(SearchIndex.Snapshot snapshot, IndexBasis basis) throws IOException;
    }

    void acquireTurn() {
        try {
            if (!turns.tryAcquire(config.search().queueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ApiException(ProblemType.UNAVAILABLE, "The service is busy with other searches; try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ProblemType.UNAVAILABLE, "The search was interrupted; try again in a moment.");
        }
    }

    /** Gives back a turn taken with {@link #acquireTurn} (a search that holds its snapshot on without a turn). */
    void releaseTurn() {
        turns.release();
    }

    /** What an answer built from the current snapshot stands on; 503 while the index is not open. */
    IndexBasis currentBasis() {
        SearchIndex.State state = index.state();
        if (state == null) {
            throw new ApiException(ProblemType.UNAVAILABLE, "The search index is not open yet; try again in a moment.");
        }
        return new IndexBasis(state.version() + "/" + cursorIssuedAt(), state.lastChange());
    }

    /** What an answer built from this snapshot, with cursors issued at {@code issuedAt}, stands on. */
    static IndexBasis basisOf(SearchIndex.Snapshot snapshot, long issuedAt) {
        return new IndexBasis(snapshot.state.version() + "/" + issuedAt, snapshot.state.lastChange());
    }

    /**
     * When a cursor issued now says it was issued: the start of the current slice of a 24th of the cursor lifetime
     * (an hour by default), so that the same search gives byte-identical pages, and the same validator, until the
     * index or the slice changes. A cursor then lives between the lifetime less a slice and the lifetime.
     */
    long cursorIssuedAt() {
        long slice = Math.max(1, config.search().cursorLifetime().toSeconds() / 24);
        long now = Instant.now().getEpochSecond();
        return now - now % slice;
    }
}
