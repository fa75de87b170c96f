package org.integrationevidence.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.logging.RequestIds;

/**
 * Cross-origin reads (CORS), the same for every request and every answer, so that no answer depends on the
 * {@code Origin} it was asked with and a shared cache may hand any of them to any page:
 * <ul>
 * <li>every answer, errors and refusals included, says {@code Access-Control-Allow-Origin: *} and exposes the headers
 * a page needs (paging links, validators, rate limits and Retry-After, the request id). No credentials are ever
 * allowed: the API sets no cookies, and a key is a header that a page would have to hold itself;</li>
 * <li>a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here, 204, offering GET and
 * HEAD with the headers of conditional and negotiated reads. Writes, and the {@code Authorization} header, are not
 * offered, so a browser never sends a key across origins; nothing is refused here: the browser keeps what it was
 * not offered, and a simple cross-origin request that needs no preflight meets the same rules as any other.</li>
 * </ul>
 * Quarkus' own CORS filter is off (quarkus.http.cors.enabled): it sends back the request's Origin rather than
 * {@code *} when security is installed, and refuses other methods with an empty 403.
 */
@ApplicationScoped
class Cors {

    static final String ALLOWED_METHODS = "GET, HEAD";
    static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Language, If-None-Match, If-Modified-Since";
    static final String EXPOSED_HEADERS = "Link, ETag, Last-Modified, Retry-After, RateLimit, RateLimit-Policy, "
            + RequestIds.HEADER;
    /** How long a browser may keep a preflight's answer: a day (browsers cap it lower). */
    static final String MAX_AGE_SECONDS = "86400";

    void register(@Observes Router router) {
        router.route().order(RouteOrder.CORS).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            headers.set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        });
        var request = context.request();
        if (request.method() == HttpMethod.OPTIONS && request.getHeader(HttpHeaderNames.ORIGIN) != null
                && request.getHeader(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            context.response().setStatusCode(204)
                    .putHeader(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .putHeader(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .putHeader(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS)
                    .end();
            return;
        }
        context.next();
    }
}
