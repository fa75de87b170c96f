package org.integrationevidence.audit;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a request is in the audit log. */
public enum AuditKind {
    /** A request that could change data (any method but GET, HEAD and OPTIONS), whatever its answer. */
    WRITE,
    /** A read made with a key. */
    READ,
    /** A request whose key was refused: unknown, revoked, expired or malformed. */
    REFUSED_KEY;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named as in {@link #toString()}, or null. */
    static AuditKind parse(String name) {
        for (AuditKind kind : values()) {
            if (kind.toString().equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
