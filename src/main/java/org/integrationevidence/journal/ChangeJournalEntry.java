package org.integrationevidence.journal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One committed change of one case study; readers re-read the case study itself, so the entry holds no content. */
@Entity
@Table(name = "change_journal")
@NamedQuery(name = ChangeJournalEntry.AFTER,
        query = "select e from ChangeJournalEntry e where e.id > :after order by e.id")
@NamedQuery(name = ChangeJournalEntry.LAST_BEFORE,
        query = "select max(e.id) from ChangeJournalEntry e where e.recordedAt < :before")
@NamedQuery(name = ChangeJournalEntry.LAST, query = "select max(e.id) from ChangeJournalEntry e")
@NamedQuery(name = ChangeJournalEntry.IDS_AFTER, query = "select e.id from ChangeJournalEntry e where e.id > :after")
@NamedQuery(name = ChangeJournalEntry.NOT_IN_FEED,
        query = "select e from ChangeJournalEntry e where e.feedSequenced = false order by e.id")
@NamedQuery(name = ChangeJournalEntry.MARK_IN_FEED,
        query = "update ChangeJournalEntry e set e.feedSequenced = true where e.id in :ids")
class ChangeJournalEntry {

    static final String AFTER = "ChangeJournalEntry.after";
    static final String LAST_BEFORE = "ChangeJournalEntry.lastBefore";
    static final String LAST = "ChangeJournalEntry.last";
    static final String IDS_AFTER = "ChangeJournalEntry.idsAfter";
    static final String NOT_IN_FEED = "ChangeJournalEntry.notInFeed";
    static final String MARK_IN_FEED = "ChangeJournalEntry.markInFeed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "case_study_id", nullable = false)
    long caseStudyId;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    /** Whether the public change feed's sequencer has read this entry (changes.ChangeSequencer). */
    @Column(name = "feed_sequenced", nullable = false)
    boolean feedSequenced;
}
