package org.integrationevidence.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.problem.Problem;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.problem.RouteProblems;
import org.integrationevidence.web.ProblemMappers;
import org.integrationevidence.web.RouteOrder;

/**
 * The operational metrics (/q/metrics) are for the operators' monitoring, with a key of the monitor role (or an
 * admin's): they count every request and write, drafts' included, so they are not public. A request without a key
 * is 401, with a key of another role 403, both as problem documents. The health checks stay open to the load
 * balancers' probes, and say nothing that moves with drafts.
 */
@ApplicationScoped
class MetricsAccess {

    static final String PATH = "/q/metrics";

    @Inject
    RouteProblems problems;

    void register(@Observes Router router) {
        // GET and HEAD: the only methods the metrics answer; others are 405 from Quarkus.
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).order(RouteOrder.AFTER_AUTHENTICATION)
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity != null && identity.hasRole(Role.MONITOR_NAME)) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (identity == null || identity.isAnonymous()) {
            context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, ProblemMappers.BEARER_CHALLENGE);
            problems.send(context, Problem.of(ProblemType.UNAUTHORIZED, "The metrics are for monitoring: send a key with the "
                    + "monitor (or admin) role, as Authorization: Bearer <key>.", PATH));
            return;
        }
        problems.send(context, Problem.of(ProblemType.FORBIDDEN, "The metrics are for keys with the monitor or admin "
                + "role; this key's role does not include it.", PATH));
    }
}
