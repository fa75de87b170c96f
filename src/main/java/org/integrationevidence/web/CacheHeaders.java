package org.integrationevidence.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

import org.integrationevidence.config.EvidenceConfig;

/**
 * Who may cache what, set on the HTTP router so that every answer gets it, errors included:
 * <ul>
 * <li>anything answered to a request with a key: {@code no-store}, since it may hold drafts or keys;</li>
 * <li>a successful anonymous GET of the API (200, or 304 to a conditional GET): {@code public} with the configured
 * max-age and {@code stale-while-revalidate}, so that a site or a CDN serves it without asking for a while, then
 * serves it stale while it revalidates in the background, unless the resource set a policy of its own (the change
 * feed); it varies by {@code Accept}, {@code Accept-Encoding} and
 * {@code Authorization}, so that no cache hands a JSON answer to a CSV request or an anonymous one to a curator;</li>
 * <li>any other answer of the API (a write, an error): {@code no-store}, so that a 404 is not remembered once the
 * case study exists;</li>
 * <li>health checks and metrics (/q/health, /q/metrics): {@code no-store}, since they describe this moment.</li>
 * </ul>
 */
@ApplicationScoped
class CacheHeaders {

    private static final String API = "/api/";
    /** Health and metrics: what they say is true only now. */
    private static final List<String> OPERATIONS = List.of("/q/health", "/q/metrics");

    @Inject
    EvidenceConfig config;

    void register(@Observes Router router) {
        String publicPolicy = "public, max-age=" + config.httpCache().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.httpCache().staleWhileRevalidate().toSeconds();
        router.route().order(RouteOrder.RESPONSE_HEADERS).handler(context -> {
            boolean withKey = context.request().headers().contains(HttpHeaderNames.AUTHORIZATION);
            boolean read = context.request().method() == HttpMethod.GET || context.request().method() == HttpMethod.HEAD;
            String path = context.request().path();
            boolean api = path.startsWith(API);
            boolean operations = OPERATIONS.stream().anyMatch(path::startsWith);
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                int status = context.response().getStatusCode();
                if (withKey) {
                    headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
                } else if (api && read && (status == 200 || status == 304)) {
                    // A resource may choose its own policy for anonymous reads (the change feed: immutable pages, a
                    // tail that must be revalidated).
                    if (!headers.contains(HttpHeaderNames.CACHE_CONTROL)) {
                        headers.set(HttpHeaderNames.CACHE_CONTROL, publicPolicy);
                    }
                    headers.set(HttpHeaderNames.VARY, "Accept, Accept-Encoding, Authorization");
                } else if (api || operations) {
                    headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
                }
            });
            context.next();
        });
    }
}
