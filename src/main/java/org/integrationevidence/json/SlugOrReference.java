package org.integrationevidence.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads a reference to a vocabulary term either as its slug ({@code "sport"}) or as the {@code {"slug", "name"}} object
 * a GET returns for it, so that a client can send back what it read. Only the slug counts; the name is the server's
 * and is not compared. Anything else (a number, an array, an object without a string slug) is refused as the wrong type.
 */
public class SlugOrReference extends StdDeserializer<String> {

    public SlugOrReference() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            JsonNode object = context.readTree(parser);
            JsonNode slug = object.get("slug");
            if (slug != null && slug.isTextual()) {
                return slug.asText();
            }
            return (String) context.handleWeirdStringValue(String.class, String.valueOf(object),
                    "an object in place of a slug needs a string \"slug\"");
        }
        return (String) context.handleUnexpectedToken(String.class, parser);
    }
}
