package org.integrationevidence.http;

import jakarta.ws.rs.Priorities;

/**
 * The order of this service's response filters ({@code @ServerResponseFilter(priority = ...)}), in one place. Jakarta
 * REST runs response filters in <em>descending</em> priority, so the list below is in the order they run:
 * <ol>
 * <li>{@link #CUT_FIELDS} ({@code http.SparseFields}): cuts a JSON answer to the fields asked for, while the
 * entity is still the resource's;</li>
 * <li>{@link #DEPRECATION_HEADERS} ({@code http.DeprecatedFields}): an answer with a deprecated field says so;</li>
 * <li>{@link #ALLOW_HEADER} ({@code web.OptionsAllowFilter}): an OPTIONS answer lists the methods of its own path;</li>
 * <li>{@link #SYNC_TO_DISK} ({@code persistence.DurableWrites}): a successful write is on the disk before its
 * answer (embedded H2 only; PostgreSQL's commit already is);</li>
 * <li>{@link #AWAIT_INDEX} ({@code search.IndexWait}): a write is searchable on this instance before its answer.
 * Last, once the request's transaction is over and its connection back in the pool, since the catch-up needs
 * one.</li>
 * </ol>
 * The two waits come after the filters that shape the answer, so that nothing runs between them and the answer
 * being written. Every response filter takes its priority from here (an architecture test checks it).
 */
public final class ResponseFilterOrder {

    public static final int CUT_FIELDS = Priorities.USER + 400;
    public static final int DEPRECATION_HEADERS = Priorities.USER + 350;
    public static final int ALLOW_HEADER = Priorities.USER + 300;
    public static final int SYNC_TO_DISK = Priorities.USER + 200;
    public static final int AWAIT_INDEX = Priorities.USER + 100;

    private ResponseFilterOrder() {
    }
}
