package org.integrationevidence.access;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One token bucket per client (a key, an address): {@code capacity} tokens, refilled evenly over {@code period}.
 * Buckets that are full again are dropped at most once per period, so memory follows the clients of the last
 * period, not all clients ever seen. Times are {@link System#nanoTime()} values.
 */
final class TokenBuckets {

    /** The outcome of one request: whether it may go on, and what is left. */
    record Take(boolean allowed, long remaining, long retryAfterNanos, long fullInNanos) {
    }

    private final int capacity;
    private final Duration period;
    private final double nanosPerToken;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep;

    TokenBuckets(int capacity, Duration period, long now) {
        this.capacity = capacity;
        this.period = period;
        this.nanosPerToken = (double) period.toNanos() / capacity;
        this.nextSweep = new AtomicLong(now + period.toNanos());
    }

    int capacity() {
        return capacity;
    }

    Duration period() {
        return period;
    }

    /** How many clients have a bucket kept. */
    int clients() {
        return buckets.size();
    }

    Take take(String client, long now) {
        sweepIfDue(now);
        return buckets.computeIfAbsent(client, ignored -> new Bucket(capacity, now)).take(now);
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + period.toNanos())) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Take take(long now) {
            refill(now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long retryAfter = allowed ? 0 : (long) Math.ceil((1 - tokens) * nanosPerToken);
            return new Take(allowed, (long) Math.floor(tokens), retryAfter, (long) Math.ceil((capacity - tokens) * nanosPerToken));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) / nanosPerToken);
            updated = now;
        }
    }
}
