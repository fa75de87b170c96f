package org.integrationevidence.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Server-side timestamps. */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * Now, cut to microseconds: the precision the database keeps, so that an entity's timestamp reads the same
     * before and after a round trip (keyset cursors compare them exactly).
     */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A timestamp as a native query returns it, whose Java type depends on the database and its driver (H2 and
     * PostgreSQL differ): an {@link Instant}.
     */
    public static Instant of(Object timestamp) {
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (timestamp instanceof java.sql.Timestamp sql) {
            return sql.toInstant();
        }
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + (timestamp == null ? "null" : timestamp.getClass()));
    }
}
