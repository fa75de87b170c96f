package org.integrationevidence.casestudy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The cache's invalidation rule: none is needed, since a view is served only for the case study id, version and
 * taxonomy version it was built at; a newer one replaces it.
 */
class PublishedViewCacheUnitTest {

    private static final Instant UPDATED = Instant.parse("2026-11-01T10:00:00Z");
    private static final PublishedState VERSION_3 = new PublishedState(12, 3, UPDATED);

    private final PublishedViewCache cache = new PublishedViewCache();

    @Test
    void nothingIsKeptAtFirst() {
        assertNull(cache.get("a", VERSION_3, "t1"));
    }

    @Test
    void aViewIsServedAtTheStateAndTaxonomyItWasBuiltAt() {
        CaseStudyView view = view("a");
        cache.put("a", 12, 3, "t1", view);
        assertSame(view, cache.get("a", VERSION_3, "t1"));
        assertSame(view, cache.get("a", new PublishedState(12, 3, UPDATED.plusSeconds(1)), "t1"));
    }

    @Test
    void aViewOfAnotherVersionIsNeverServed() {
        cache.put("a", 12, 3, "t1", view("a"));
        assertNull(cache.get("a", new PublishedState(12, 4, UPDATED), "t1"));
        assertNull(cache.get("a", new PublishedState(12, 2, UPDATED), "t1"));
    }

    @Test
    void aViewOfAnotherCaseStudyWithTheSlugIsNeverServed() {
        cache.put("a", 12, 3, "t1", view("a"));
        assertNull(cache.get("a", new PublishedState(13, 3, UPDATED), "t1"));
    }

    @Test
    void aViewBuiltWithAnotherTaxonomyIsNeverServed() {
        cache.put("a", 12, 3, "t1", view("a"));
        assertNull(cache.get("a", VERSION_3, "t2"));
    }

    @Test
    void aViewIsServedForItsSlugOnly() {
        cache.put("a", 12, 3, "t1", view("a"));
        assertNull(cache.get("b", VERSION_3, "t1"));
    }

    @Test
    void aNewerViewReplacesTheOldOne() {
        cache.put("a", 12, 3, "t1", view("a"));
        CaseStudyView newer = view("a, changed");
        cache.put("a", 12, 4, "t1", newer);
        assertSame(newer, cache.get("a", new PublishedState(12, 4, UPDATED), "t1"));
        assertNull(cache.get("a", VERSION_3, "t1"));
    }

    @Test
    void whenFullOneViewMakesRoomForANewOne() {
        int full = PublishedViewCache.MAX_ENTRIES;
        for (int i = 0; i <= full; i++) {
            cache.put("slug-" + i, i, 3, "t1", view("slug-" + i));
        }
        assertEquals("slug-" + full, cache.get("slug-" + full, new PublishedState(full, 3, UPDATED), "t1").slug());
        assertEquals(full, IntStream.rangeClosed(0, full)
                .filter(i -> cache.get("slug-" + i, new PublishedState(i, 3, UPDATED), "t1") != null).count());
    }

    @Test
    void aSlugPutAgainWhenFullTakesNoOtherViewsPlace() {
        int full = PublishedViewCache.MAX_ENTRIES;
        for (int again : List.of(0, 1, full / 2, full - 1)) {
            PublishedViewCache cache = new PublishedViewCache();
            for (int i = 0; i < full; i++) {
                cache.put("slug-" + i, i, 3, "t1", view("slug-" + i));
            }
            cache.put("slug-" + again, again, 4, "t1", view("slug-" + again));
            assertEquals(full, IntStream.range(0, full).filter(i -> cache.get("slug-" + i,
                    new PublishedState(i, i == again ? 4 : 3, UPDATED), "t1") != null).count(), "put again: " + again);
        }
    }

    private static CaseStudyView view(String slug) {
        return new CaseStudyView(slug, "Title of " + slug, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, CaseStudyStatus.PUBLISHED, null, null, null, 3, null);
    }
}
