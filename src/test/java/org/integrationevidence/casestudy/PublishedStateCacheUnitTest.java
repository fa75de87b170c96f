package org.integrationevidence.casestudy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * The cache's invalidation rule: a state read is reused for {@link PublishedStateCache#TTL_NANOS} at most; a change
 * committed here drops every state, and a read that raced such a commit is not kept; absent states are not kept.
 */
class PublishedStateCacheUnitTest {

    private static final long TTL = PublishedStateCache.TTL_NANOS;

    private final AtomicLong clock = new AtomicLong(-5_000_000_000L);
    private final PublishedStateCache cache = new PublishedStateCache(clock::get);
    private final Database database = new Database();

    @Test
    void aStateIsReadWhenNotKept() {
        assertEquals(Optional.of(database.state("a")), cache.get("a", database));
        assertEquals(List.of("a"), database.reads);
    }

    @Test
    void aStateReadIsReusedWithinItsTimeToLive() {
        PublishedState first = cache.get("a", database).orElseThrow();
        database.version = 2;
        clock.addAndGet(TTL - 1);
        assertEquals(Optional.of(first), cache.get("a", database));
        assertEquals(List.of("a"), database.reads);
    }

    @Test
    void aStateIsReadAgainOnceItsTimeToLiveIsOver() {
        cache.get("a", database);
        database.version = 2;
        clock.addAndGet(TTL);
        assertEquals(2, cache.get("a", database).orElseThrow().version());
        assertEquals(List.of("a", "a"), database.reads);
        clock.addAndGet(TTL - 1);
        assertEquals(2, cache.get("a", database).orElseThrow().version());
        assertEquals(2, database.reads.size());
    }

    @Test
    void eachSlugHasItsOwnState() {
        cache.get("a", database);
        assertEquals(Optional.of(database.state("b")), cache.get("b", database));
        cache.get("a", database);
        cache.get("b", database);
        assertEquals(List.of("a", "b"), database.reads);
    }

    @Test
    void aChangeCommittedHereDropsEveryState() {
        cache.get("a", database);
        cache.get("b", database);
        database.version = 2;
        cache.invalidate();
        assertEquals(2, cache.get("a", database).orElseThrow().version());
        assertEquals(2, cache.get("b", database).orElseThrow().version());
        assertEquals(List.of("a", "b", "a", "b"), database.reads);
    }

    @Test
    void aCaseStudyThatIsNotPublishedIsAskedForEveryTime() {
        database.published = false;
        assertEquals(Optional.empty(), cache.get("a", database));
        assertEquals(Optional.empty(), cache.get("a", database));
        assertEquals(List.of("a", "a"), database.reads);
    }

    @Test
    void aReadThatRacedACommitIsAnsweredButNotKept() {
        Function<String, Optional<PublishedState>> racing = slug -> {
            Optional<PublishedState> state = database.apply(slug);
            cache.invalidate();
            return state;
        };
        assertEquals(Optional.of(database.state("a")), cache.get("a", racing));
        database.version = 2;
        assertEquals(2, cache.get("a", database).orElseThrow().version());
        assertEquals(List.of("a", "a"), database.reads);
        assertEquals(2, cache.get("a", database).orElseThrow().version());
        assertEquals(2, database.reads.size());
    }

    @Test
    void whenFullOneStateMakesRoomForANewOne() {
        int full = PublishedStateCache.MAX_ENTRIES;
        for (int i = 0; i <= full; i++) {
            cache.get("slug-" + i, database);
        }
        assertEquals(Optional.of(database.state("slug-" + full)), cache.get("slug-" + full, slug -> Optional.empty()));
        Database probe = new Database();
        probe.published = false;
        for (int i = 0; i <= full; i++) {
            cache.get("slug-" + i, probe);
        }
        assertEquals(1, probe.reads.size());
    }

    /**
     * A commit whose invalidation runs after the racing read checked for commits, but before it kept its state, must
     * still drop that state: the read may not have seen the commit.
     */
    @Test
    void aCommitJustBeforeARacingReadKeepsItsStateStillDropsIt() throws Exception {
        ConcurrentHashMap<String, Object> committingWhileKept = new ConcurrentHashMap<>() {
            private boolean committed;

            @Override
            public Object put(String key, Object value) {
                if (!committed) {
                    committed = true;
                    database.version = 2;
                    cache.invalidate();
                }
                return super.put(key, value);
            }
        };
        Field states = PublishedStateCache.class.getDeclaredField("states");
        states.setAccessible(true);
        states.set(cache, committingWhileKept);
        cache.get("a", database);
        assertEquals(2, cache.get("a", database).orElseThrow().version());
    }

    /** Published case studies, one per slug, all at the same version; it records each slug read. */
    private static final class Database implements Function<String, Optional<PublishedState>> {

        private final List<String> reads = new ArrayList<>();
        private final Map<String, Long> ids = new HashMap<>();
        private long version = 1;
        private boolean published = true;

        @Override
        public Optional<PublishedState> apply(String slug) {
            reads.add(slug);
            return published ? Optional.of(state(slug)) : Optional.empty();
        }

        PublishedState state(String slug) {
            long id = ids.computeIfAbsent(slug, ignored -> ids.size() + 1L);
            return new PublishedState(id, version, Instant.ofEpochSecond(1_793_527_200L + version));
        }
    }
}
