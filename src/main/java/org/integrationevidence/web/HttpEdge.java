package org.integrationevidence.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessageDecoderResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.problem.Problem;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.problem.RouteProblems;

/**
 * What the HTTP server lets through but the API refuses at its edge, before anything reads the path or the body:
 * <ul>
 * <li><b>Ambiguous framing</b> (RFC 9112, section 6.1). A request with {@code Transfer-Encoding} is framed by it
 * alone, and its connection is closed once it is answered, so that nothing pipelined behind it, which a proxy may
 * have framed otherwise, is ever served. When it also carried {@code Content-Length}, it is refused with 400. The
 * HTTP decoder drops a {@code Content-Length} beside a chunked {@code Transfer-Encoding} without telling, but still
 * counts its bytes in the header size it reports, which is how it is seen: header bytes beyond what the remaining
 * headers take, as many as the shortest {@code Content-Length} line. Spacing can hide it from that count, or make
 * a request look like one (then it is refused the same way, and told why); the connection is closed either way,
 * which is what keeps a smuggled request from being served.</li>
 * <li><b>Malformed request targets</b>: a malformed percent-escape ({@code %zz}), or characters that must be
 * percent-encoded sent raw (UTF-8 typed into a URL and sent as bytes). Quarkus would answer them with an empty 400
 * before any route runs; its check is turned off (the system property vertx.disableURIValidation, set by
 * {@code Main} and the test configuration) so that they are refused here, with a problem document that says what
 * to send instead.</li>
 * </ul>
 * What the HTTP decoder itself refuses (a request line over quarkus.http.limits.max-initial-line-length, 414;
 * headers over max-header-size, 431; a request line that is not HTTP) is answered by Vert.x before any application
 * code runs, with an empty body, and its connection closed: Quarkus offers no way to answer those otherwise.
 */
@ApplicationScoped
public class HttpEdge {

    /** The shortest header line the decoder can have dropped: {@code Content-Length:0}. */
    static final int SHORTEST_CONTENT_LENGTH_LINE = "Content-Length:0".length();

    /** How long the rest of a body left unread is read and dropped before its connection is closed. */
    static final long LINGER_MILLIS = 5_000;

    /** Connections that take no further request: each is closed as soon as one arrives. Weak: gone with the connection. */
    private static final Set<HttpConnection> CLOSING = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));

    @Inject
    RouteProblems problems;

    void register(@Observes Router router) {
        router.route().order(RouteOrder.HTTP_EDGE).handler(this::check);
        // A target that is not a path (CONNECT's host:port, "*", a bare word) matches no route: the router fails it
        // with 404 before any handler runs, and only failure handlers see it.
        router.route().order(RouteOrder.HTTP_EDGE).failureHandler(this::unroutable);
    }

    private void unroutable(RoutingContext context) {
        String target = context.failure() == null && !context.response().ended() ? malformedTarget(context.request().uri()) : null;
        if (target == null) {
            context.next();
            return;
        }
        problems.send(context, Problem.of(ProblemType.BAD_REQUEST, target, "/"));
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (connection != null && CLOSING.contains(connection)) {
            connection.close();
            return;
        }
        if (request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            closeAfterResponse(context);
            if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                    || droppedHeaderBytes(request) >= SHORTEST_CONTENT_LENGTH_LINE) {
                problems.send(context, Problem.of(ProblemType.BAD_REQUEST, "The request has both Transfer-Encoding and "
                        + "Content-Length, which frame its body two ways (RFC 9112, section 6.1): send one of them.", "/"));
                return;
            }
        }
        String target = malformedTarget(request.uri());
        if (target != null) {
            problems.send(context, Problem.of(ProblemType.BAD_REQUEST, target, "/"));
            return;
        }
        context.next();
    }

    /**
     * Closes the connection once this request is answered, and refuses to serve any request that arrives on it
     * meanwhile (pipelined behind it): for a request whose framing is in doubt.
     */
    private static void closeAfterResponse(RoutingContext context) {
        HttpConnection connection = context.request().connection();
        if (connection == null) {
            return;
        }
        CLOSING.add(connection);
        context.response().putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        context.addEndHandler(ignored -> closeOnceRead(context.request(), connection, context.vertx()));
    }

    /**
     * Closes the connection at once if the request's body was read to its end; otherwise (a body refused as too large
     * while it was read) reads and drops the rest first, for at most {@link #LINGER_MILLIS}. Closing a socket with bytes
     * still unread resets the connection, and a client still sending its body may then lose the answer it was sent
     * (the lingering close of HTTP servers such as nginx).
     */
    private static void closeOnceRead(HttpServerRequest request, HttpConnection connection, Vertx vertx) {
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = vertx.setTimer(LINGER_MILLIS, ignored -> connection.close());
        try {
            request.handler(dropped -> { })
                    .exceptionHandler(ignored -> connection.close())
                    .endHandler(ignored -> {
                        vertx.cancelTimer(timer);
                        connection.close();
                    });
            request.resume();
        } catch (IllegalStateException ended) {
            // It ended meanwhile.
            vertx.cancelTimer(timer);
            connection.close();
        }
    }

    /** Header bytes the decoder read but that no header the request has accounts for. */
    private static int droppedHeaderBytes(HttpServerRequest request) {
        DecoderResult result = request.decoderResult();
        if (!(result instanceof HttpMessageDecoderResult decoded)) {
            return 0;
        }
        int accounted = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            accounted += header.getKey().length() + ": ".length() + header.getValue().length();
        }
        return decoded.headerSize() - accounted;
    }

    /** Why the request target is refused, or null when it is well-formed. */
    static String malformedTarget(String uri) {
        if (uri == null) {
            return null;
        }
        if (!uri.startsWith("/") && !uri.regionMatches(true, 0, "http://", 0, 7) && !uri.regionMatches(true, 0, "https://", 0, 8)) {
            return "The request's target must be a path starting with /, such as /api/v1/case-studies.";
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return "The request's URL has characters that must be percent-encoded, as UTF-8 (for example Turín as "
                        + "Tur%C3%ADn): most clients do this, and curl does with --data-urlencode and -G.";
            }
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return e.getReason() != null && e.getReason().startsWith("Malformed escape")
                    ? "The request's URL is malformed: every % must start an escape of two hexadecimal digits (a % "
                            + "itself is %25)."
                    : "The request's URL has a character that must be percent-encoded (" + e.getReason() + " at index "
                            + e.getIndex() + "): encode it as %XX, and text as UTF-8.";
        }
    }
}
