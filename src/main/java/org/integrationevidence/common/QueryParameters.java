package org.integrationevidence.common;

/** Parsing of query parameters that JAX-RS would otherwise reject with a misleading 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** Parses a page size: absent means {@code defaultLimit}; anything outside 1..{@code maxLimit} is a 400. */
    public static int limit(String value, int defaultLimit, int maxLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= maxLimit) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the validation error below
        }
        throw ApiException.invalid("limit", "must be a whole number from 1 to " + maxLimit);
    }
}
