package org.integrationevidence.json;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

import org.integrationevidence.config.EvidenceConfig;

/**
 * Strict JSON reading: a request that says {@code "title": 5} or {@code "startYear": "2017"} is a client mistake
 * to report, not something to guess about. Unknown fields are rejected by configuration. The parser's limits
 * (evidence.json.*) stop a hostile document while it is read, before it costs memory or time; they are per token
 * and per level, so they hold for a stream of documents too. Every list field of an input has a {@code @Size}, and
 * before it, a generic cap on the items of any list ({@link TooManyItems}). Writing escapes what HTML would read
 * as markup ({@link HtmlSafeEscapes}).
 */
@Singleton
public class JsonConfiguration implements ObjectMapperCustomizer {

    @Inject
    EvidenceConfig config;

    @Override
    public void customize(ObjectMapper mapper) {
        EvidenceConfig.Json limits = config.json();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .build());
        // Every JSON document may end up inlined in a page (JSON-LD in <script type="application/ld+json">, a site's
        // own <script>): no text in it can close the element or start markup there.
        mapper.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
        mapper.registerModule(TooManyItems.module(limits.maxArrayLength()));
        mapper.registerModule(RefusedCharacters.jsonModule());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
    }
}
