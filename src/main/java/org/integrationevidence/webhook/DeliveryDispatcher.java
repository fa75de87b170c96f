package org.integrationevidence.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.persistence.DurableWrites;
import org.integrationevidence.persistence.Timestamps;
import org.jboss.logging.Logger;

/**
 * Runs deliveries on this instance: a ticker plans new events ({@link DeliveryPlanner}) as soon as a change commits
 * here and at every poll interval (for other instances' changes), and hands each subscription with a delivery due to
 * a sender thread. A sender first takes the subscription's lease in the database, so that one instance at a time sends
 * its deliveries, one after the other in queue order: a failed delivery holds those behind it until it is delivered
 * (or the subscription is disabled). Per host and port at most {@code per-destination} sends run at once, and all
 * sending happens on these threads, never on a request's, so a slow receiver slows nobody but its own subscription.
 * A crash between a send and its record re-sends that one delivery, with the same webhook-id: at least once.
 */
@ApplicationScoped
class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final Object WAKE_KEY = new Object();

    private EvidenceConfig.Webhooks settings;

    @Inject
    void readSettings(EvidenceConfig config) {
        this.settings = config.webhooks();
    }

    @Inject
    DeliveryPlanner planner;

    @Inject
    DeliverySender sender;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WebhookMetrics metrics;

    @Inject
    DurableWrites durableWrites;

    private final String instance = UUID.randomUUID().toString();
    private final Set<Long> sending = ConcurrentHashMap.newKeySet();
    private final Map<String, Semaphore> destinations = new ConcurrentHashMap<>();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile List<Destinations.Cidr> allowed = List.of();
    private ScheduledExecutorService ticker;
    private ExecutorService senders;
    private Backoff backoff;
    private volatile Instant lastPruned;

    void start(@Observes StartupEvent event) {
        allowed = settings.allowedDestinations().orElse(List.of()).stream().filter(s -> !s.isBlank())
                .map(Destinations.Cidr::parse).toList();
        backoff = new Backoff(settings.retry().initialInterval(), settings.retry().maxInterval(),
                () -> ThreadLocalRandom.current().nextDouble());
        if (settings.lease().compareTo(settings.timeout().multipliedBy(2)) < 0) {
            // A sender holds a subscription for a lease and sends only what can be answered within it.
            throw new IllegalStateException("evidence.webhooks.lease (" + settings.lease() + ") must be at least twice "
                    + "evidence.webhooks.timeout (" + settings.timeout() + "), or no delivery could ever be sent");
        }
        if (!settings.enabled()) {
            LOG.info("Webhook deliveries are not sent by this instance (evidence.webhooks.enabled=false).");
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "webhook-planner"));
        senders = Executors.newFixedThreadPool(Math.max(1, settings.senders()), runnable -> daemon(runnable, "webhook-sender"));
        ticker.scheduleWithFixedDelay(this::tick, settings.pollInterval().toMillis(), settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (ticker != null) {
            ticker.shutdownNow();
            senders.shutdown();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The allow-listed ranges (evidence.webhooks.allowed-destinations). */
    List<Destinations.Cidr> allowed() {
        return allowed;
    }

    /** After a local commit of case study or taxonomy changes: plan and send at once rather than at the next poll. */
    void onCommit(@Observes ChangeJournal.CaseStudiesCommitted event) {
        wake();
    }

    /** Plans and sends as soon as the current transaction commits (a resume, a test event, a redelivery). */
    void wakeAfterCommit() {
        if (transactions.getResource(WAKE_KEY) == null) {
            transactions.putResource(WAKE_KEY, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        wake();
                    }
                }
            });
        }
    }

    private void wake() {
        if (ticker != null && wakeQueued.compareAndSet(false, true)) {
            try {
                ticker.execute(() -> {
                    wakeQueued.set(false);
                    tick();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wakeQueued.set(false); // shutting down
            }
        }
    }

    /** One round: plan what is new, then start sending for every subscription with a delivery due. */
    private void tick() {
        try {
            planner.planPending();
            for (long subscription : due()) {
                if (sending.add(subscription)) {
                    senders.execute(() -> {
                        try {
                            sendQueue(subscription);
                        } catch (RuntimeException e) {
                            LOG.warnf(e, "Sending the deliveries of webhook subscription %d failed; the next round retries", subscription);
                        } finally {
                            sending.remove(subscription);
                        }
                    });
                }
            }
            metrics.refresh();
            pruneLog();
        } catch (RuntimeException e) {
            LOG.warn("A round of webhook deliveries failed; the next one retries.", e);
        }
    }

    /**
     * Drops deliveries that are no longer pending and were last touched longer ago than the log's retention
     * ({@code evidence.webhooks.log-retention}), with their attempts, and taxonomy journal rows as old; at most hourly
     * per instance.
     */
    private void pruneLog() {
        Instant now = Instant.now();
        if (lastPruned != null && lastPruned.isAfter(now.minus(Duration.ofHours(1)))) {
            return;
        }
        lastPruned = now;
        Instant before = now.minus(settings.logRetention());
        int pruned = QuarkusTransaction.requiringNew().call(() -> {
            // The taxonomy journal's rows are read once, when planned (or never, while no subscription is live).
            entityManager.createNativeQuery("delete from taxonomy_journal where recorded_at < ?1").setParameter(1, before)
                    .executeUpdate();
            List<Long> old = entityManager.createQuery("select d.id from Delivery d where "
                    + "d.status <> org.integrationevidence.webhook.DeliveryStatus.PENDING "
                    + "and coalesce(d.deliveredAt, d.lastAttemptAt, d.createdAt) < :before", Long.class)
                    .setParameter("before", before).setMaxResults(10_000).getResultList();
            if (old.isEmpty()) {
                return 0;
            }
            entityManager.createQuery("delete from Attempt a where a.deliveryId in :ids").setParameter("ids", old).executeUpdate();
            int deleted = entityManager.createQuery("delete from Delivery d where d.id in :ids").setParameter("ids", old)
                    .executeUpdate();
            // Messages no delivery refers to any more.
            entityManager.createQuery("delete from Event e where e.createdAt < :before and not exists "
                    + "(select d.id from Delivery d where d.eventId = e.id)").setParameter("before", before).executeUpdate();
            return deleted;
        });
        if (pruned > 0) {
            LOG.infof("Dropped %d webhook deliveries older than %s from the delivery log", pruned, settings.logRetention());
        }
    }

    /** Active subscriptions that no instance holds, whose first pending delivery is due: one index seek each. */
    private List<Long> due() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            List<Long> candidates = entityManager.createQuery("select s.id from Subscription s where "
                            + "s.status = org.integrationevidence.webhook.SubscriptionStatus.ACTIVE "
                            + "and (s.leaseUntil is null or s.leaseUntil < :now)", Long.class)
                    .setParameter("now", now).getResultList();
            List<Long> due = new ArrayList<>();
            for (long id : candidates) {
                if (sending.contains(id)) {
                    continue;
                }
                List<Delivery> head = entityManager.createNamedQuery(Delivery.HEAD, Delivery.class)
                        .setParameter("subscription", id).setMaxResults(1).getResultList();
                if (!head.isEmpty() && !head.get(0).nextAttemptAt.isAfter(now)) {
                    due.add(id);
                }
            }
            return due;
        });
    }

    /**
     * Sends a subscription's due deliveries in order, holding its lease, until one fails or none is due. They are
     * read and recorded {@value #SEND_BATCH} at a time: a crash between a send and its record re-sends at most that
     * many, each with its webhook-id.
     */
    private void sendQueue(long subscriptionId) {
        if (!lease(subscriptionId)) {
            return;
        }
        try {
            Instant leaseEnds = Instant.now().plus(settings.lease());
            while (true) {
                List<Next> batch = QuarkusTransaction.requiringNew().call(() -> next(subscriptionId));
                if (batch.isEmpty()) {
                    return;
                }
                // On H2, everything committed so far on the disk before this batch is sent: the messages, which the
                // planner may have committed a moment ago (planned again after a crash, a message already sent would
                // get a new webhook-id), and the record of the batch before, so that a crash sends again only one batch.
                durableWrites.sync(DurableWrites.Trigger.WEBHOOKS);
                List<Sent> sent = new ArrayList<>();
                for (Next next : batch) {
                    if (Instant.now().plus(settings.timeout()).isAfter(leaseEnds)) {
                        break; // the lease would end before the answer: record, renew, go on
                    }
                    Semaphore destination = destinations.computeIfAbsent(next.destination().getHost() + ":"
                            + next.destination().getPort(), key -> new Semaphore(Math.max(1, settings.perDestination())));
                    if (!destination.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        break; // busy with other subscriptions: record what went, and the next round comes back
                    }
                    DeliverySender.Outcome outcome;
                    try {
                        outcome = sender.send(next.destination(), allowed, next.messageId(), next.body(), next.secrets());
                    } finally {
                        destination.release();
                    }
                    sent.add(new Sent(next.deliveryId(), outcome));
                    if (!outcome.delivered()) {
                        break;
                    }
                }
                if (sent.isEmpty()) {
                    return;
                }
                boolean goOn = QuarkusTransaction.requiringNew().call(() -> record(subscriptionId, sent));
                leaseEnds = Instant.now().plus(settings.lease());
                if (!goOn || sent.size() < batch.size()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createQuery("update Subscription s set s.leaseOwner = null, "
                    + "s.leaseUntil = null where s.id = :id and s.leaseOwner = :me")
                    .setParameter("id", subscriptionId).setParameter("me", instance).executeUpdate());
        }
    }

    private boolean lease(long subscriptionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Timestamps.now();
            return entityManager.createQuery("update Subscription s set s.leaseOwner = :me, s.leaseUntil = :until "
                            + "where s.id = :id and s.status = org.integrationevidence.webhook.SubscriptionStatus.ACTIVE "
                            + "and (s.leaseUntil is null or s.leaseUntil < :now or s.leaseOwner = :me)")
                    .setParameter("me", instance).setParameter("until", now.plus(settings.lease()))
                    .setParameter("id", subscriptionId).setParameter("now", now).executeUpdate() == 1;
        });
    }

    /** A delivery to send, with what sending it needs. */
    private record Next(long deliveryId, URI destination, String messageId, String body, List<String> secrets) {
    }

    /** A delivery sent, and what came of it. */
    private record Sent(long deliveryId, DeliverySender.Outcome outcome) {
    }

    /** Deliveries sent and recorded together, at most. */
    static final int SEND_BATCH = 10;

    /**
     * The deliveries to send next, from the head of the queue, in order: none when the head is not due or the
     * subscription is not active, or no longer held by this instance.
     */
    private List<Next> next(long subscriptionId) {
        Subscription subscription = entityManager.find(Subscription.class, subscriptionId);
        if (subscription == null || subscription.status != SubscriptionStatus.ACTIVE || !instance.equals(subscription.leaseOwner)) {
            return List.of();
        }
        List<Delivery> queue = entityManager.createNamedQuery(Delivery.HEAD, Delivery.class)
                .setParameter("subscription", subscriptionId).setMaxResults(SEND_BATCH).getResultList();
        Instant now = Timestamps.now();
        if (queue.isEmpty() || queue.get(0).nextAttemptAt.isAfter(now)) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(subscription.secret);
        if (subscription.previousSecret != null && subscription.previousSecretUntil != null
                && subscription.previousSecretUntil.isAfter(now)) {
            secrets.add(subscription.previousSecret);
        }
        Map<Long, Event> events = new java.util.HashMap<>();
        for (Event event : entityManager.createQuery("select e from Event e where e.id in :ids", Event.class)
                .setParameter("ids", queue.stream().map(d -> d.eventId).distinct().toList()).getResultList()) {
            events.put(event.id, event);
        }
        URI destination = URI.create(subscription.url);
        return queue.stream().filter(d -> !d.nextAttemptAt.isAfter(now)).map(d -> new Next(d.id, destination,
                events.get(d.eventId).messageId, events.get(d.eventId).body, List.copyOf(secrets))).toList();
    }

    /** Records the attempts and what follows from them; true if the next deliveries may be sent at once. */
    private boolean record(long subscriptionId, List<Sent> sent) {
        Subscription subscription = entityManager.find(Subscription.class, subscriptionId);
        if (subscription == null) {
            return false; // deleted meanwhile
        }
        Instant now = Timestamps.now();
        subscription.leaseUntil = now.plus(settings.lease());
        for (Sent one : sent) {
            Delivery delivery = entityManager.find(Delivery.class, one.deliveryId());
            if (delivery == null || !record(subscription, delivery, one.outcome(), now)) {
                return false;
            }
        }
        return true;
    }

    /** Records one attempt and what follows from it; true if the next delivery may be sent at once. */
    private boolean record(Subscription subscription, Delivery delivery, DeliverySender.Outcome outcome, Instant now) {
        Attempt attempt = new Attempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = now.minusMillis(outcome.latencyMs());
        attempt.statusCode = outcome.status();
        attempt.latencyMs = outcome.latencyMs();
        attempt.error = outcome.error() == null ? null : truncate(outcome.error(), 500);
        entityManager.persist(attempt);
        delivery.attempts++;
        delivery.lastAttemptAt = attempt.attemptedAt;
        delivery.lastStatus = outcome.status();
        delivery.lastError = attempt.error;
        delivery.lastLatencyMs = outcome.latencyMs();
        if (outcome.delivered()) {
            delivery.status = DeliveryStatus.DELIVERED;
            delivery.deliveredAt = now;
            if (subscription.consecutiveFailures != 0 || subscription.failingSince != null) {
                subscription.consecutiveFailures = 0;
                subscription.failingSince = null;
            }
            metrics.delivered(now.toEpochMilli() - delivery.createdAt.toEpochMilli());
            return true;
        }
        subscription.consecutiveFailures++;
        if (subscription.failingSince == null) {
            subscription.failingSince = attempt.attemptedAt;
        }
        if (outcome.gone()) {
            metrics.outcome("ended");
            subscription.status = SubscriptionStatus.ENDED;
            subscription.statusReason = "The receiver answered 410 Gone at " + now + "; nothing more is sent.";
            subscription.updatedAt = now;
            entityManager.createQuery("update Delivery d set d.status = org.integrationevidence.webhook.DeliveryStatus.CANCELLED "
                    + "where d.subscriptionId = :id and d.status = org.integrationevidence.webhook.DeliveryStatus.PENDING")
                    .setParameter("id", subscription.id).executeUpdate();
            return false;
        }
        boolean retry = outcome.retryable();
        if (retry) {
            metrics.outcome("retry");
            delivery.nextAttemptAt = now.plus(backoff.after(subscription.consecutiveFailures, outcome.retryAfter()));
        } else {
            metrics.outcome("failed");
            delivery.status = DeliveryStatus.FAILED;
        }
        String last = outcome.error() == null ? "no answer" : outcome.error();
        if (retry && Duration.between(subscription.failingSince, now).compareTo(settings.retry().period()) >= 0) {
            disable(subscription, now, "Deliveries failed for " + settings.retry().period() + " (evidence.webhooks.retry.period); "
                    + "the last: " + last + ". Queued deliveries are kept and sent when it is resumed.");
        } else if (subscription.consecutiveFailures >= settings.disableAfterFailures()) {
            disable(subscription, now, subscription.consecutiveFailures + " attempts failed in a row "
                    + "(evidence.webhooks.disable-after-failures); the last: " + last
                    + ". Queued deliveries are kept and sent when it is resumed.");
        }
        return !retry && subscription.status == SubscriptionStatus.ACTIVE;
    }

    private void disable(Subscription subscription, Instant now, String reason) {
        metrics.outcome("disabled");
        subscription.status = SubscriptionStatus.DISABLED;
        subscription.statusReason = truncate(reason, 1000);
        subscription.updatedAt = now;
        LOG.warnf("Webhook subscription %d disabled: %s", subscription.id, subscription.statusReason);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
