package org.integrationevidence.common;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Text with the NUL character (U+0000) is refused wherever a request carries it: PostgreSQL cannot store it in a
 * text column, nor compare a parameter holding it, and no case study, slug or search needs it. Refused as it comes
 * in, a NUL is a 400 that names where it was, on either database, rather than a database error.
 */
public class NulCharacters {

    static final String MESSAGE = "must not contain the NUL character (U+0000)";

    /** In the path or a query parameter (both as decoded), before any route or parameter is read. */
    @ServerRequestFilter(preMatching = true)
    public void refuseNulInUrl(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
            throw new ApiException(ProblemType.BAD_REQUEST, "The request's path contains the NUL character (%00), "
                    + "which no path of this API holds.");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                String name = parameter.getKey().replace('\0', ' ');
                throw new ApiException(ProblemType.BAD_REQUEST, "The query parameter " + name + " contains the NUL "
                        + "character (%00).", List.of(new FieldError(name, MESSAGE)));
            }
        }
    }

    /** In a JSON string: refused as it is read, with the field it is in (ProblemMappers). */
    public static final class InJson extends MismatchedInputException {

        InJson(JsonParser parser) {
            super(parser, "NUL character", String.class);
        }
    }

    static SimpleModule jsonModule() {
        SimpleModule module = new SimpleModule("nul-characters");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new InJson(parser);
                }
                return value;
            }
        });
        return module;
    }
}
