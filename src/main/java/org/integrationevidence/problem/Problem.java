package org.integrationevidence.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.integrationevidence.logging.RequestIds;
import org.integrationevidence.openapi.SchemaBounds;

/** An RFC 9457 problem document: the one error shape of the whole API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem document, served as application/problem+json.")
public record Problem(
        @Schema(description = "URI reference identifying the kind of problem; stable, and dereferenceable for a description.",
                examples = "/problems/validation", maxLength = ProblemType.MAX_URI)
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid request", maxLength = ProblemType.MAX_TITLE)
        String title,
        @Schema(description = "HTTP status code.", examples = "400", minimum = "400", maximum = "599")
        int status,
        @Schema(description = "Explanation specific to this occurrence; a longer one is cut short with an ellipsis.",
                examples = "The request has 1 invalid field.", maxLength = Problem.MAX_DETAIL)
        String detail,
        @Schema(description = "The path of the request that failed.", examples = "/api/v1/case-studies",
                maxLength = SchemaBounds.MAX_REQUEST_LINE)
        String instance,
        @Schema(description = "For validation problems: each invalid field and what is wrong with it: the first 100 "
                + "of a request, the first 1,000 of an import file.",
                maxItems = Problem.MAX_ERRORS)
        List<FieldError> errors,
        @Schema(description = "For server faults (5xx) only: the id of the request, as in its X-Request-Id header and on the "
                + "service's log lines about it. Quote it when you report the problem.",
                examples = "0f8fad5b-d9cb-469f-a165-70867728950e", pattern = "^" + RequestIds.PATTERN + "$",
                maxLength = RequestIds.MAX_LENGTH)
        String requestId) {

    /**
     * The longest detail: details quote what the client sent (a slug, a parameter), which only the request line limits,
     * so a longer one is cut short rather than echoing a request back whole.
     */
    public static final int MAX_DETAIL = 2000;
    /** The most field errors one problem lists: one request can be wrong in more ways than anyone reads. */
    public static final int MAX_ERRORS = 1000;

    public Problem {
        detail = Texts.shorten(detail, MAX_DETAIL);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
        // A server fault is the one problem a client cannot fix: the id leads an operator from its report to the log.
        if (requestId == null && status >= 500) {
            requestId = RequestIds.current();
        }
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, null, null);
    }

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors, null);
    }
}
