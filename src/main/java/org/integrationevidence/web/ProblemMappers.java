package org.integrationevidence.web;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.integrationevidence.http.MovedPermanently;
import org.integrationevidence.json.RefusedCharacters;
import org.integrationevidence.json.TooManyItems;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.Problem;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.problem.Throwables;

/**
 * The one place where failures become RFC 9457 problem documents. Nothing internal (exception class names,
 * stack traces, SQL) ever reaches a response: unexpected failures get a fixed text and are logged here.
 */
public class ProblemMappers {

    /** The field name of the request body as a whole, as in JSONPath: {@code $}. */
    public static final String ROOT_FIELD = "$";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** What a 503 asks clients to wait: the conditions behind it (an index opening) pass within seconds. */
    private static final int RETRY_AFTER_SECONDS = 5;

    /** Most field errors listed in one problem document. */
    static final int MAX_LISTED_ERRORS = 100;

    /** What a 401 asks clients to send (RFC 6750); the same as the authentication mechanism's own challenge. */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"integration-evidence\"";

    @Inject
    AllowedMethods allowedMethods;

    /** JSON fields that the server owns; a client that sends one is told so rather than that it is unknown. */
    private static final Set<String> SERVER_OWNED_FIELDS =
            Set.of("id", "version", "createdAt", "updatedAt", "bodyHtml", "caseStudyCount", "children", "owner");

    @ServerExceptionMapper
    public Response mapApiException(ApiException e, HttpServerRequest request) {
        return respond(Problem.of(e.type(), e.getMessage(), request.path(), e.errors()));
    }

    /**
     * A renamed resource: 308 to its new URL, query string kept. No body: a redirect is not a problem, and clients
     * follow Location.
     */
    @ServerExceptionMapper
    public Response mapMovedPermanently(MovedPermanently e, HttpServerRequest request) {
        // The query is passed on as the client sent it: set as text, since not every query that HTTP servers accept
        // is one that java.net.URI does.
        String location = e.relocate(request.path()) + (request.query() == null ? "" : "?" + request.query());
        return Response.status(308).header(HttpHeaders.LOCATION, location).build();
    }

    /** Bean Validation failures, whether raised at an endpoint or inside a service (which Quarkus would make a 500). */
    @ServerExceptionMapper
    public Response mapConstraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldPath(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .distinct()
                .toList();
        if (errors.size() > MAX_LISTED_ERRORS) {
            // A body of a hundred thousand blank list items must not get a problem document a hundred times its size.
            return respond(Problem.of(ProblemType.VALIDATION, ApiException.describe(errors) + " The first "
                    + MAX_LISTED_ERRORS + " are listed.", request.path(), errors.subList(0, MAX_LISTED_ERRORS)));
        }
        return respond(Problem.of(ProblemType.VALIDATION, ApiException.describe(errors), request.path(), errors));
    }

