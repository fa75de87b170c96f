package org.integrationevidence.problem;

/**
 * Every kind of error the API reports. Each has a stable {@code type} URI (RFC 9457) that clients
 * can switch on, and a page under {@code /problems/{slug}} describing it.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request",
            "One or more fields or query parameters are invalid. The errors list names each field and what is wrong with it."),
    UNKNOWN_PARAMETER("unknown-parameter", 400, "Unknown parameter",
            "The URL has a query parameter this operation does not take, such as a typo (contry for country). It is "
                    + "refused, not ignored, so no answer looks filtered when it is not. The detail lists the ones it takes."),
    MALFORMED_BODY("malformed-body", 400, "Malformed request body",
            "The request body is not one well-formed JSON document, a number in it is out of range, or it exceeds a "
                    + "limit of the JSON parser (nesting depth, length of a string or a number). Nothing was written."),
    UNAUTHORIZED("unauthorized", 401, "Unauthorized",
            "This operation needs an API key, sent as Authorization: Bearer <key>; none was sent, or the key sent is "
                    + "unknown, revoked or expired. Reading published case studies and the taxonomy needs no key."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The API key is valid but its role does not allow this operation. Roles: curator, editor, admin."),
    NOT_FOUND("not-found", 404, "Not found",
            "There is no resource at this URL. Check the slug or the path."),
    GONE("gone", 410, "Gone",
            "The case study was withdrawn. It is kept for the record but is no longer served."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The resource exists but does not accept this HTTP method. The Allow header lists the methods it accepts."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable",
            "The API cannot produce any of the media types listed in the Accept header. It serves application/json; "
                    + "exports also text/csv and application/x-ndjson."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "Request bodies must be sent as application/json."),
    SLUG_TAKEN("slug-taken", 409, "Slug already in use",
            "Another resource already has this slug. Choose another one, or leave it out to have one derived from the title or name."),
    IN_USE("in-use", 409, "Resource in use",
            "The resource cannot be deleted while other resources refer to it."),
    CONFLICT("conflict", 409, "Conflict",
            "The request conflicts with the current state of the resource."),
    SAVED_SEARCHES_FULL("saved-searches-full", 409, "Saved searches full",
            "The repository keeps as many saved searches as it is configured to, and this one is new. Follow the "
                    + "case studies feed with the same query parameters instead, or ask the operators to make room."),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed",
            "The case study changed since you read it: If-Match names an older version. Read it again (GET gives its "
                    + "current ETag), reapply your change, and send it with the new ETag. Nothing was written."),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition required",
            "Changing or withdrawing a case study needs an If-Match header with the ETag of the version you read, so "
                    + "that nobody overwrites someone else's change unseen. Nothing was written."),
    CONTENT_TOO_LARGE("content-too-large", 413, "Content too large",
            "The request body is larger than this operation accepts: 1 MiB unless configured otherwise; bulk imports "
                    + "have their own limits of bytes and rows. Nothing was written. Send less, or split an import "
                    + "file and send the parts one by one."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "This API key or client address has sent more requests than its rate limit allows, or too many refused "
                    + "API keys came from this address. Retry after the number of seconds in the Retry-After header."),
    IMPORT_INVALID("import-invalid", 422, "Invalid import",
            "One or more rows of an import file are invalid, so none of its rows was written. The errors list gives "
                    + "each error's row, field and message: fix them all and send the whole file again."),
    BAD_REQUEST("bad-request", 400, "Bad request",
            "The request could not be understood."),
    UNAVAILABLE("unavailable", 503, "Service unavailable",
            "The service cannot answer this request right now, for example while its search index is being opened. "
                    + "Retry after the number of seconds in the Retry-After header."),
    INTERNAL("internal", 500, "Internal server error",
            "The server failed to handle the request. The failure has been logged; retrying later may help.");

    /** Base of every problem type URI; the same path serves a description of the type. */
    public static final String BASE_PATH = "/problems/";
    /** The longest slug, type URI, title and description, for the OpenAPI document; checked when the class loads. */
    public static final int MAX_SLUG = 22;
    public static final int MAX_URI = MAX_SLUG + 10; // BASE_PATH's length
    public static final int MAX_TITLE = 22;
    public static final int MAX_DESCRIPTION = 231;

    static {
        for (ProblemType type : values()) {
            if (type.slug.length() > MAX_SLUG || type.uri().length() > MAX_URI || type.title.length() > MAX_TITLE || type.description.length() > MAX_DESCRIPTION) {
                throw new IllegalStateException("MAX_SLUG, MAX_TITLE or MAX_DESCRIPTION is too small for " + type);
            }
        }
    }

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return BASE_PATH + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The problem type for an HTTP error raised by the framework rather than by our own code. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 410 -> GONE;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> CONTENT_TOO_LARGE;
            case 428 -> PRECONDITION_REQUIRED;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }

    public static java.util.Optional<ProblemType> bySlug(String slug) {
        for (ProblemType type : values()) {
            if (type.slug.equals(slug)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
