package org.integrationevidence.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffUnitTest {

    private static final Duration INITIAL = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofHours(4);

    @Test
    void waitsTripleAfterEachFailureUpToTheMaximum() {
        Backoff middle = new Backoff(INITIAL, MAX, () -> 0.5); // no jitter at the middle of the range
        assertEquals(Duration.ofSeconds(5), middle.after(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(15), middle.after(2, Optional.empty()));
        assertEquals(Duration.ofSeconds(45), middle.after(3, Optional.empty()));
        assertEquals(MAX, middle.after(12, Optional.empty()));
        assertEquals(MAX, middle.after(1000, Optional.empty()));
    }

    @Test
    void jitterIsWithinTwentyPercentEitherSide() {
        assertEquals(Duration.ofSeconds(4), new Backoff(INITIAL, MAX, () -> 0.0).after(1, Optional.empty()));
        assertEquals(Duration.ofSeconds(6), new Backoff(INITIAL, MAX, () -> 1.0).after(1, Optional.empty()));
        assertEquals(MAX, new Backoff(INITIAL, MAX, () -> 1.0).after(20, Optional.empty()), "never beyond the maximum");
    }

    @Test
    void retryAfterLengthensTheWaitButNotBeyondTheMaximum() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.5);
        assertEquals(Duration.ofSeconds(120), backoff.after(1, Optional.of(Duration.ofSeconds(120))));
        assertEquals(Duration.ofSeconds(15), backoff.after(2, Optional.of(Duration.ofSeconds(1))));
        assertEquals(MAX, backoff.after(1, Optional.of(Duration.ofDays(3))));
    }

    @Test
    void aScheduleRetriesForAtLeastTheDefaultPeriod() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.0); // the shortest waits
        Duration total = Duration.ZERO;
        int failures = 0;
        while (total.compareTo(Duration.ofHours(28)) < 0) {
            total = total.plus(backoff.after(++failures, Optional.empty()));
        }
        // Disabling after 20 failures in a row (the default) must not come before the 28 hours of retries.
        assertTrue(failures <= 20, failures + " failures to span 28 hours");
    }

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(30)), Backoff.retryAfter("30", now));
        assertEquals(Optional.of(Duration.ofSeconds(90)), Backoff.retryAfter("Mon, 07 Dec 2026 10:01:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), Backoff.retryAfter("Mon, 07 Dec 2026 09:00:00 GMT", now));
        assertEquals(Optional.empty(), Backoff.retryAfter("soon", now));
        assertEquals(Optional.empty(), Backoff.retryAfter(null, now));
    }
}
