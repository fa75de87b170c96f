package org.integrationevidence.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;


/**
 * Keeps the labels of the HTTP server metrics to what the service defines, so that no request can add a series:
 * {@code uri} is a route template of the API, one of the service's own paths, or one of Quarkus' fixed values
 * ({@code NOT_FOUND} and the like), else {@code UNKNOWN}; {@code method} is a standard method, else {@code OTHER}.
 * Quarkus names a request its route did not template by its raw path (an empty segment, a path without a leading
 * slash, {@code CONNECT host:port}) and by any token sent as a method, and stops adding uri values past
 * quarkus.micrometer.binder.http-server.max-uri-tags: an attacker could use that budget up, and the routes first seen
 * after would never be counted. Micrometer maps every meter through its filters before any filter may deny it, so
 * the budget counts these values.
 */
public class BoundedHttpMetrics {

    static final String UNKNOWN = "UNKNOWN";
    static final String OTHER_METHOD = "OTHER";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Values Quarkus gives itself, and the paths the service serves outside the REST resources. */
    private static final Set<String> FIXED = Set.of("NOT_FOUND", UNKNOWN, "REDIRECTION", "root", "/cors-preflight",
            "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics", "/q/openapi",
            "/q/swagger-ui", "/embed/case-studies.js");

    @Produces
    @Singleton
    MeterFilter boundedHttpLabels(AllowedMethods routes) {
        return new MeterFilter() {
            private volatile Set<String> templates;

            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : id.getTagsAsIterable()) {
                    if (tag.getKey().equals("method") && !METHODS.contains(tag.getValue())) {
                        tag = Tag.of("method", OTHER_METHOD);
                    } else if (tag.getKey().equals("uri") && !known(tag.getValue())) {
                        tag = Tag.of("uri", tag.getValue().startsWith("/q/swagger-ui/") ? "/q/swagger-ui" : UNKNOWN);
                    }
                    tags.add(tag);
                }
                return id.replaceTags(tags);
            }

            private boolean known(String uri) {
                if (templates == null) {
                    templates = routes.templates();
                }
                return FIXED.contains(uri) || templates.contains(uri);
            }
        };
    }
}
