package org.integrationevidence.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.common.Problem;
import org.integrationevidence.common.ProblemType;

/**
 * A refused key is refused before any endpoint runs (Quarkus authenticates every request that carries a key), so
 * the REST layer's problem mappers never see it: this failure handler gives it the API's one error shape.
 */
@ApplicationScoped
public class AuthenticationProblems {

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException failure) || context.response().ended()) {
            context.next();
            return;
        }
        String detail = failure.getMessage() == null ? ProblemType.UNAUTHORIZED.description() : failure.getMessage();
        Problem problem = Problem.of(ProblemType.UNAUTHORIZED, detail, context.request().path());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.next();
            return;
        }
        context.response()
                .setStatusCode(ProblemType.UNAUTHORIZED.status())
                .putHeader(HttpHeaderNames.WWW_AUTHENTICATE, ApiKeyAuthenticationMechanism.CHALLENGE)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .end(body);
    }
}
