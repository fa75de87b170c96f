package org.integrationevidence.search;

import java.time.Duration;
import java.time.Instant;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;


/**
 * Gauges of the search index, read at each scrape from the index's own state, without asking the database:
 * {@code evidence_search_index_lag_seconds} (how far behind the database the index may be: the time since the last
 * completed catch-up with the change journal began, normally below the poll interval plus the catch-up),
 * {@code evidence_search_index_documents} and {@code evidence_search_index_journal_position} (the journal id below
 * which every change is applied). Each is NaN, which Prometheus shows as no value, while the index is closed.
 */
@ApplicationScoped
class SearchIndexMetrics {

    @Inject
    SearchIndex index;

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        gauge(registry, "evidence.search.index.lag", "seconds",
                "How far behind the database the search index may be: time since its last completed catch-up began",
                status -> status.caughtUpAt() == null ? Double.NaN
                        : Duration.between(status.caughtUpAt(), Instant.now()).toMillis() / 1000.0);
        gauge(registry, "evidence.search.index.documents", null,
                "Published case studies in the search index's current snapshot", SearchIndex.Status::documents);
        gauge(registry, "evidence.search.index.journal.position", null,
                "The change journal id below which every change is applied to the search index",
                SearchIndex.Status::journalPosition);
    }

    private void gauge(MeterRegistry registry, String name, String unit, String description,
            ToDoubleFunction<SearchIndex.Status> value) {
        Gauge.builder(name, index, searchIndex -> {
                    SearchIndex.Status status = searchIndex.status();
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .description(description)
                .baseUnit(unit)
                .strongReference(true)
                .register(registry);
    }
}
