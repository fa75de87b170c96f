package org.integrationevidence.search;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The time searches take inside the service, waiting for a turn included, as the metric {@code evidence_search_seconds}
 * tagged by {@code kind} and {@code outcome} (a search refused as invalid or unavailable is a {@code failure}). The
 * HTTP metrics time whole requests; this one tells the index's share apart, and covers the searches that other
 * answers make (feeds, approaches).
 */
@ApplicationScoped
class SearchTimer {

    /** What a search was for; a few fixed values, so that the metric's series stay few. */
    public enum Kind {
        /** A page of case studies without a text query: filters and sorting only. */
        LIST,
        /** A page of case studies matching a text query. */
        SEARCH,
        SUGGEST,
        RELATED,
        /** One batch of an export's matches. */
        EXPORT;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Buckets for latency percentiles in Prometheus (histogram_quantile), from a fast list to a slow facet search. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final Map<Kind, Timer> succeeded = new EnumMap<>(Kind.class);
    private final Map<Kind, Timer> failed = new EnumMap<>(Kind.class);
    private final MeterRegistry registry;

    @Inject
    SearchTimer(MeterRegistry registry) {
        this.registry = registry;
        for (Kind kind : Kind.values()) {
            succeeded.put(kind, timer(registry, kind, "success"));
            failed.put(kind, timer(registry, kind, "failure"));
        }
    }

    /** Runs the search and records how long it took. */
    public <T> T time(Kind kind, Supplier<T> search) {
        Timer.Sample sample = Timer.start(registry);
        boolean done = false;
        try {
            T result = search.get();
            done = true;
            return result;
        } finally {
            sample.stop((done ? succeeded : failed).get(kind));
        }
    }

    private static Timer timer(MeterRegistry registry, Kind kind, String outcome) {
        return Timer.builder("evidence.search")
                .description("Time a search takes in the service, waiting for a turn included")
                .tag("kind", kind.tag())
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
