package org.integrationevidence.common;

/** Parsing of query parameters that JAX-RS would otherwise reject with a misleading 404. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** Parses a page size: absent means {@code defaultLimit}; anything outside 1..{@code maxLimit} is a 400. */
    public static int limit(String value, int defaultLimit, int maxLimit) {
        Integer limit = wholeNumber("limit", value, 1, maxLimit);
        return limit == null ? defaultLimit : limit;
    }

    /** Parses a whole number in {@code min..max}: absent (or blank) is null; anything else outside is a 400. */
    public static Integer wholeNumber(String parameter, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the validation error below
        }
        throw ApiException.invalid(parameter, "must be a whole number from " + min + " to " + max);
    }
}