    /** Declared apart from {@link #mapJsonProcessing} so that it wins over Quarkus' built-in mapper of this type. */
    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return respond(problemFor(e, request.path()));
    }

    @ServerExceptionMapper
    public Response mapJsonProcessing(JsonProcessingException e, HttpServerRequest request) {
        return respond(problemFor(e, request.path()));
    }

    @ServerExceptionMapper
    public Response mapWebApplicationException(WebApplicationException e, HttpServerRequest request) {
        JsonProcessingException jsonCause = findCause(e, JsonProcessingException.class);
        if (jsonCause != null) {
            return respond(problemFor(jsonCause, request.path()));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return mapUnexpected(e, request);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = type.status() == status || reason == null ? type.title() : reason.getReasonPhrase();
        Problem problem = new Problem(type.uri(), title, status, detailFor(type, request), request.path(), null, null);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (status == Response.Status.METHOD_NOT_ALLOWED.getStatusCode()) {
            allowedMethods.forPath(request.path()).ifPresent(allow -> response.header(HttpHeaders.ALLOW, allow));
        }
        return response.build();
    }

    /** An operation that needs a key, called without one (a key that is sent but refused never gets this far). */
    @ServerExceptionMapper
    public Response mapUnauthorized(UnauthorizedException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.UNAUTHORIZED, "This operation needs an API key with the right role, sent as "
                + "Authorization: Bearer <key>.", request.path()));
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "This API key's role does not allow " + request.method() + " "
                + request.path() + ".", request.path()));
    }

    /** Two writes based on the same version: the second to commit finds the row changed (JPA optimistic locking). */
    @ServerExceptionMapper
    public Response mapOptimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.PRECONDITION_FAILED, "The resource was changed by another request at the "
                + "same moment. Read it again and reapply your change.", request.path()));
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected failure handling %s %s", request.method(), request.path());
        return respond(Problem.of(ProblemType.INTERNAL, ProblemType.INTERNAL.description(), request.path()));
    }

    private static Response respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == Response.Status.SERVICE_UNAVAILABLE.getStatusCode()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (problem.status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        if (problem.status() == Response.Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode()) {
            // The rest of the body is left unread, so the connection cannot carry another request.
            response.header("Connection", "close");
        }
        return response.build();
    }

    private static String detailFor(ProblemType type, HttpServerRequest request) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is served at " + request.path() + ".";
            case METHOD_NOT_ALLOWED -> request.method() + " is not allowed on " + request.path() + ".";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json (a PATCH as application/merge-patch+json).";
            case NOT_ACCEPTABLE -> "This resource is served as application/json.";
            default -> type.description();
        };
    }

    /** The problem a JSON body with this failure is: also used for each line of an NDJSON import. */
    public static Problem problemFor(JsonProcessingException e, String path) {
        StreamConstraintsException limit = Throwables.findInChain(e, StreamConstraintsException.class);
        if (limit != null) {
            return Problem.of(ProblemType.MALFORMED_BODY, "The request body " + exceeded(limit) + location(limit.getLocation())
                    + ".", path);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            String message = SERVER_OWNED_FIELDS.contains(unknown.getPropertyName())
                    ? "is set by the server and cannot be written"
                    : "is not a known field; allowed fields are " + unknown.getKnownPropertyIds().stream()
                            .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return invalid(field, message, path);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage() != null
                && mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return Problem.of(ProblemType.MALFORMED_BODY, "The request body has more content after its JSON document"
                    + location(e.getLocation()) + ".", path);
        }
        if (e instanceof RefusedCharacters.InJson refused) {
            return invalid(jsonPath(refused), refused.rule(), path);
        }
        if (e instanceof TooManyItems tooMany) {
            return invalid(jsonPath(tooMany), "must have at most " + tooMany.max() + " items", path);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return invalid(jsonPath(mismatch), expectation(mismatch), path);
        }
        if (e instanceof InputCoercionException || findCause(e, InputCoercionException.class) != null) {
            return Problem.of(ProblemType.MALFORMED_BODY, "A number in the request body is out of range"
                    + location(e.getLocation()) + ".", path);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof ApiException api) {
            return Problem.of(api.type(), api.getMessage(), path, api.errors());
        }
        JsonParseException parse = e instanceof JsonParseException direct ? direct : findCause(e, JsonParseException.class);
        return Problem.of(ProblemType.MALFORMED_BODY, "The request body is not well-formed JSON"
                + (parse == null ? "" : describeDuplicate(parse)) + location(e.getLocation()) + ".", path);
    }

    /** Which parser limit (JsonConfiguration) was exceeded, from Jackson's message, whose own text names its classes. */
    private static String exceeded(StreamConstraintsException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        java.util.regex.Matcher allowed = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)").matcher(original);
        String max = allowed.find() ? allowed.group(1) : null;
        if (original.startsWith("Document nesting depth")) {
            return "nests arrays and objects deeper than " + (max == null ? "allowed" : max + " levels");
        }
        if (original.startsWith("String value length")) {
            return "has a string longer than " + (max == null ? "allowed" : max + " characters");
        }
        if (original.startsWith("Number value length")) {
            return "has a number longer than " + (max == null ? "allowed" : max + " characters");
        }
        if (original.startsWith("Name length")) {
            return "has a field name longer than " + (max == null ? "allowed" : max + " characters");
        }
        return "exceeds a limit of the JSON parser";
    }

    private static Problem invalid(String field, String message, String path) {
        List<FieldError> errors = List.of(new FieldError(field, message));
        return Problem.of(ProblemType.VALIDATION, ApiException.describe(errors), path, errors);
    }

    private static String describeDuplicate(JsonParseException e) {
        String original = e.getOriginalMessage();
        return original != null && original.startsWith("Duplicate field") ? " (" + original.replace('\'', '"') + ")" : "";
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String expectation(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (target == null) {
            return "has the wrong type";
        }
        if (target.isEnum()) {
            return "must be one of: " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException && target == java.time.LocalDate.class) {
            return "must be a date in the form YYYY-MM-DD";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == Double.class || target == double.class || target == java.math.BigDecimal.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date in the form YYYY-MM-DD";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be a JSON object";
    }

    /** The JSON path of a Jackson failure, such as {@code sources[1].publishedOn}; {@value #ROOT_FIELD} for the document itself. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? ROOT_FIELD : path.toString();
    }

    /**
     * The JSON path of a violation. Method and parameter nodes are dropped, so a failure inside a service's
     * {@code create(input)} reads {@code place.countryCode}, not {@code create.input.place.countryCode}.
     */
    public static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        while (nodes.hasNext()) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.PARAMETER || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getKind() == ElementKind.BEAN) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.isEmpty() ? ROOT_FIELD : path.toString();
    }

    /** The first cause of {@code e} (not {@code e} itself) that is a {@code type}, or null. */
    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        return e.getCause() == null ? null : Throwables.findInChain(e.getCause(), type);
    }
}
