package org.integrationevidence.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.logging.RequestIds;
import org.jboss.logging.MDC;

/** Gives every request its id (see {@link RequestIds}) before anything else runs, so that every answer carries it. */
@ApplicationScoped
class RequestIdHandler {

    void register(@Observes Router router) {
        router.route().order(RouteOrder.REQUEST_ID).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String id = RequestIds.accepted(context.request().getHeader(RequestIds.HEADER));
        // The MDC lives in the request's Vert.x context (Quarkus keeps it there, not in a thread), so it follows the
        // request onto worker threads and is gone with it.
        MDC.put(RequestIds.MDC_KEY, id);
        context.put(RequestIds.MDC_KEY, id);
        context.addHeadersEndHandler(ignored -> context.response().headers().set(RequestIds.HEADER, id));
        context.next();
    }
}
