package org.integrationevidence.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Headers every response carries, errors and Swagger UI included, so they are set on the HTTP router rather than
 * in the REST layer: no MIME sniffing, no Referer leaking the API's URLs, a locked-down policy for HTML that is not
 * Swagger UI. Caching headers are {@link CacheHeaders}' business.
 */
@ApplicationScoped
class SecurityHeaders {

    private static final String SWAGGER_UI = "/q/swagger-ui";

    void register(@Observes Router router) {
        router.route().order(RouteOrder.RESPONSE_HEADERS).handler(context -> {
            String path = context.request().path();
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
                if (type != null && type.startsWith("text/html") && !path.startsWith(SWAGGER_UI)) {
                    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                }
            });
            context.next();
        });
    }
}
