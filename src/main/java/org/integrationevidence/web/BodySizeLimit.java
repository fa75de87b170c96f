package org.integrationevidence.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.problem.Problem;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.problem.RouteProblems;

/**
 * The body limit of every path but bulk imports (evidence.limits.*). Quarkus' own limit
 * (quarkus.http.limits.max-body-size) is one number for all paths and answers without a problem document, so it is
 * set to the largest body any path takes, and this class enforces the general limit in two places: here, a declared
 * {@code Content-Length} over the limit is refused before anything is read or any key is looked up; a body without
 * one (chunked) is counted while it is read, by {@link LimitedBodyReader}, which finds the limit that applies in the
 * routing context under {@link #LIMIT}.
 */
@ApplicationScoped
class BodySizeLimit {

    /** Routing context key of the body limit of this request, in bytes; absent on exempt paths. */
    static final String LIMIT = "evidence.body-limit";

    @Inject
    EvidenceConfig config;

    @Inject
    RouteProblems problems;

    /** The HTTP server's own limit for every path (quarkus.http.limits.max-body-size), in bytes. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize serverMaxBodySize;

    private long serverLimit;

    @PostConstruct
    void readServerLimit() {
        serverLimit = serverMaxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(RouteOrder.BODY_LIMIT).handler(this::check);
    }

    private void check(RoutingContext context) {
        String path = context.normalizedPath();
        String declared = context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (config.limits().bodySizeExemptPaths().stream().anyMatch(path::startsWith)) {
            // Their own limit applies as they stream; past the HTTP server's, Quarkus would refuse without a document.
            if (declared != null && isLongerThan(declared, serverLimit)) {
                refuse(context, serverLimit);
                return;
            }
            context.next();
            return;
        }
        long limit = config.limits().maxBodySize().asLongValue();
        if (declared != null && isLongerThan(declared, limit)) {
            refuse(context, limit);
            return;
        }
        context.put(LIMIT, limit);
        context.next();
    }

    private void refuse(RoutingContext context, long limit) {
        // The body stays unread: the connection cannot carry another request after it. The client is told to close
        // it, rather than have it closed under it while it may still be sending the body and not read the answer.
        context.response().putHeader(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        problems.send(context, Problem.of(ProblemType.CONTENT_TOO_LARGE, tooLarge(limit), context.request().path()));
    }

    static String tooLarge(long limit) {
        return "The request body is larger than " + describe(limit) + ", the most this API accepts here.";
    }

    private static String describe(long bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return bytes / (1 << 20) + " MiB";
        }
        if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
            return bytes / (1 << 10) + " KiB";
        }
        return bytes + " bytes";
    }

    /** Compares digits without parsing, so a Content-Length of any length is refused rather than overflowing. */
    private static boolean isLongerThan(String declared, long limit) {
        String digits = declared.strip().replaceFirst("^0+(?=\\d)", "");
        String max = Long.toString(limit);
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return false; // not a length: the HTTP server refuses it
        }
        return digits.length() != max.length() ? digits.length() > max.length() : digits.compareTo(max) > 0;
    }
}
