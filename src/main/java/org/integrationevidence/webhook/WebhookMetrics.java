package org.integrationevidence.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Webhook metrics for monitoring (/q/metrics): deliveries by outcome ({@code evidence_webhook_attempts_total}), the
 * delay from queueing to delivery ({@code evidence_webhook_delivery_delay_seconds}), and per subscription the queue
 * depth and the age of its oldest pending delivery ({@code evidence_webhook_queue_depth},
 * {@code evidence_webhook_oldest_pending_seconds}), refreshed at most every 5 seconds. Also the backlog the health
 * check reports.
 */
@ApplicationScoped
class WebhookMetrics {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    /** The backlog of one subscription when last read. */
    record Backlog(long subscription, long pending, Instant oldest) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager entityManager;

    private MultiGauge depth;
    private MultiGauge oldest;
    private Timer delay;
    private volatile List<Backlog> backlogs = List.of();
    private volatile Instant refreshedAt = Instant.EPOCH;

    @PostConstruct
    void register() {
        depth = MultiGauge.builder("evidence.webhook.queue.depth").description("Deliveries pending, per subscription")
                .register(registry);
        oldest = MultiGauge.builder("evidence.webhook.oldest.pending").baseUnit("seconds")
                .description("Age of the oldest pending delivery, per subscription").register(registry);
        delay = Timer.builder("evidence.webhook.delivery.delay").description("From queueing to a 2xx answer")
                .publishPercentileHistogram().register(registry);
    }

    void delivered(long delayMillis) {
        delay.record(delayMillis, TimeUnit.MILLISECONDS);
        outcome("delivered");
    }

    /** Counts an attempt's outcome: delivered, retry, failed, ended, disabled. */
    void outcome(String outcome) {
        registry.counter("evidence.webhook.attempts", "outcome", outcome).increment();
    }

    /** Reads the backlog again if the last reading is older than 5 seconds. */
    void refresh() {
        Instant now = Instant.now();
        if (Duration.between(refreshedAt, now).compareTo(REFRESH) < 0) {
            return;
        }
        refreshedAt = now;
        List<Backlog> read = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Long subscription : entityManager.createQuery("select s.id from Subscription s order by s.id", Long.class)
                    .getResultList()) {
                WebhookService.Backlog backlog = WebhookService.Backlog.of(entityManager, subscription);
                if (backlog.pending() > 0) {
                    read.add(new Backlog(subscription, backlog.pending(), backlog.oldest()));
                }
            }
        });
        backlogs = List.copyOf(read);
        depth.register(read.stream().map(b -> MultiGauge.Row.of(Tags.of("subscription", Long.toString(b.subscription())),
                b.pending())).toList(), true);
        oldest.register(read.stream().map(b -> MultiGauge.Row.of(Tags.of("subscription", Long.toString(b.subscription())),
                Duration.between(b.oldest(), now).toMillis() / 1000.0)).toList(), true);
    }

    /** The backlog as last read. */
    List<Backlog> backlogs() {
        return backlogs;
    }
}
