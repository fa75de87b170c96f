package org.integrationevidence.json;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/**
 * Text that no database column can hold as sent is refused where a request carries it, as a 400 that names where it
 * was, rather than met later as a database error or stored one way and written back another:
 * <ul>
 * <li>the NUL character (U+0000): PostgreSQL cannot store it in a text column, nor compare a parameter holding it,
 * and no case study, slug or search needs it. Refused in the path, the query and JSON strings;</li>
 * <li>a lone UTF-16 surrogate (an escape from D800 to DFFF that is not half of a pair, which the JSON grammar
 * allows): it is no character at all, and UTF-8 cannot encode it, so each format (JSON, CSV, XML, the database)
 * would write something else for it. Refused in JSON strings; percent-decoded URLs and UTF-8 bodies cannot hold
 * one.</li>
 * </ul>
 */
public class RefusedCharacters {

    static final String MESSAGE = "must not contain the NUL character (U+0000)";
    static final String SURROGATE_MESSAGE = "must be Unicode text: it has a lone UTF-16 surrogate (\\uD800 to \\uDFFF "
            + "that is not half of a pair)";

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

        private final String rule;

        InJson(JsonParser parser, String rule) {
            super(parser, rule, String.class);
            this.rule = rule;
        }

        /** What the string must be, for the field error. */
        public String rule() {
            return rule;
        }
    }

    static SimpleModule jsonModule() {
        SimpleModule module = new SimpleModule("refused-characters");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String value = super.deserialize(parser, context);
                if (value != null) {
                    if (value.indexOf('\0') >= 0) {
                        throw new InJson(parser, MESSAGE);
                    }
                    if (hasLoneSurrogate(value)) {
                        throw new InJson(parser, SURROGATE_MESSAGE);
                    }
                }
                return value;
            }
        });
        return module;
    }

    /** Whether {@code text} has a surrogate that is not half of a high-low pair. */
    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
