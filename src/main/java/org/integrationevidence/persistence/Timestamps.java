package org.integrationevidence.persistence;

import java.time.Instant;
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
}
