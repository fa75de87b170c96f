package org.integrationevidence.http;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * The conditional GET of the request being answered (see {@link Validators}): a resource says what its validator
 * is made of and how to build its body, and returns the 200 or 304 this gives. Reads the request's URI and headers
 * itself, so that resources need not pass them along.
 */
@ApplicationScoped
public class ConditionalReads {

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    @Inject
    PublicUrls urls;

    /** The validator of this request's answer: see {@link Validators#of}. */
    public Validators.Validator validator(String prefix, String state, Instant lastModified) {
        return Validators.of(headers, urls.base(), uri, prefix, state, lastModified);
    }

    /** 304 when the client holds the current representation, else 200 with the body: see {@link Validators#conditional}. */
    public <T> RestResponse<T> answer(Supplier<Validators.Validator> validator, Supplier<T> body) {
        return Validators.conditional(headers, validator, body);
    }

    /** The same, letting {@code decorate} add what depends on the body (its media type, a {@code Link}). */
    public <T> RestResponse<T> answer(Supplier<Validators.Validator> validator, Supplier<T> body,
            BiConsumer<T, RestResponse.ResponseBuilder<T>> decorate) {
        return Validators.conditional(headers, validator, body, decorate);
    }

    /** The answer built from {@code content} fixed in the release (a reference list): see {@link Validators#ofRelease}. */
    public <T> RestResponse<T> release(Object content, Supplier<T> body) {
        return Validators.conditional(headers, Validators.ofRelease(headers, urls.base(), uri, content), body);
    }
}
