package org.integrationevidence.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff (the initial interval, times three after each failure, up
 * to the maximum), each wait drawn at random within 20 % either side so that receivers coming back are not hit by every
 * retry at once; a receiver's {@code Retry-After} (seconds or an HTTP date, on 429 and 503) lengthens the wait, never
 * beyond the maximum. Pure logic.
 */
final class Backoff {

    private static final double FACTOR = 3;
    private static final double JITTER = 0.2;

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first), with the receiver's Retry-After. */
    Duration after(int failures, Optional<Duration> retryAfter) {
        double base = initial.toMillis() * Math.pow(FACTOR, Math.max(0, failures - 1));
        double capped = Math.min(base, max.toMillis());
        double jittered = capped * (1 - JITTER + 2 * JITTER * random.getAsDouble());
        long millis = Math.max(1, Math.round(Math.min(jittered, max.toMillis())));
        if (retryAfter.isPresent()) {
            millis = Math.max(millis, Math.min(retryAfter.get().toMillis(), max.toMillis()));
        }
        return Duration.ofMillis(millis);
    }

    /** A {@code Retry-After} value as a wait from {@code now}: delay-seconds or an HTTP date; empty if neither. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(Character::isDigit) && trimmed.length() <= 9) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
