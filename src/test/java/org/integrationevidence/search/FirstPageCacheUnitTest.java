package org.integrationevidence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The cache's invalidation rule: a page is served only in the index snapshot and cursor hour it was searched in;
 * when the cache is full, stale pages are dropped first.
 */
class FirstPageCacheUnitTest {

    private static final long HOUR = 1_793_527_200L;
    private static final int FULL = FirstPageCache.MAX_ENTRIES;
    /** Pages of a full cache that the tests of what is dropped make stale or keep again, one at a time. */
    private static final List<Integer> POSITIONS = List.of(0, 1, FULL / 2, FULL - 1);

    private final FirstPageCache cache = new FirstPageCache();

    @Test
    void nothingIsKeptAtFirst() {
        assertNull(cache.get(request(0), "7", HOUR));
    }

    @Test
    void aPageIsServedInTheSnapshotAndHourItWasSearchedIn() {
        FirstPageCache.Kept kept = page("7", HOUR);
        cache.keep(request(0), kept);
        assertSame(kept, cache.get(request(0), "7", HOUR));
    }

    @Test
    void aNewSnapshotMakesAKeptPageStale() {
        cache.keep(request(0), page("7", HOUR));
        assertNull(cache.get(request(0), "8", HOUR));
    }

    @Test
    void aNewHourMakesAKeptPageStale() {
        cache.keep(request(0), page("7", HOUR));
        assertNull(cache.get(request(0), "7", HOUR + 3600));
    }

    @Test
    void aPageIsServedForAnEqualRequestOnly() {
        FirstPageCache.Kept kept = page("7", HOUR);
        cache.keep(SearchRequest.taggedWith("sport", 20), kept);
        assertSame(kept, cache.get(SearchRequest.taggedWith("sport", 20), "7", HOUR));
        assertNull(cache.get(SearchRequest.taggedWith("sport", 10), "7", HOUR));
        assertNull(cache.get(SearchRequest.taggedWith("education", 20), "7", HOUR));
    }

    @Test
    void aPageKeptAgainReplacesTheOldOne() {
        cache.keep(request(0), page("7", HOUR));
        FirstPageCache.Kept newer = page("8", HOUR);
        cache.keep(request(0), newer);
        assertSame(newer, cache.get(request(0), "8", HOUR));
        assertNull(cache.get(request(0), "7", HOUR));
    }

    @Test
    void whenFullAPageOfAnotherSnapshotIsDroppedFirst() {
        for (int stale : POSITIONS) {
            FirstPageCache full = new FirstPageCache();
            for (int i = 0; i < FULL; i++) {
                full.keep(request(i), i == stale ? page("1", HOUR) : page("2", HOUR));
            }
            full.keep(request(FULL), page("2", HOUR));
            assertNull(full.get(request(stale), "1", HOUR), "stale page " + stale);
            for (int i = 0; i <= FULL; i++) {
                if (i != stale) {
                    assertNotNull(full.get(request(i), "2", HOUR), "page " + i + " with stale page " + stale);
                }
            }
        }
    }

    @Test
    void whenFullOfCurrentPagesOneMakesRoom() {
        for (int i = 0; i < FULL; i++) {
            cache.keep(request(i), page("2", HOUR));
        }
        cache.keep(request(FULL), page("2", HOUR));
        assertNotNull(cache.get(request(FULL), "2", HOUR));
        assertEquals(FULL - 1, IntStream.range(0, FULL).filter(i -> cache.get(request(i), "2", HOUR) != null).count());
    }

    @Test
    void aRequestKeptAgainWhenFullDropsNoOtherPage() {
        for (int again : POSITIONS) {
            FirstPageCache full = new FirstPageCache();
            for (int i = 0; i < FULL; i++) {
                full.keep(request(i), page("2", HOUR));
            }
            full.keep(request(again), page("2", HOUR));
            assertEquals(FULL, IntStream.range(0, FULL).filter(i -> full.get(request(i), "2", HOUR) != null).count(),
                    "kept again: " + again);
        }
    }

    @Test
    void whenFullAPageOfAnEarlierHourIsDroppedFirst() {
        for (int stale : POSITIONS) {
            FirstPageCache full = new FirstPageCache();
            for (int i = 0; i < FULL; i++) {
                full.keep(request(i), i == stale ? page("2", HOUR - 3600) : page("2", HOUR));
            }
            full.keep(request(FULL), page("2", HOUR));
            for (int i = 0; i <= FULL; i++) {
                if (i != stale) {
                    assertNotNull(full.get(request(i), "2", HOUR), "page " + i + " with stale page " + stale);
                }
            }
        }
    }

    private static SearchRequest request(int number) {
        return SearchRequest.taggedWith("approach-" + number, 20);
    }

    private static FirstPageCache.Kept page(String snapshotVersion, long issuedAt) {
        return new FirstPageCache.Kept(snapshotVersion, issuedAt, List.of(1L, 2L),
                new CaseStudyPage(List.of(), 2, null, null));
    }
}
