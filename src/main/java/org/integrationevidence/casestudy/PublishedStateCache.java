package org.integrationevidence.casestudy;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.integrationevidence.cache.BoundedMaps;

/**
 * The cache "published states": the state of each published case study by slug, as a GET last read it
 * ({@link PublishedState}), so that most reads and 304s ask the database nothing.
 * <ul>
 * <li>Owner: {@link CaseStudyReads}, the only reader and writer.</li>
 * <li>Invalidation: a state is reused for {@link #TTL_NANOS} at most, since a change committed through another
 * instance sharing the database is heard of only there; a change committed here drops every state at once
 * ({@link #invalidate}, on the journal's commit event), and a read that raced such a commit is never served.</li>
 * <li>Size: {@link #MAX_ENTRIES} small records; when full, one entry is dropped before a new one goes in.</li>
 * </ul>
 */
final class PublishedStateCache {

    static final int MAX_ENTRIES = 10_000;
    /** How long a state read is reused: 1 s. */
    static final long TTL_NANOS = 1_000_000_000L;

    /** A state, when it was read, and the generation it was read in: it is served in that generation only. */
    private record Cached(PublishedState state, long readAtNanos, long generation) {
    }

    private final ConcurrentHashMap<String, Cached> states = new ConcurrentHashMap<>();
    /** Counts the commits that dropped {@link #states}, so that a read that raced one is never served again. */
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanoClock;

    PublishedStateCache(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The state of the published case study with this slug: reused if read lately, else read with {@code read}. */
    Optional<PublishedState> get(String slug, Function<String, Optional<PublishedState>> read) {
        Cached cached = states.get(slug);
        long now = nanoClock.getAsLong();
        if (cached != null && cached.generation() == generation.get() && now - cached.readAtNanos() < TTL_NANOS) {
            return Optional.of(cached.state());
        }
        long readingGeneration = generation.get();
        Optional<PublishedState> state = read.apply(slug);
        // A change that committed while this read ran may not be in it: then it is not kept, and should the commit
        // come between this check and the put, the entry's generation keeps it from being served.
        if (state.isPresent() && generation.get() == readingGeneration) {
            BoundedMaps.put(states, slug, new Cached(state.get(), now, readingGeneration), MAX_ENTRIES);
        }
        return state;
    }

    /** Drops every state: a change of case studies committed here. */
    void invalidate() {
        generation.incrementAndGet();
        states.clear();
    }
}
