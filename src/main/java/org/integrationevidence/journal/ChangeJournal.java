package org.integrationevidence.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.integrationevidence.persistence.Timestamps;


/**
 * The journal of committed case study changes: the outbox that the search index reads in id order and the public
 * change feed's sequencer (changes.ChangeSequencer) reads in the order entries commit. The catalogue (casestudy) and
 * the taxonomy (approach) write to it; neither knows its readers. An entry is written in the transaction of
 * the change, so it exists exactly when the change does.
 * After a transaction that wrote entries commits, {@link CaseStudiesCommitted} is fired once, on the committing
 * thread, so that this instance's index can catch up before the write is answered.
 */
@ApplicationScoped
public class ChangeJournal {

    /** A journal entry as readers see it. */
    public record Change(long id, long caseStudyId, Instant recordedAt) {
    }

    /** Fired after a transaction that changed case studies has committed. */
    public record CaseStudiesCommitted() {
    }

    private static final Object NOTIFICATION_KEY = new Object();

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<CaseStudiesCommitted> committed;

    /** Records a change of the case study in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long caseStudyId) {
        // The database's clock, not this instance's: readers on other machines compare it with their database time.
        entityManager.createNativeQuery("insert into change_journal (case_study_id, recorded_at) values (?1, current_timestamp)")
                .setParameter(1, caseStudyId).executeUpdate();
        notifyAfterCommit();
    }

    /** Records a change of every case study tagged with one of the approaches, in one statement however many there are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTaggedWithAny(Collection<Long> approachIds) {
        if (approachIds.isEmpty()) {
            return;
        }
        int recorded = entityManager.createNativeQuery("insert into change_journal (case_study_id, recorded_at) "
                        + "select distinct case_study_id, current_timestamp from case_study_approach where approach_id in (?1)")
                .setParameter(1, approachIds).executeUpdate();
        if (recorded > 0) {
            notifyAfterCommit();
        }
    }

    /** What happened to an approach, as the taxonomy journal records it. */
    public enum TaxonomyChange {
        CREATED, UPDATED, DELETED
    }

    /**
     * Records a change of the approach taxonomy in the current transaction, for readers that tell others of it
     * (webhook subscriptions to taxonomy changes). They read the rows that committed and mark them as read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordTaxonomyChange(String approachSlug, TaxonomyChange kind) {
        entityManager.createNativeQuery("insert into taxonomy_journal (approach_slug, kind, recorded_at, planned) "
                        + "values (?1, ?2, current_timestamp, false)")
                .setParameter(1, approachSlug).setParameter(2, kind.name()).executeUpdate();
        notifyAfterCommit();
    }

    private void notifyAfterCommit() {
        if (transactions.getResource(NOTIFICATION_KEY) == null) {
            transactions.putResource(NOTIFICATION_KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        committed.fire(new CaseStudiesCommitted());
                    }
                }
            });
        }
    }

    /** Up to {@code limit} entries with an id above {@code afterId}, in id order. */
    @Transactional
    public List<Change> changesAfter(long afterId, int limit) {
        return entityManager.createNamedQuery(ChangeJournalEntry.AFTER, ChangeJournalEntry.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultStream()
                .map(entry -> new Change(entry.id, entry.caseStudyId, entry.recordedAt)).toList();
    }

    /** Up to {@code limit} committed entries that the public change feed has not sequenced yet, oldest first. */
    @Transactional
    public List<Change> notYetInFeed(int limit) {
        return entityManager.createNamedQuery(ChangeJournalEntry.NOT_IN_FEED, ChangeJournalEntry.class)
                .setMaxResults(limit).getResultStream()
                .map(entry -> new Change(entry.id, entry.caseStudyId, entry.recordedAt)).toList();
    }

    /** Marks entries as sequenced by the public change feed, in the sequencer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markInFeed(List<Long> ids) {
        entityManager.createNamedQuery(ChangeJournalEntry.MARK_IN_FEED).setParameter("ids", ids).executeUpdate();
    }

    /** The ids of every entry after {@code afterId}. */
    @Transactional
    public List<Long> idsAfter(long afterId) {
        return entityManager.createNamedQuery(ChangeJournalEntry.IDS_AFTER, Long.class)
                .setParameter("after", afterId).getResultList();
    }

    /** The id of the newest entry, or 0 when the journal is empty. */
    @Transactional
    public long lastId() {
        Long last = entityManager.createNamedQuery(ChangeJournalEntry.LAST, Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    /** The id of the newest entry recorded longer ago than {@code age} by the database's clock, or 0 when there is none. */
    @Transactional
    public long lastIdOlderThan(Duration age) {
        Object now = entityManager.createNativeQuery("select current_timestamp").getSingleResult();
        Instant databaseNow = Timestamps.of(now);
        Long last = entityManager.createNamedQuery(ChangeJournalEntry.LAST_BEFORE, Long.class)
                .setParameter("before", databaseNow.minus(age)).getSingleResult();
        return last == null ? 0 : last;
    }
}
