package org.integrationevidence.problem;

import java.util.List;

/**
 * A failure that the client can act on. Services throw it; the {@link ProblemMappers} turn it into a problem
 * document. Field errors are only set for validation problems.
 */
public class ApiException extends RuntimeException {

    /** Message of a missing request body, reported under the field {@value ProblemMappers#ROOT_FIELD}. */
    public static final String BODY_REQUIRED = "a JSON object is required as the request body";

    private final ProblemType type;
    private final List<FieldError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ApiException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(ProblemType.VALIDATION, describe(errors), List.copyOf(errors));
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? "The request has 1 invalid field: " + errors.get(0).field() + " " + errors.get(0).message() + "."
                : "The request has " + errors.size() + " invalid fields.";
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
