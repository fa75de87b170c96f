package org.integrationevidence.access;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.problem.Problem;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.problem.RouteProblems;
import org.jboss.logging.Logger;

/**
 * A refused key is refused before any endpoint runs (Quarkus authenticates every request that carries a key), so
 * the REST layer's problem mappers never see it: this failure handler gives it the API's one error shape, and
 * counts it against the key and the client's address (see {@link RateLimits}): past their allowance of refusals,
 * a 429 with Retry-After instead of a 401.
 */
@ApplicationScoped
class AuthenticationProblems {

    private static final Logger LOG = Logger.getLogger(AuthenticationProblems.class);

    @Inject
    RouteProblems problems;

    @Inject
    RateLimits rateLimits;

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException failure) || context.response().ended()) {
            context.next();
            return;
        }
        OptionalLong retryAfter = rateLimits.keyRefused(context);
        String detail = failure.getMessage() == null ? ProblemType.UNAUTHORIZED.description() : failure.getMessage();
        // Never the key, nor the client's address: the request id on the line leads to the rest.
        LOG.infof("Refused an API key on %s %s: %s", context.request().method(), context.request().path(), detail);
        context.response().putHeader(HttpHeaderNames.CACHE_CONTROL, "no-store");
        if (retryAfter.isPresent()) {
            // Not a challenge to send a key: a wait, like every 429.
            context.response().headers().remove(HttpHeaderNames.WWW_AUTHENTICATE);
            context.response().putHeader(HttpHeaderNames.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
            problems.send(context, Problem.of(ProblemType.TOO_MANY_REQUESTS, rateLimits.tooManyRefusals(retryAfter.getAsLong()),
                    context.request().path()));
            return;
        }
        context.response().putHeader(HttpHeaderNames.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE);
        problems.send(context, Problem.of(ProblemType.UNAUTHORIZED, detail, context.request().path()));
    }
}
