package org.integrationevidence.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.integrationevidence.config.EvidenceConfig;

/**
 * The absolute URLs that answers carry, built on the configured public address (evidence.public-base-url) or, when
 * none is configured, on the address the request was sent to. A client that sends another Host header (or, behind
 * a trusted proxy, another forwarded host) then reads its own address back, never one that a cache keeps for others:
 * the validators of every answer include the base they were built on (see {@link Validators#of}). Used while a
 * request is answered: resources and their writers.
 */
@ApplicationScoped
public class PublicUrls {

    @Inject
    EvidenceConfig config;

    /** The request being answered. */
    @Inject
    UriInfo request;

    private Optional<URI> configured;

    @PostConstruct
    void readConfiguredBase() {
        configured = config.publicBaseUrl().map(String::strip).filter(value -> !value.isEmpty()).map(PublicUrls::parseBase);
    }

    /** The base every absolute URL of an answer to this request is built on, ending in a slash. */
    public URI base() {
        return configured.orElseGet(request::getBaseUri);
    }

    /** The request's own URL (path and query) on {@link #base}. */
    public URI requestUri() {
        return requestUriBuilder().build();
    }

    /** A builder of the request's own URL on {@link #base}, for a link to another page of the same answer. */
    public UriBuilder requestUriBuilder() {
        if (configured.isEmpty()) {
            return request.getRequestUriBuilder();
        }
        // The request's path below its own base, kept as sent (encoded), then the query, resolved against the
        // configured base.
        URI requested = request.getRequestUri();
        String basePath = request.getBaseUri().getRawPath();
        String path = requested.getRawPath();
        String relative = path.startsWith(basePath) ? path.substring(basePath.length()) : path.replaceFirst("^/+", "");
        String query = requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery();
        return UriBuilder.fromUri(configured.get().resolve(URI.create("./" + relative + query)));
    }

    /** A builder of URLs under {@link #base}. */
    public UriBuilder baseUriBuilder() {
        return UriBuilder.fromUri(base());
    }

    /** The URL of what a resource class serves at {@code id}, for the Location of a 201. */
    public URI location(Class<?> resource, String id) {
        return baseUriBuilder().path(resource).path(id).build();
    }

    static URI parseBase(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value : value + "/");
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("evidence.public-base-url (EVIDENCE_PUBLIC_BASE_URL) must be an http or https "
                    + "URL without query or fragment, such as https://evidence.example.org/; it is \"" + value + "\"");
        }
    }
}
