package org.integrationevidence.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import io.vertx.ext.web.RoutingContext;

/**
 * Counts the bytes of a request body as it is read and stops at the limit that {@link BodySizeLimit} set for the
 * request: a chunked body declares no length, so only reading tells how long it is.
 */
@Provider
public class LimitedBodyReader implements ReaderInterceptor {

    @Inject
    RoutingContext routing;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Long limit = routing.get(BodySizeLimit.LIMIT);
        if (limit != null) {
            context.setInputStream(new LimitedInputStream(context.getInputStream(), limit, BodySizeLimit.tooLarge(limit)));
        }
        return context.proceed();
    }
}
