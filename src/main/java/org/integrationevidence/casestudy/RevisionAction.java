package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of change made a revision. */
public enum RevisionAction {
    CREATE, UPDATE, RENAME, TRANSITION, RESTORE, UNTAG;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
