package org.integrationevidence.common;

/** Parsing of query and path parameters that JAX-RS would otherwise reject with a misleading 404 or a 500. */
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

    /**
     * Parses a number in a path, such as an id: anything but a whole number from 1 to {@code max} names nothing
     * there is, so it is a 404 with {@code notFoundDetail}.
     */
    public static long pathNumber(String value, long max, String notFoundDetail) {
        try {
            long number = Long.parseLong(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the 404 below
        }
        throw ApiException.notFound(notFoundDetail);
    }
}
