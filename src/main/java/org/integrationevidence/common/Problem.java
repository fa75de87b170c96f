package org.integrationevidence.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document: the one error shape of the whole API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem document, served as application/problem+json.")
public record Problem(
        @Schema(description = "URI reference identifying the kind of problem; stable, and dereferenceable for a description.",
                examples = "/problems/validation")
        String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code.", examples = "400")
        int status,
        @Schema(description = "Explanation specific to this occurrence.", examples = "The request has 1 invalid field.")
        String detail,
        @Schema(description = "The path of the request that failed.", examples = "/api/v1/case-studies")
        String instance,
        @Schema(description = "For validation problems: each invalid field and what is wrong with it.")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemType type, String detail, String instance) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, null);
    }

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, errors);
    }
}
