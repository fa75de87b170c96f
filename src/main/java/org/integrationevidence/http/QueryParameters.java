package org.integrationevidence.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.integrationevidence.openapi.SchemaBounds;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

/** Parsing of query and path parameters that JAX-RS would otherwise reject with a misleading 404 or a 500. */
public final class QueryParameters {

    private static final Instant EARLIEST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST_INSTANT = Instant.parse("2101-01-01T00:00:00Z");

    private QueryParameters() {
    }

    /** Parses a page size: absent means {@code defaultLimit}; anything outside 1..{@code maxLimit} is a 400. */
    /** A client's value as quoted back in an error message: at most 40 characters, so that a huge one is not echoed. */
    public static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

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

    /**
     * Parses an instant (ISO 8601, or a date for its start in UTC) between the years 1900 and 2100: absent is null;
     * anything else is added to {@code errors} as a field error, and null returned.
     */
    public static Instant instant(String parameter, String raw, List<FieldError> errors) {
        String value = raw == null || raw.isBlank() ? null : raw.strip();
        if (value == null) {
            return null;
        }
        if (value.length() > SchemaBounds.MAX_INSTANT_LENGTH) {
            errors.add(new FieldError(parameter, "must be at most " + SchemaBounds.MAX_INSTANT_LENGTH
                    + " characters: an ISO 8601 instant or date"));
            return null;
        }
        try {
            Instant parsed = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
            if (parsed.isAfter(LATEST_INSTANT) || parsed.isBefore(EARLIEST_INSTANT)) {
                errors.add(new FieldError(parameter, "must be between the years 1900 and 2100"));
                return null;
            }
            return parsed;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(parameter, "must be an ISO 8601 instant, such as 2026-11-01T00:00:00Z, or a date, "
                    + "such as 2026-11-01"));
            return null;
        }
    }
}
