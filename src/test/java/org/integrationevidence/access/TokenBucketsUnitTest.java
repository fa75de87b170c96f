package org.integrationevidence.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.integrationevidence.access.TokenBuckets.Take;
import org.junit.jupiter.api.Test;

/**
 * Buckets of 4 tokens refilled over 1 s: one token every 250 ms. Times are nanoTime values given to each call, which
 * may be any long, negative ones and those that wrap around included.
 */
class TokenBucketsUnitTest {

    private static final long MS = 1_000_000L;
    private static final long QUARTER_TOKEN = 62_500_000L;
    private static final long T0 = -7_000 * MS;

    private final TokenBuckets buckets = new TokenBuckets(4, Duration.ofSeconds(1), T0);

    @Test
    void capacityAndPeriodAreAsConfigured() {
        assertEquals(4, buckets.capacity());
        assertEquals(Duration.ofSeconds(1), buckets.period());
    }

    @Test
    void aNewClientHasAFullBucket() {
        assertEquals(new Take(true, 3, 0, 250 * MS), buckets.take("a", T0));
    }

    @Test
    void aWholeBucketMayBeSpentAtOnceThenRequestsAreRefused() {
        assertEquals(new Take(true, 3, 0, 250 * MS), buckets.take("a", T0));
        assertEquals(new Take(true, 2, 0, 500 * MS), buckets.take("a", T0));
        assertEquals(new Take(true, 1, 0, 750 * MS), buckets.take("a", T0));
        assertEquals(new Take(true, 0, 0, 1000 * MS), buckets.take("a", T0));
        assertEquals(new Take(false, 0, 250 * MS, 1000 * MS), buckets.take("a", T0));
        assertEquals(new Take(false, 0, 250 * MS, 1000 * MS), buckets.take("a", T0));
    }

    @Test
    void tokensComeBackEvenlyOverThePeriod() {
        spend("a", 4, T0);
        assertEquals(new Take(false, 0, 125 * MS, 875 * MS), buckets.take("a", T0 + 125 * MS));
        assertEquals(new Take(true, 0, 0, 1000 * MS), buckets.take("a", T0 + 250 * MS));
        assertEquals(new Take(true, 2, 0, 500 * MS), buckets.take("a", T0 + 1000 * MS));
    }

    @Test
    void aRefusedRequestTakesNoToken() {
        spend("a", 4, T0);
        for (int quarter = 0; quarter < 4; quarter++) {
            assertEquals(false, buckets.take("a", T0 + quarter * QUARTER_TOKEN).allowed());
        }
        assertEquals(true, buckets.take("a", T0 + 250 * MS).allowed());
        assertEquals(false, buckets.take("a", T0 + 250 * MS).allowed());
    }

    @Test
    void aRequestIsAllowedOnceRetryAfterIsOverAndNotBefore() {
        spend("a", 4, T0);
        spend("b", 4, T0);
        Take refused = buckets.take("a", T0 + QUARTER_TOKEN);
        assertEquals(3 * QUARTER_TOKEN, refused.retryAfterNanos());
        assertEquals(true, buckets.take("a", T0 + QUARTER_TOKEN + refused.retryAfterNanos()).allowed());
        assertEquals(false, buckets.take("b", T0 + QUARTER_TOKEN + refused.retryAfterNanos() - 1).allowed());
    }

    @Test
    void aBucketNeverHoldsMoreThanItsCapacity() {
        buckets.take("a", T0);
        long later = T0 + 750 * MS;
        assertEquals(new Take(true, 3, 0, 250 * MS), buckets.take("a", later));
        spend("a", 3, later);
        assertEquals(false, buckets.take("a", later).allowed());
    }

    @Test
    void eachClientHasItsOwnBucket() {
        spend("a", 4, T0);
        assertEquals(false, buckets.take("a", T0).allowed());
        assertEquals(new Take(true, 3, 0, 250 * MS), buckets.take("b", T0));
    }

    @Test
    void bucketsFullAgainAreDroppedOncePerPeriod() {
        buckets.take("full again", T0);
        spend("half empty", 4, T0 + 500 * MS);
        assertEquals(2, buckets.clients());
        buckets.take("new", T0 + 999 * MS);
        assertEquals(3, buckets.clients());
        buckets.take("new", T0 + 1000 * MS);
        assertEquals(2, buckets.clients());
        buckets.take("another", T0 + 1999 * MS);
        assertEquals(3, buckets.clients());
        buckets.take("another", T0 + 2000 * MS);
        assertEquals(1, buckets.clients());
    }

    @Test
    void aDroppedBucketComesBackFull() {
        buckets.take("a", T0);
        buckets.take("b", T0 + 1000 * MS);
        assertEquals(1, buckets.clients());
        assertEquals(new Take(true, 3, 0, 250 * MS), buckets.take("a", T0 + 1000 * MS));
    }

    @Test
    void timesMayWrapAround() {
        long start = Long.MAX_VALUE - 500 * MS;
        TokenBuckets wrapping = new TokenBuckets(4, Duration.ofSeconds(1), start);
        wrapping.take("full again", start);
        for (int i = 0; i < 4; i++) {
            wrapping.take("a", start);
        }
        wrapping.take("b", start + 300 * MS);
        assertEquals(3, wrapping.clients());
        long wrapped = start + 750 * MS;
        assertEquals(new Take(true, 2, 0, 500 * MS), wrapping.take("a", wrapped));
        assertEquals(3, wrapping.clients());
        wrapping.take("c", start + 1000 * MS);
        assertEquals(2, wrapping.clients());
    }

    private void spend(String client, int tokens, long now) {
        for (int i = 0; i < tokens; i++) {
            assertEquals(true, buckets.take(client, now).allowed());
        }
    }
}
