package org.integrationevidence.formats;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.ext.web.Router;

/**
 * An {@code Accept} header with nothing in it names no preference, so it is dropped before the REST layer sees it:
 * the request is then served as one without Accept (JSON). Left in, RESTEasy fails to parse it when it matches the
 * body of a negotiated read to its writer, and the client would get a 500 for an empty header.
 */
@ApplicationScoped
public class BlankAcceptHeader {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(context -> {
            List<String> accept = context.request().headers().getAll(HttpHeaderNames.ACCEPT);
            if (!accept.isEmpty() && accept.stream().allMatch(String::isBlank)) {
                context.request().headers().remove(HttpHeaderNames.ACCEPT);
            }
            context.next();
        });
    }
}
