package org.integrationevidence.web;

/**
 * The order of the handlers that every request passes on the HTTP router before its route, in one place: a handler
 * registers at its constant here, never at a number of its own. Quarkus' own handlers sit between them at fixed
 * orders: its CORS filter at -300 (turned off, see {@link Cors}), authentication at -200, authorization at -100,
 * its body-size check at -2, then the REST routes.
 */
public final class RouteOrder {

    /** The request's id, first, so that every response and every log line about the request carries it. */
    public static final int REQUEST_ID = Integer.MIN_VALUE;
    /** Headers set on every response as its headers are written: security headers, cache policy. */
    public static final int RESPONSE_HEADERS = REQUEST_ID + 1;
    /** The access log and the audit log, written as the response ends, so that every refusal below is in them. */
    public static final int LOGS = REQUEST_ID + 2;
    /** CORS headers on every response, and preflights answered, so that a page can read the refusals below. */
    public static final int CORS = REQUEST_ID + 3;
    /** Ambiguous framing and malformed request lines refused, before anything reads the path or the body. */
    public static final int HTTP_EDGE = REQUEST_ID + 4;
    /** Bodies declared too large refused before anything is read or any key looked up. */
    public static final int BODY_LIMIT = REQUEST_ID + 5;
    /** Requests without a key counted against their address, and keys refused before refused again: before authentication. */
    public static final int BEFORE_AUTHENTICATION = -250;
    /** What needs the caller's key: requests counted against it, the metrics' access. After authentication (-200). */
    public static final int AFTER_AUTHENTICATION = -150;

    private RouteOrder() {
    }
}
