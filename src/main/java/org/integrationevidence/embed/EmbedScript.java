package org.integrationevidence.embed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.config.EvidenceConfig;

/**
 * Serves the embed widget, {@code /embed/case-studies.js}: the web components ({@code <evidence-case-studies>} and
 * {@code <evidence-gap-map>}) that third-party pages include with one script tag. It is served here rather than as a static resource so that it is cached like the API's anonymous reads
 * (the same max-age and stale-while-revalidate) and revalidated with a strong ETag of its content: Quarkus' static
 * handler would mark it immutable for a day and give it a new Last-Modified at every request, so a fixed widget
 * would reach pages a day late and never be answered 304. Cross-origin pages may load it as a module: the CORS
 * configuration applies to every route.
 */
@ApplicationScoped
class EmbedScript {

    static final String PATH = "/embed/case-studies.js";
    private static final String RESOURCE = "embed/case-studies.js";

    @Inject
    EvidenceConfig config;

    void register(@Observes Router router) {
        Buffer script = Buffer.buffer(read());
        String etag = "\"" + HexFormat.of().formatHex(Arrays.copyOf(sha256(script.getBytes()), 16)) + "\"";
        String cacheControl = "public, max-age=" + config.httpCache().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.httpCache().staleWhileRevalidate().toSeconds();
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(context -> serve(context, script, etag, cacheControl));
    }

    private static void serve(RoutingContext context, Buffer script, String etag, String cacheControl) {
        var response = context.response();
        response.putHeader(HttpHeaderNames.CONTENT_TYPE, "text/javascript; charset=utf-8");
        response.putHeader(HttpHeaderNames.ETAG, etag);
        response.putHeader(HttpHeaderNames.VARY, "Accept-Encoding");
        // A request with a key gets no-store from CacheHeaders, as everywhere else.
        response.putHeader(HttpHeaderNames.CACHE_CONTROL, cacheControl);
        // Quarkus marks every answer "Content-Encoding: identity" unless a route of its own lifts it for a type in
        // quarkus.http.compress-media-types; this route is not one of those, so it lifts the mark itself.
        response.headers().remove(HttpHeaderNames.CONTENT_ENCODING);
        if (matches(context.request().getHeader(HttpHeaderNames.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
        } else if (context.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(script.length())).end();
        } else {
            response.end(script);
        }
    }

    /** If-None-Match: a list of tags, weak ones compared weakly as RFC 9110 says for GET, or {@code *}. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.equals("*") || trimmed.equals(etag) || trimmed.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The embed widget " + RESOURCE + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
