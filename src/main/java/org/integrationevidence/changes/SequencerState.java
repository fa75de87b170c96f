package org.integrationevidence.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row that the running sequencer holds locked: the last position it gave. */
@Entity
@Table(name = "change_feed_sequencer")
class SequencerState {

    static final int ID = 1;

    @Id
    int id;

    @Column(name = "last_position", nullable = false)
    long lastPosition;
}
