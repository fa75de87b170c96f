package org.integrationevidence.webhook;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a subscription asks to be told of: the change feed's four kinds of change, and changes of the approach taxonomy. */
public enum EventKind {
    PUBLISHED, UPDATED, WITHDRAWN, DELETED, TAXONOMY;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of this name, or null when there is none. */
    @JsonCreator
    public static EventKind of(String name) {
        for (EventKind kind : values()) {
            if (kind.toString().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
