package org.integrationevidence.search;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of one value of a repeatable text filter (approach, country, region, place), in a query or in a
 * saved search.
 */
@Schema(name = "FilterValue", type = SchemaType.STRING, maxLength = SearchFilters.MAX_VALUE_LENGTH,
        description = "One value of a filter; at most 200 characters, and at most 100 values over all filters of a request.")
public final class FilterValue {

    private FilterValue() {
    }
}
