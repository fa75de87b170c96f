package org.integrationevidence.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.integrationevidence.openapi.SchemaBounds;

/**
 * One invalid field or query parameter, named by its JSON path (for example {@code place.countryCode}); in the
 * report of a bulk import, also the row of the file it is on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "One invalid field or query parameter.")
public record FieldError(
        @Schema(description = "Only for bulk imports: the row of the file. CSV: the record number, the header being row 1 "
                + "(as a spreadsheet numbers rows); NDJSON: the line number.", examples = "2", nullable = true,
                minimum = "1", maximum = SchemaBounds.MAX_INT)
        Integer row,
        @Schema(description = "JSON path of the field, or the name of the query parameter.", examples = "place.countryCode", maxLength = MAX_FIELD)
        String field,
        @Schema(description = "What is wrong with it, for a person to read.",
                examples = "must be an ISO 3166-1 alpha-2 country code in capitals, such as GB or IT", maxLength = MAX_MESSAGE)
        String message) {

    /**
     * The longest field name and message: both can quote what the client sent (an import file's column, a value),
     * so longer ones are cut short with an ellipsis.
     */
    public static final int MAX_FIELD = 200;
    public static final int MAX_MESSAGE = 1000;

    public FieldError {
        field = Texts.shorten(field, MAX_FIELD);
        message = Texts.shorten(message, MAX_MESSAGE);
    }

    public FieldError(String field, String message) {
        this(null, field, message);
    }

    /** The same error, on a row of an import file. */
    public FieldError onRow(int number) {
        return new FieldError(number, field, message);
    }
}
