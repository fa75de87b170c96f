package org.integrationevidence.logging;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * Every request has an id, answered in {@value #HEADER} and carried by every log line written while the request
 * runs (the logging MDC key {@value #MDC_KEY}), so that a user who quotes it leads an operator to the request's log
 * lines (web.RequestIdHandler gives it). An id sent by a load balancer or proxy is kept when it is short and plain;
 * anything else sent in the header is never echoed into a response or a log, and the request gets an id of its own.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** The longest id accepted from a client: UUIDs, ULIDs and the ids proxies make fit with room to spare. */
    public static final int MAX_LENGTH = 128;
    /** Ids a client may send: letters, digits, dot, underscore and dash, so nothing in one can forge a log line. */
    public static final String PATTERN = "[A-Za-z0-9._-]{1," + MAX_LENGTH + "}";

    private static final Pattern ACCEPTED = Pattern.compile(PATTERN);

    private RequestIds() {
    }

    /** The id a request with this {@value #HEADER} header goes by: the client's if it is well-formed, else a new one. */
    public static String accepted(String sent) {
        return sent != null && ACCEPTED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    /** The id of the request being handled on this thread, or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
