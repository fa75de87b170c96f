package org.integrationevidence.json;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.util.TokenBuffer;

/**
 * A list read from JSON with more items than evidence.json.max-array-length. Bean Validation would check each item
 * of it one by one (a 300 KB body of blank strings kept a request busy for half a minute), so the list is refused
 * as soon as it is read, naming its field. A set counts the items as sent, before repeated ones collapse.
 */
public class TooManyItems extends MismatchedInputException {

    private final int max;

    TooManyItems(JsonParser parser, int max) {
        super(parser, "Too many items", (Class<?>) null);
        this.max = max;
    }

    public int max() {
        return max;
    }

    static SimpleModule module(int max) {
        SimpleModule module = new SimpleModule("too-many-items");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new Limited(deserializer, max, type.isTypeOrSubTypeOf(Set.class));
            }
        });
        return module;
    }

    private static final class Limited extends DelegatingDeserializer {

        private final int max;
        /** A set drops repeated items as it is filled: they are counted in the document instead. */
        private final boolean set;

        Limited(JsonDeserializer<?> delegate, int max, boolean set) {
            super(delegate);
            this.max = max;
            this.set = set;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Limited(delegate, max, set);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (set && parser.isExpectedStartArrayToken()) {
                TokenBuffer items = context.bufferAsCopyOfValue(parser);
                if (count(items) > max) {
                    throw new TooManyItems(parser, max);
                }
                try (JsonParser replay = items.asParserOnFirstToken()) {
                    return super.deserialize(replay, context);
                }
            }
            Object value = super.deserialize(parser, context);
            if (value instanceof Collection<?> items && items.size() > max) {
                throw new TooManyItems(parser, max);
            }
            return value;
        }

        /** The items of the array held in {@code buffer}, repeated ones included. */
        private static int count(TokenBuffer buffer) throws IOException {
            int count = 0;
            try (JsonParser items = buffer.asParserOnFirstToken()) {
                for (JsonToken token = items.nextToken(); token != null && token != JsonToken.END_ARRAY; token = items.nextToken()) {
                    count++;
                    items.skipChildren();
                }
            }
            return count;
        }
    }
}
