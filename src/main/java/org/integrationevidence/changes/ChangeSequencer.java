package org.integrationevidence.changes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.persistence.DurableWrites;
import org.jboss.logging.Logger;

/**
 * Turns committed change journal entries into positions of the public feed. One sequencer runs at a time across
 * every instance sharing the database (it holds the {@code change_feed_sequencer} row locked), and it reads only
 * committed entries, so positions are given in the order entries are seen committed: a reader who has read up to a
 * position never finds a new change below it later, whatever order the journal's ids committed in.
 * <p>
 * Each case study's public state now is compared with what the feed last said of it, so drafts never appear, and a
 * burst of writes to one case study in one batch becomes one change.
 * <p>
 * A reader's request sequences whatever is pending before it reads, so the feed holds every write answered before
 * it. Each local commit also starts a sequencing in the background, so that positions follow commits closely and a
 * reader rarely has anything to wait for.
 */
@ApplicationScoped
class ChangeSequencer {

    /** Journal entries read per transaction, so that a long backlog does not hold the lock in one long transaction. */
    static final int BATCH = 500;

    /** One sequencer per instance waits for the database's lock; the others wait here and then find nothing to do. */
    private final ReentrantLock local = new ReentrantLock();

    private static final Logger LOG = Logger.getLogger(ChangeSequencer.class);

    /** Background sequencing after local commits: one thread, and at most one run waiting behind the current one. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "change-feed-sequencer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean backgroundQueued = new AtomicBoolean();

    @Inject
    EntityManager entityManager;

    @Inject
    ChangeJournal journal;

    @Inject
    DurableWrites durableWrites;

    /** What one sequencing transaction did. */
    private record Batch(boolean full, boolean gavePositions) {
    }

    /** After a local commit of case study changes: sequence them soon, off the committing thread. */
    void onCommit(@Observes ChangeJournal.CaseStudiesCommitted event) {
        if (backgroundQueued.compareAndSet(false, true)) {
            background.execute(() -> {
                // Cleared before the run: a commit during it queues the next one, which then sees that commit.
                backgroundQueued.set(false);
                try {
                    sequencePending();
                } catch (RuntimeException e) {
                    LOG.warn("Sequencing the change feed after a commit failed; the next read of the feed or commit retries.", e);
                }
            });
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * Sequences every journal entry committed before this call, in batches. New positions are on the disk before the
     * lock is released, hence before any reader of this instance can read them: a position once read is never given
     * again to another change, even after a power cut.
     */
    public void sequencePending() {
        local.lock();
        try {
            boolean gavePositions = false;
            Batch batch;
            do {
                batch = QuarkusTransaction.requiringNew().call(this::sequenceBatch);
                gavePositions |= batch.gavePositions();
            } while (batch.full());
            if (gavePositions) {
                durableWrites.sync(DurableWrites.Trigger.CHANGE_FEED);
            }
        } finally {
            local.unlock();
        }
    }

    /** Sequences up to one batch. */
    private Batch sequenceBatch() {
        // Cheap when nothing is pending: one indexed query, and no lock taken.
        if (journal.notYetInFeed(1).isEmpty()) {
            return new Batch(false, false);
        }
        SequencerState state = entityManager.find(SequencerState.class, SequencerState.ID, LockModeType.PESSIMISTIC_WRITE);
        // Read after taking the lock: entries that another instance sequenced meanwhile are no longer pending.
        List<ChangeJournal.Change> pending = journal.notYetInFeed(BATCH);
        if (pending.isEmpty()) {
            return new Batch(false, false);
        }
        // One change per case study, in the order of its last entry.
        Map<Long, ChangeJournal.Change> latest = new LinkedHashMap<>();
        for (ChangeJournal.Change change : pending) {
            latest.remove(change.caseStudyId());
            latest.put(change.caseStudyId(), change);
        }
        Map<Long, Object[]> current = new HashMap<>();
        for (Object[] row : entityManager.createNamedQuery(ChangeFeedEntry.CASE_STUDIES, Object[].class)
                .setParameter("ids", latest.keySet()).getResultList()) {
            current.put((Long) row[0], row);
        }
        boolean gavePositions = false;
        for (ChangeJournal.Change change : latest.values()) {
            ChangeFeedEntry entry = changeOf(change, current.get(change.caseStudyId()));
            if (entry != null) {
                entry.position = ++state.lastPosition;
                entityManager.persist(entry);
                gavePositions = true;
            }
        }
        journal.markInFeed(pending.stream().map(ChangeJournal.Change::id).toList());
        return new Batch(pending.size() == BATCH, gavePositions);
    }

    /**
     * The change of public data that the case study's state now makes, against what the feed last said of it, or
     * null when there is none (it was not public and is not now). Keeps what the feed says in {@link PublicCaseStudy}.
     */
    private ChangeFeedEntry changeOf(ChangeJournal.Change change, Object[] caseStudy) {
        PublicCaseStudy told = entityManager.find(PublicCaseStudy.class, change.caseStudyId());
        boolean isPublic = caseStudy != null && caseStudy[2] == CaseStudyStatus.PUBLISHED;
        if (!isPublic && told == null) {
            return null;
        }
        ChangeFeedEntry entry = new ChangeFeedEntry();
        entry.caseStudyId = change.caseStudyId();
        entry.changedAt = change.recordedAt();
        entry.caseVersion = caseStudy == null ? null : (Long) caseStudy[3];
        if (isPublic) {
            String slug = (String) caseStudy[1];
            if (told == null) {
                entry.kind = ChangeKind.PUBLISHED;
                told = new PublicCaseStudy();
                told.caseStudyId = change.caseStudyId();
                told.slug = slug;
                entityManager.persist(told);
            } else {
                entry.kind = ChangeKind.UPDATED;
                if (!told.slug.equals(slug)) {
                    entry.previousSlug = told.slug;
                    told.slug = slug;
                }
            }
            entry.slug = slug;
        } else {
            entry.kind = caseStudy == null ? ChangeKind.DELETED : ChangeKind.WITHDRAWN;
            entry.slug = told.slug;
            entityManager.remove(told);
        }
        return entry;
    }
}
