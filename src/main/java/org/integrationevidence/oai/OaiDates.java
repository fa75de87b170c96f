package org.integrationevidence.oai;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The protocol's UTC datestamps, at this repository's granularity of seconds ({@code YYYY-MM-DDThh:mm:ssZ}); a
 * harvester may also send days ({@code YYYY-MM-DD}), the granularity every repository must accept.
 */
final class OaiDates {

    static final String GRANULARITY = "YYYY-MM-DDThh:mm:ssZ";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A bound of a selective harvest, at its granularity. */
    record Bound(Instant instant, boolean days) {

        /** The first instant the bound admits as {@code from}. */
        Instant fromInclusive() {
            return instant;
        }

        /** The first instant past the bound as {@code until}, which includes its whole day or second. */
        Instant untilExclusive() {
            return instant.plus(1, days ? ChronoUnit.DAYS : ChronoUnit.SECONDS);
        }
    }

    private OaiDates() {
    }

    /** A datestamp, to the second, in UTC. */
    static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** A {@code from} or {@code until} argument; badArgument naming it when it is not a valid date of either granularity. */
    static Bound parse(String argument, String value) {
        try {
            if (DAY.matcher(value).matches()) {
                return new Bound(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant(), true);
            }
            if (SECOND.matcher(value).matches()) {
                return new Bound(Instant.parse(value), false);
            }
        } catch (DateTimeParseException e) {
            // an impossible date such as 2026-02-30: the error below
        }
        throw new OaiException(OaiError.Code.badArgument, "The argument " + argument + " must be a UTC date as YYYY-MM-DD or "
                + GRANULARITY + ".");
    }
}
