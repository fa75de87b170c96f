package org.integrationevidence.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Conventions applied to every operation of the OpenAPI document, so that resources declare only what is
 * particular to them:
 * <ul>
 * <li>the errors any request can meet (406 for an Accept header the API cannot serve, 429 for a rate limit, 500 for
 * a server fault), 413 for operations that take a body, and for operations that need a key, 401 (no or a refused
 * key) and 403 (a key without the role);</li>
 * <li>request and response examples, taken from {@code openapi-examples/<Schema>.json} by the name of the body's
 * schema, so each example is written once, as real JSON, and shared by every operation that uses that shape.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    private static final String RENAMEABLE_PREFIX = "/api/v1/case-studies/{slug}";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Operations that need a key but ask only for the curator's role, which every key holds (see Role), and that refuse
     * no caller for who they are: they answer 401 without a key, never 403. ContractTest keeps this list honest.
     */
    private static final Set<String> OPEN_TO_EVERY_KEY = Set.of("createCaseStudy", "importCaseStudies");

    /**
     * A repeatable query parameter is an array, so its example must be one too: Swagger UI cannot send a try-out
     * whose array parameter holds a bare string. The annotations take one value; it becomes a one-item list here.
     */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)
                && parameter.getExample() instanceof String single) {
            parameter.setExample(List.of(single));
        }
        return parameter;
    }

    /**
     * Every operation on one case study can meet its old slug: 308 to the new one. Every public GET (one without a
     * key) answers with validators and a cache policy, and 304 to a conditional GET (see Validators, CacheHeaders).
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Operation read = item.getGET();
            if (read != null && (read.getSecurity() == null || read.getSecurity().isEmpty()) && read.getResponses() != null) {
                // Cache-Control is set on the API's answers only (CacheHeaders), 304s included.
                boolean api = path.startsWith("/api/");
                addIfMissing(read.getResponses(), "304", api ? "NotModified" : "NotModifiedWithoutCachePolicy");
                org.eclipse.microprofile.openapi.models.responses.APIResponse ok = read.getResponses().getAPIResponse("200");
                if (ok != null) {
                    // A resource that documents its own ETag documents its validators itself (the change feed's pages
                    // have a tag and no Last-Modified).
                    boolean ownValidators = ok.getHeaders() != null && ok.getHeaders().containsKey("ETag");
                    for (String header : List.of("ETag", "Last-Modified", "Cache-Control")) {
                        boolean applies = header.equals("Cache-Control") ? api : !ownValidators;
                        if (applies && (ok.getHeaders() == null || !ok.getHeaders().containsKey(header))) {
                            ok.addHeader(header, OASFactory.createHeader().ref(header));
                        }
                    }
                }
            }
            if (path.startsWith(RENAMEABLE_PREFIX) && item.getOperations() != null) {
                item.getOperations().values().forEach(operation -> {
                    if (operation.getResponses() != null) {
                        addIfMissing(operation.getResponses(), "308", "MovedPermanently");
                    }
                });
            }
        });
    }

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                addIfMissing(responses, "401", "Unauthorized");
                if (!OPEN_TO_EVERY_KEY.contains(operation.getOperationId())) {
                    addIfMissing(responses, "403", "Forbidden");
                }
            }
            if (operation.getRequestBody() != null) {
                addIfMissing(responses, "413", "ContentTooLarge");
            }
            addIfMissing(responses, "406", "NotAcceptable");
            addIfMissing(responses, "429", "TooManyRequests");
            addIfMissing(responses, "500", "InternalError");
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    addExamples(response.getContent());
                }
            });
        }
        if (operation.getRequestBody() != null) {
            addExamples(operation.getRequestBody().getContent());
        }
        return operation;
    }

    private static void addIfMissing(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }

    private static void addExamples(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : content.getMediaTypes().values()) {
            boolean hasExample = mediaType.getExample() != null
                    || (mediaType.getExamples() != null && !mediaType.getExamples().isEmpty());
            String ref = mediaType.getSchema() == null ? null : mediaType.getSchema().getRef();
            if (!hasExample && ref != null && ref.startsWith(SCHEMA_PREFIX)) {
                Object example = load(ref.substring(SCHEMA_PREFIX.length()));
                if (example != null) {
                    mediaType.setExamples(Map.of("example", OASFactory.createExample().value(example)));
                }
            }
        }
    }

    private static Object load(String schemaName) {
        String resource = "openapi-examples/" + schemaName + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Invalid OpenAPI example " + resource, e);
        }
    }
}
