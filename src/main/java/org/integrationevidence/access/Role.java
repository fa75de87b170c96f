package org.integrationevidence.access;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;


/**
 * What a key may do. Curator, editor and admin each include the ones before: an editor can do all a curator can, an
 * admin all an editor can. Monitor stands apart: it reads the operational metrics (/q/metrics) and nothing a key
 * is needed for otherwise; admins may read them too. Callers without a key read published case studies and the
 * taxonomy only.
 */
public enum Role {
    /** Creates case studies, edits their own drafts and submits them for review. */
    CURATOR,
    /** Reviews, edits any case study, publishes and withdraws, and manages the approach taxonomy. */
    EDITOR,
    /** Manages API keys. */
    ADMIN,
    /** Reads the operational metrics, for a monitoring system (Prometheus' scrape with a bearer token). */
    MONITOR;

    /** Role names as used in {@code @RolesAllowed}. */
    public static final String CURATOR_NAME = "curator";
    public static final String EDITOR_NAME = "editor";
    public static final String ADMIN_NAME = "admin";
    public static final String MONITOR_NAME = "monitor";
    /** The longest role name, for the OpenAPI document where a role may be null. */
    public static final int MAX_NAME_LENGTH = 7; // CURATOR_NAME's and MONITOR_NAME's length

    /** The role names a key with this role holds: its own and every role below it. */
    public Set<String> granted() {
        return switch (this) {
            case CURATOR -> Set.of(CURATOR_NAME);
            case EDITOR -> Set.of(CURATOR_NAME, EDITOR_NAME);
            case ADMIN -> Set.of(CURATOR_NAME, EDITOR_NAME, ADMIN_NAME, MONITOR_NAME);
            case MONITOR -> Set.of(MONITOR_NAME);
        };
    }

    /** The role as the API writes it: its name in lower case, as {@code @RolesAllowed} names it. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
