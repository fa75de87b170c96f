package org.integrationevidence.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.BearerKeys;
import org.jboss.logging.Logger;

/**
 * One log line per request when {@code evidence.logs.access} is on (in production): method, path, status, bytes
 * sent and milliseconds, under the request's id ({@link RequestIds}). Written here rather than by Quarkus's access
 * log so that nothing secret or personal can be in it: never the query string or a header, never the client's
 * address, and a path segment that is an API key (someone pasted a key into a URL) is written as {@value #REDACTED}.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);
    public static final String REDACTED = "<redacted key>";
    /** A path segment that begins like a key, percent-encoded or not. */
    private static final Pattern KEY_SEGMENT = Pattern.compile("(?<=/)(?i:" + BearerKeys.PREFIX.replace("_", "(?:_|%5f)")
            + ")[^/]*");

    @Inject
    EvidenceConfig config;

    void register(@Observes Router router) {
        if (config.logs().access()) {
            router.route().order(RouteOrder.LOGS).handler(this::logWhenDone);
        }
    }

    private void logWhenDone(RoutingContext context) {
        long started = System.nanoTime();
        // Joined here rather than formatted printf-style by the log manager, which parses the format on every line:
        // a line per request, written on the thread that answers it.
        context.addEndHandler(ignored -> LOG.info(context.request().method() + " " + redact(context.request().path()) + " "
                + context.response().getStatusCode() + " " + context.response().bytesWritten() + " bytes "
                + (System.nanoTime() - started) / 1_000_000 + " ms"));
        context.next();
    }

    /** The path as it may be logged: every segment that is an API key replaced. */
    static String redact(String path) {
        if (path == null) {
            return "";
        }
        // A key's prefix ends in an underscore, as it is or percent-encoded: a path with neither holds no key, and
        // most paths (slugs have dashes) are written without running the pattern.
        if (path.indexOf('_') < 0 && path.indexOf('%') < 0) {
            return path;
        }
        return KEY_SEGMENT.matcher(path).replaceAll(Matcher.quoteReplacement(REDACTED));
    }
}
