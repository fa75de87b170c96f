package org.integrationevidence.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem documents for what is refused on the HTTP router, before the REST layer and its {@link ProblemMappers}
 * see the request: refused keys, bodies declared too large, rate limits. The same shape as every other error.
 */
@ApplicationScoped
public class RouteProblems {

    @Inject
    ObjectMapper json;

    /** Ends the response with {@code problem}; headers the caller set before are kept. */
    public void send(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // A record of strings and a number always serializes; should it not, the router's own error answers.
            context.fail(e);
            return;
        }
        context.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
