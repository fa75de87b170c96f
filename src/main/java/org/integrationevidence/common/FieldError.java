package org.integrationevidence.common;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid field or query parameter, named by its JSON path (for example {@code place.countryCode}). */
@Schema(description = "One invalid field or query parameter.")
public record FieldError(
        @Schema(description = "JSON path of the field, or the name of the query parameter.", examples = "place.countryCode")
        String field,
        @Schema(description = "What is wrong with it, for a person to read.",
                examples = "must be an ISO 3166-1 alpha-2 country code in capitals, such as GB or IT")
        String message) {
}
