package org.integrationevidence.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

/**
 * The committed OpenAPI document (openapi/openapi.json, which OpenApiDocumentTest keeps equal to the served one)
 * read as a contract: its operations, the statuses each documents, the media types of each response, and the JSON
 * Schema of each body, validated with the OpenAPI 3.1 dialect (JSON Schema 2020-12 with OpenAPI's keywords).
 */
final class ContractDocument {

    private static final Path FILE = Path.of("openapi/openapi.json");
    /** The name the document is registered under, so that its {@code $ref}s resolve within it; never fetched. */
    private static final String URI = "https://integration-evidence.test/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new LinkedHashMap<>();

    private ContractDocument(String text) throws IOException {
        this.document = JSON.readTree(text);
        String version = document.path("openapi").asText();
        if (!version.startsWith("3.1.")) {
            throw new IllegalStateException("The contract test validates with the OpenAPI 3.1 dialect, but the document "
                    + "is OpenAPI " + version);
        }
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(URI, text)));
    }

    static ContractDocument load() {
        try {
            return new ContractDocument(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("The committed OpenAPI document should be at " + FILE.toAbsolutePath(), e);
        }
    }

    /** Every documented operation as "METHOD /path/{template}". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(item -> {
            if (METHODS.contains(item.getKey())) {
                operations.add(item.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    /** The statuses the operation documents, such as 200 and 404. */
    Set<Integer> statuses(String operation) {
        Set<Integer> statuses = new TreeSet<>();
        operationNode(operation).path("responses").fieldNames().forEachRemaining(status -> statuses.add(Integer.valueOf(status)));
        return statuses;
    }

    /**
     * Whether the operation is open to all: it has no security requirement (nor does the document as a whole), as
     * OpenApiConventions leaves operations that need no key.
     */
    boolean isOpenToAll(String operation) {
        JsonNode operationNode = operationNode(operation);
        JsonNode security = operationNode.has("security") ? operationNode.get("security") : document.path("security");
        return security.isMissingNode() || security.isEmpty();
    }

    /** The first media type the operation's request body is documented in; null when it takes no body. */
    String requestMediaType(String operation) {
        JsonNode requestBody = operationNode(operation).path("requestBody");
        if (requestBody.has("$ref")) {
            requestBody = document.at(requestBody.get("$ref").asText().substring(1));
        }
        var mediaTypes = requestBody.path("content").fieldNames();
        return mediaTypes.hasNext() ? mediaTypes.next() : null;
    }

    /**
     * The documented media types of a response and, for each, the JSON pointer (in this document) of its schema;
     * empty when the response has no body.
     */
    Map<String, String> content(String operation, int status) {
        String[] parts = operation.split(" ", 2);
        String pointer = "/paths/" + escape(parts[1]) + "/" + parts[0].toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode response = operationNode(operation).path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        Map<String, String> content = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> mediaType : response.path("content").properties()) {
            JsonNode schema = mediaType.getValue().path("schema");
            // A plain reference is followed here, so that the schema's location is a simple one.
            content.put(mediaType.getKey(), schema.has("$ref") && schema.size() == 1
                    ? schema.get("$ref").asText().substring(1)
                    : pointer + "/content/" + escape(mediaType.getKey()) + "/schema");
        }
        return content;
    }

    /** The names of the headers a response documents, in lower case (HTTP header names ignore case). */
    Set<String> headers(String operation, int status) {
        JsonNode response = operationNode(operation).path("responses").path(Integer.toString(status));
        if (response.has("$ref")) {
            response = document.at(response.get("$ref").asText().substring(1));
        }
        Set<String> headers = new TreeSet<>();
        response.path("headers").fieldNames().forEachRemaining(name -> headers.add(name.toLowerCase(Locale.ROOT)));
        return headers;
    }

    /** The ways {@code body} does not match the schema at {@code pointer}; empty when it matches. */
    List<String> violations(String pointer, JsonNode body) {
        Schema schema = compiled.computeIfAbsent(pointer,
                p -> schemas.getSchema(SchemaLocation.of(URI + "#" + p.replace("{", "%7B").replace("}", "%7D"))));
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(body)) {
            violations.add(error.toString());
        }
        return violations;
    }

    /**
     * Members of {@code body} that the schema at {@code pointer} does not describe: JSON Schema lets an object carry
     * members besides the properties it lists, but a member the document never mentions is one no client can know.
     * Objects whose schema lists no properties (free-form values) and combined schemas (allOf, oneOf) are not walked.
     */
    List<String> undocumentedMembers(String pointer, JsonNode body) {
        List<String> undocumented = new ArrayList<>();
        walk(document.at(pointer), body, "$", undocumented);
        return undocumented;
    }

    private void walk(JsonNode schema, JsonNode value, String at, List<String> undocumented) {
        for (int depth = 0; schema.has("$ref") && depth < 10; depth++) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        if (value.isObject() && schema.has("properties")) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.path("additionalProperties");
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                if (properties.has(member.getKey())) {
                    walk(properties.get(member.getKey()), member.getValue(), at + "." + member.getKey(), undocumented);
                } else if (additional.isObject()) {
                    walk(additional, member.getValue(), at + "." + member.getKey(), undocumented);
                } else if (!additional.asBoolean(false) || additional.isMissingNode()) {
                    undocumented.add(at + "." + member.getKey());
                }
            }
        } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                walk(schema.get("additionalProperties"), member.getValue(), at + "." + member.getKey(), undocumented);
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(schema.get("items"), value.get(i), at + "[" + i + "]", undocumented);
            }
        }
    }

    private JsonNode operationNode(String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode node = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
        if (node.isMissingNode()) {
            throw new IllegalArgumentException("The document has no operation " + operation);
        }
        return node;
    }

    /** RFC 6901: a JSON pointer token. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
