package org.integrationevidence.changes;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What happened to a case study's public record: it became public, its public record changed, or it stopped being
 * public (a tombstone): withdrawn (or sent back to draft), or deleted from the database.
 */
public enum ChangeKind {
    PUBLISHED, UPDATED, WITHDRAWN, DELETED;

    /** A tombstone: the case study is no longer public, and a mirror removes it. */
    public boolean tombstone() {
        return this == WITHDRAWN || this == DELETED;
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
