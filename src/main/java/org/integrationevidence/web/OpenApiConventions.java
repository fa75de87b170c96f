package org.integrationevidence.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.DeprecatedFields;
import org.integrationevidence.http.IfMatch;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.logging.RequestIds;
import org.integrationevidence.openapi.SchemaBounds;
import org.integrationevidence.openapi.Schemas;
import org.integrationevidence.problem.ProblemType;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Conventions applied to every operation of the OpenAPI document, so that resources declare only what is
 * particular to them:
 * <ul>
 * <li>the errors any request can meet (400 for an API key in the URL or a query parameter the operation does not
 * take, 406 for an Accept header the API cannot serve, 429 for a rate limit, 500 for a server fault), 401 for a
 * refused key (and on operations that need a key, for none), and 403 on those for a key without the role; the errors the operation's shape implies: 400, 413 and 415 for a body,
 * 404 for a path parameter, 412 for an If-Match header; responses listed by status code;</li>
 * <li>request and response examples, taken from {@code openapi-examples/<Schema>.json} by the name of the body's
 * schema, so each example is written once, as real JSON, and shared by every operation that uses that shape;</li>
 * <li>the headers every response can carry: the rate limit headers ({@code RateLimit-Policy}, {@code RateLimit}, which
 * the access feature defines) and
 * the request id ({@code X-Request-Id}, see {@link RequestIds}) and {@code Access-Control-Allow-Origin} (see
 * {@link Cors}) on every response;</li>
 * <li>the size of everything a client sends or reads that its own declaration leaves open: header values (parameters
 * and response headers) and the slug in a path, dates and instants, the items of each page and the values of
 * maps, and the format (int32, int64) of integer parameters, which are parsed from text and so have no Java type to
 * give one.</li>
 * </ul>
 * So a new operation gets all of them without declaring any.
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
    private static final String HEADER_PREFIX = "#/components/headers/";
    private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Policy", "RateLimit");
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    /**
     * The longest URL the API writes into a header (Location, Link): it is built from the request's scheme, Host
     * header and target, each limited by the HTTP server, with a new slug or paging cursor in place of the old one.
     */
    public static final int MAX_URL_LENGTH = "https://".length() + SchemaBounds.MAX_HEADER_SIZE + SchemaBounds.MAX_REQUEST_LINE + Cursor.MAX_LENGTH;
    private static final String INSTANT_REF = SCHEMA_PREFIX + "Instant";
    private static final String DATE_REF = SCHEMA_PREFIX + "LocalDate";
    /** An HTTP date (RFC 9110 IMF-fixdate) has exactly this length: {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final int HTTP_DATE_LENGTH = 29;
    /**
     * The longest ETag the API sends: a version (a long), a dot and a 128-bit hash in base64url (Validators), quoted.
     * META-INF/openapi.yaml states the same for the shared ETag header.
     */
    public static final int MAX_ETAG_LENGTH = IfMatch.etag(Long.MIN_VALUE).length() + ".".length() + 22;
    /**
     * The most items of the pages of reference data this package serves; features bound their own (see
     * {@link Schemas#boundPages}).
     */
    private static final Map<String, Integer> PAGE_ITEMS = Map.of("PageProblemTypeView", ProblemType.values().length);
    /** Response headers whose size follows from what they carry; a declaration's own maxLength wins. */
    private static final Map<String, Integer> HEADER_LENGTHS = Map.of(
            "Location", MAX_URL_LENGTH,
            "Link", MAX_URL_LENGTH + "<>; rel=\"next\"".length(),
            "ETag", MAX_ETAG_LENGTH,
            "Last-Modified", HTTP_DATE_LENGTH);

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
        if (schema != null && schema.getRef() == null) {
            limitParameter(parameter, schema);
        }
        return parameter;
    }

    /**
     * A header value is never longer than the header section the server accepts; no slug is longer than
     * {@link Slugs#MAX_LENGTH}, so a longer one in a path finds nothing (404). Integer parameters are parsed from text
     * into an int or a long within their declared bounds: the bounds say which.
     */
    private static void limitParameter(Parameter parameter, Schema schema) {
        boolean string = schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null && schema.getEnumeration() == null;
        if (string && parameter.getIn() == Parameter.In.HEADER) {
            schema.setMaxLength(SchemaBounds.MAX_HEADER_SIZE);
        } else if (string && parameter.getIn() == Parameter.In.PATH && "slug".equals(parameter.getName())) {
            schema.setMaxLength(Slugs.MAX_LENGTH);
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.INTEGER) && schema.getFormat() == null
                && schema.getMinimum() != null && schema.getMaximum() != null) {
            boolean fitsInt = schema.getMinimum().compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                    && schema.getMaximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
            schema.setFormat(fitsInt ? "int32" : "int64");
        }
    }

    /**
     * Every operation on one case study can meet its old slug (308 to the new one) or a withdrawn case study (410). Every public GET (one without a
     * key) answers with validators and a cache policy, and 304 to a conditional GET (see Validators, CacheHeaders).
     * Then the headers of every response (see the class comment) and the size of each header value.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        defineHeaders(openAPI);
        Set<String> deprecating = schemasWithDeprecatedFields(openAPI);
        Map<String, APIResponse> shared = openAPI.getComponents() == null || openAPI.getComponents().getResponses() == null
                ? Map.of() : openAPI.getComponents().getResponses();
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            inSpecificationOrder(item);
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
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                if (operation.getResponses() == null) {
                    return;
                }
                if (path.startsWith(RENAMEABLE_PREFIX)) {
                    addIfMissing(operation.getResponses(), "308", "MovedPermanently");
                    addIfMissing(operation.getResponses(), "410", "Gone");
                }
                byStatus(operation.getResponses());
                announceDeprecatedFields(operation.getResponses(), deprecating);
                operation.getResponses().getAPIResponses().values().stream()
                        .filter(response -> response.getRef() == null)
                        .forEach(OpenApiConventions::addHeaders);
            });
        });
        shared.values().forEach(OpenApiConventions::addHeaders);
        if (openAPI.getComponents().getSchemas() != null) {
            limitSchemas(openAPI.getComponents().getSchemas());
        }
    }

    /**
     * Limits that annotations cannot carry: the items of each generic Page, whose bound depends on the list it pages
     * (lists that are not bounded at all, such as the taxonomy, are left open), and the values of maps.
     */
    private static void limitSchemas(Map<String, Schema> schemas) {
        schemas.values().forEach(OpenApiConventions::limitDates);
        Schemas.boundPages(schemas, PAGE_ITEMS);
    }

    /** The schemas with a deprecated property, as references: answers of them carry Deprecation and Sunset. */
    private static Set<String> schemasWithDeprecatedFields(OpenAPI openAPI) {
        Set<String> refs = new HashSet<>();
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach((name, schema) -> {
                if (schema.getProperties() != null && schema.getProperties().values().stream()
                        .anyMatch(property -> Boolean.TRUE.equals(property.getDeprecated()))) {
                    refs.add("#/components/schemas/" + name);
                }
            });
        }
        return refs;
    }

    /**
     * A successful answer whose schema has a deprecated field announces it (http.DeprecatedFields sets the headers):
     * RFC 9745's Deprecation and RFC 8594's Sunset.
     */
    private static void announceDeprecatedFields(APIResponses responses, Set<String> deprecating) {
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null || response.getContent().getMediaTypes() == null) {
                return;
            }
            boolean carries = response.getContent().getMediaTypes().values().stream()
                    .map(media -> media.getSchema() == null ? null : media.getSchema().getRef())
                    .anyMatch(deprecating::contains);
            if (carries) {
                for (String name : List.of("Deprecation", "Sunset")) {
                    if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                        response.addHeader(name, OASFactory.createHeader().ref(name));
                    }
                }
            }
        });
    }

    /** The headers that {@link #addHeaders} refers to, each described once under components. */
    private static void defineHeaders(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader(ALLOW_ORIGIN, OASFactory.createHeader()
                        .description("Always `*`, whatever the request's Origin, so that a shared cache may serve any answer to "
                                + "any page: any web page may read the published data, without credentials. Preflights offer GET "
                                + "and HEAD only, without the Authorization header, so browsers never send keys or writes across "
                                + "origins.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("*").maxLength(1))
                        .example("*"))
                .addHeader(RequestIds.HEADER, OASFactory.createHeader()
                        .description("The id of this request, also on every log line the service wrote about it: quote it when you "
                                + "report a problem. An X-Request-Id sent with the request (by a load balancer, say) is answered "
                                + "as sent when it has 1 to " + RequestIds.MAX_LENGTH + " letters, digits, dots, underscores and "
                                + "dashes; otherwise the request gets a new id.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("^" + RequestIds.PATTERN + "$")
                                .maxLength(RequestIds.MAX_LENGTH))
                        .example("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .addHeader("Deprecation", OASFactory.createHeader()
                        .description("RFC 9745: the answer carries a field that is deprecated (marked so in its schema) since this "
                                + "date, as seconds since the epoch after `@`.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .addEnumeration(DeprecatedFields.DEPRECATION_VALUE).maxLength(DeprecatedFields.DEPRECATION_VALUE.length()))
                        .example(DeprecatedFields.DEPRECATION_VALUE))
                .addHeader("Sunset", OASFactory.createHeader()
                        .description("RFC 8594: after this date the deprecated fields may no longer be served.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .addEnumeration(DeprecatedFields.SUNSET_VALUE).maxLength(DeprecatedFields.SUNSET_VALUE.length()))
                        .example(DeprecatedFields.SUNSET_VALUE));
    }

    /**
     * Dates and instants are strings of a bounded length: the longest ISO 8601 value the API reads or writes has a year
     * of up to ten digits with its sign (java.time's range), nanoseconds and, when read, an offset with seconds.
     */
    private static void limitDates(Schema schema) {
        if (schema == null) {
            return;
        }
        String ref = schema.getRef();
        if (ref == null && schema.getAnyOf() != null) {
            ref = schema.getAnyOf().stream().map(Schema::getRef).filter(r -> r != null).findFirst().orElse(null);
        }
        if (schema.getMaxLength() == null) {
            if (INSTANT_REF.equals(ref) || "date-time".equals(schema.getFormat())) {
                schema.setMaxLength(SchemaBounds.MAX_INSTANT_LENGTH);
            } else if (DATE_REF.equals(ref) || "date".equals(schema.getFormat())) {
                schema.setMaxLength(SchemaBounds.MAX_DATE_LENGTH);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConventions::limitDates);
        }
        limitDates(schema.getItems());
        limitDates(schema.getAdditionalPropertiesSchema());
    }

    private static void addHeaders(APIResponse response) {
        for (String name : RATE_LIMIT_HEADERS) {
            addHeaderIfMissing(response, name);
        }
        addHeaderIfMissing(response, RequestIds.HEADER);
        addHeaderIfMissing(response, ALLOW_ORIGIN);
        response.getHeaders().forEach((name, header) -> {
            Schema schema = header.getSchema();
            Integer length = HEADER_LENGTHS.get(name);
            if (length != null && schema != null && schema.getRef() == null && schema.getMaxLength() == null) {
                schema.setMaxLength(length);
            }
        });
    }

    private static void addHeaderIfMissing(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().ref(HEADER_PREFIX + name);
            response.addHeader(name, header);
        }
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
            } else {
                // Operations open to all still refuse a key that is sent but not valid.
                addIfMissing(responses, "401", "RefusedKey");
            }
            if (operation.getRequestBody() != null) {
                addIfMissing(responses, "413", "ContentTooLarge");
            }
            // What the operation's own shape implies: a body may be invalid (400) or of a type it does not take (415),
            // a path parameter may name nothing (404), and an If-Match may no longer match (412).
            if (operation.getRequestBody() != null) {
                addIfMissing(responses, "400", "BadRequest");
                addIfMissing(responses, "415", "UnsupportedMediaType");
            }
            if (hasParameter(operation, Parameter.In.PATH, null)) {
                addIfMissing(responses, "404", "NotFound");
            }
            if (hasParameter(operation, Parameter.In.HEADER, "If-Match")) {
                addIfMissing(responses, "412", "PreconditionFailed");
            }
            // Every operation refuses a key in the URL (KeysInUrlFilter) and a query parameter it does not take
            // (UnknownQueryParameters); operations that document their own 400 cover them.
            addIfMissing(responses, "400", "RefusedQueryParameter");
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

    private static boolean hasParameter(Operation operation, Parameter.In in, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> parameter.getIn() == in && (name == null || name.equalsIgnoreCase(parameter.getName())));
    }

    /** Responses by status code, whatever order the declarations and the rules above added them in. */
    private static void byStatus(APIResponses responses) {
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
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

    /**
     * Lists a path's operations in the order the OpenAPI specification lists a Path Item's fields (get, put, post,
     * delete, options, head, patch, trace), whichever classes declare them: the document's text then does not change
     * when an operation moves to another resource class.
     */
    private static void inSpecificationOrder(PathItem item) {
        Map<PathItem.HttpMethod, Operation> operations = new EnumMap<>(item.getOperations());
        operations.keySet().forEach(method -> item.setOperation(method, null));
        for (PathItem.HttpMethod method : List.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.PUT,
                PathItem.HttpMethod.POST, PathItem.HttpMethod.DELETE, PathItem.HttpMethod.OPTIONS,
                PathItem.HttpMethod.HEAD, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.TRACE)) {
            if (operations.containsKey(method)) {
                item.setOperation(method, operations.get(method));
            }
        }
    }
}
