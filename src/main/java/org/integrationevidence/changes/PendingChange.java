package org.integrationevidence.changes;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A change journal entry as the sequencer reads it: the journal itself (casestudy.ChangeJournal) writes the
 * entries; the sequencer only marks them read.
 */
@Entity
@Table(name = "change_journal")
@NamedQuery(name = PendingChange.PENDING,
        query = "select p from PendingChange p where p.sequenced = false order by p.id")
@NamedQuery(name = PendingChange.MARK_SEQUENCED,
        query = "update PendingChange p set p.sequenced = true where p.id in :ids")
class PendingChange {

    static final String PENDING = "PendingChange.pending";
    static final String MARK_SEQUENCED = "PendingChange.markSequenced";

    @Id
    long id;

    @Column(name = "case_study_id", nullable = false, insertable = false, updatable = false)
    long caseStudyId;

    @Column(name = "recorded_at", nullable = false, insertable = false, updatable = false)
    Instant recordedAt;

    @Column(name = "feed_sequenced", nullable = false)
    boolean sequenced;
}
