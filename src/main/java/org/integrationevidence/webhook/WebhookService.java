package org.integrationevidence.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.changes.FeedRecords;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.Page;
import org.integrationevidence.persistence.ServerSecrets;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/**
 * Webhook subscriptions as their owners manage them: create (with a secret shown once), read, pause, resume, rotate
 * the secret, send a test event, delete, read the delivery log and redeliver. Editors manage the subscriptions of
 * their own (those created with a key of the same owner); admins every one. To anyone else a subscription does not
 * exist (404).
 */
@ApplicationScoped
@Transactional
public class WebhookService {

    private static final String CURSOR_KEY = "webhook-deliveries-cursor";
    private static final String CURSOR_SCOPE = "webhook-deliveries-v1";

    @Inject
    EntityManager entityManager;

    private EvidenceConfig.Webhooks settings;

    @Inject
    void readSettings(EvidenceConfig config) {
        this.settings = config.webhooks();
    }

    @Inject
    SubscriptionFilters filters;

    @Inject
    FeedRecords feed;

    @Inject
    ServerSecrets secrets;

    @Inject
    ObjectMapper json;

    @Inject
    DeliveryDispatcher dispatcher;

    public WebhookView create(@NotNull(message = ApiException.BODY_REQUIRED) @Valid WebhookInput input, KeyHolder holder) {
        URI url = destination(input.url());
        List<EventKind> events = events(input.events());
        WebhookFilters checked = filters.check(input.filters());
        long owned = entityManager.createQuery("select count(s) from Subscription s where s.ownerName = :owner", Long.class)
                .setParameter("owner", holder.author()).getSingleResult();
        if (owned >= settings.maxPerOwner()) {
            throw new ApiException(ProblemType.CONFLICT, "The owner \"" + holder.author() + "\" has " + owned
                    + " webhook subscriptions, the most allowed (evidence.webhooks.max-per-owner). Delete one first.");
        }
        Subscription subscription = new Subscription();
        subscription.url = url.toString();
        subscription.events = String.join(",", events.stream().map(EventKind::toString).toList());
        subscription.filters = write(checked);
        subscription.description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
        subscription.ownerKeyId = holder.keyId();
        subscription.ownerName = holder.author();
        subscription.secret = Signatures.newSecret();
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.createdAt = Timestamps.now();
        subscription.updatedAt = subscription.createdAt;
        entityManager.persist(subscription);
        entityManager.flush();
        // Told of what changes from now on: the feed's head after sequencing every change committed before.
        Position position = new Position();
        position.subscriptionId = subscription.id;
        position.feedPosition = feed.head();
        entityManager.persist(position);
        return view(subscription, subscription.secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<WebhookView> list(KeyHolder holder) {
        boolean admin = holder.role().granted().contains(Role.ADMIN_NAME);
        jakarta.persistence.TypedQuery<Subscription> query = entityManager.createQuery("select s from Subscription s "
                + (admin ? "" : "where s.ownerName = :owner ") + "order by s.id desc", Subscription.class);
        if (!admin) {
            query.setParameter("owner", holder.author());
        }
        List<Subscription> all = query.getResultList();
        return Page.all(all.stream().map(s -> view(s, null, Backlog.of(entityManager, s.id))).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookView get(long id, KeyHolder holder) {
        return view(find(id, holder), null);
    }

    public void delete(long id, KeyHolder holder) {
        entityManager.remove(find(id, holder));
    }

    public WebhookView pause(long id, KeyHolder holder) {
        Subscription subscription = find(id, holder);
        requireNotEnded(subscription);
        subscription.status = SubscriptionStatus.PAUSED;
        subscription.statusReason = null;
        subscription.updatedAt = Timestamps.now();
        return view(subscription, null);
    }

    /** Resumes a paused or disabled subscription: its queue is sent from where it stopped, the oldest delivery first. */
    public WebhookView resume(long id, KeyHolder holder) {
        Subscription subscription = find(id, holder);
        requireNotEnded(subscription);
        subscription.status = SubscriptionStatus.ACTIVE;
        subscription.statusReason = null;
        subscription.consecutiveFailures = 0;
        subscription.failingSince = null;
        subscription.updatedAt = Timestamps.now();
        entityManager.createQuery("update Delivery d set d.nextAttemptAt = :now where d.subscriptionId = :id "
                        + "and d.status = org.integrationevidence.webhook.DeliveryStatus.PENDING and d.nextAttemptAt > :now")
                .setParameter("now", subscription.updatedAt).setParameter("id", id).executeUpdate();
        dispatcher.wakeAfterCommit();
        return view(subscription, null);
    }

    /** A new secret, shown once; the previous one signs too for the overlap. */
    public WebhookView rotate(long id, @Valid RotationInput input, KeyHolder holder) {
        Subscription subscription = find(id, holder);
        requireNotEnded(subscription);
        Duration overlap = input == null || input.overlapSeconds() == null ? settings.rotationOverlap()
                : Duration.ofSeconds(input.overlapSeconds());
        Instant now = Timestamps.now();
        subscription.previousSecret = overlap.isZero() ? null : subscription.secret;
        subscription.previousSecretUntil = overlap.isZero() ? null : now.plus(overlap);
        subscription.secret = Signatures.newSecret();
        subscription.updatedAt = now;
        return view(subscription, subscription.secret);
    }

    /** Queues a {@code webhook.test} event at the end of the subscription's queue. */
    public DeliveryView test(long id, KeyHolder holder) {
        Subscription subscription = find(id, holder);
        requireNotEnded(subscription);
        Event event = DeliveryPlanner.event(entityManager, Payloads.TEST_TYPE, null, null,
                Payloads.test(json, subscription.id, Timestamps.now()));
        Delivery delivery = DeliveryPlanner.queue(entityManager, subscription.id, event.id);
        dispatcher.wakeAfterCommit();
        return view(delivery, event, List.of());
    }

    /** Queues a delivery again, with its message id and body, at the end of the subscription's queue. */
    public DeliveryView redeliver(long id, long deliveryId, KeyHolder holder) {
        Subscription subscription = find(id, holder);
        requireNotEnded(subscription);
        Delivery original = entityManager.find(Delivery.class, deliveryId);
        if (original == null || original.subscriptionId != subscription.id) {
            throw ApiException.notFound("The webhook " + id + " has no delivery " + deliveryId + ".");
        }
        Delivery again = DeliveryPlanner.queue(entityManager, subscription.id, original.eventId);
        dispatcher.wakeAfterCommit();
        return view(again, entityManager.find(Event.class, original.eventId), List.of());
    }

    /** A page of the delivery log, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryView> deliveries(long id, String cursor, int limit, KeyHolder holder) {
        Subscription subscription = find(id, holder);
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE
                : Cursor.positionIn(secrets.get(CURSOR_KEY), cursor.strip(), CURSOR_SCOPE);
        List<Delivery> page = entityManager.createNamedQuery(Delivery.PAGE, Delivery.class)
                .setParameter("subscription", subscription.id).setParameter("before", before)
                .setMaxResults(limit + 1).getResultList();
        List<Delivery> items = page.subList(0, Math.min(limit, page.size()));
        Map<Long, List<DeliveryView.AttemptView>> attempts = new HashMap<>();
        if (!items.isEmpty()) {
            for (Attempt attempt : entityManager.createQuery("select a from Attempt a where a.deliveryId in :ids order by a.id",
                    Attempt.class).setParameter("ids", items.stream().map(d -> d.id).toList()).getResultList()) {
                attempts.computeIfAbsent(attempt.deliveryId, key -> new ArrayList<>()).add(new DeliveryView.AttemptView(
                        attempt.attemptedAt, attempt.statusCode, attempt.latencyMs, attempt.error));
            }
        }
        long total = entityManager.createNamedQuery(Delivery.COUNT, Long.class).setParameter("subscription", subscription.id)
                .getSingleResult();
        String next = page.size() > limit ? Cursor.position(secrets.get(CURSOR_KEY), CURSOR_SCOPE, items.get(items.size() - 1).id) : null;
        Map<Long, Event> events = new HashMap<>();
        if (!items.isEmpty()) {
            for (Event event : entityManager.createQuery("select e from Event e where e.id in :ids", Event.class)
                    .setParameter("ids", items.stream().map(d -> d.eventId).distinct().toList()).getResultList()) {
                events.put(event.id, event);
            }
        }
        return new Page<>(items.stream().map(d -> view(d, events.get(d.eventId), attempts.getOrDefault(d.id, List.of())))
                .toList(), total, next);
    }

    private Subscription find(long id, KeyHolder holder) {
        Subscription subscription = entityManager.find(Subscription.class, id);
        if (subscription == null || !(holder.role().granted().contains(Role.ADMIN_NAME) || subscription.ownerName.equals(holder.author()))) {
            throw ApiException.notFound("There is no webhook subscription with the id " + id + " that this key may manage.");
        }
        return subscription;
    }

    private static void requireNotEnded(Subscription subscription) {
        if (subscription.status == SubscriptionStatus.ENDED) {
            throw new ApiException(ProblemType.CONFLICT, "The webhook subscription " + subscription.id + " has ended ("
                    + subscription.statusReason + "). Create a new one.");
        }
    }

    private URI destination(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalid("url", "must not be blank");
        }
        try {
            URI uri = Destinations.parse(url, settings.requireHttps(), dispatcher.allowed());
            Destinations.resolve(uri, dispatcher.allowed(), Destinations.SYSTEM);
            return uri;
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("url", e.getMessage());
        }
    }

    private static List<EventKind> events(List<String> names) {
        if (names == null) {
            return List.of(EventKind.PUBLISHED, EventKind.UPDATED, EventKind.WITHDRAWN, EventKind.DELETED);
        }
        List<FieldError> errors = new ArrayList<>();
        List<EventKind> kinds = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            EventKind kind = EventKind.of(names.get(i));
            if (kind == null) {
                errors.add(new FieldError("events[" + i + "]", "\"" + names.get(i) + "\" is not one of: "
                        + String.join(", ", Arrays.stream(EventKind.values()).map(EventKind::toString).toList())));
            } else if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        if (names.isEmpty()) {
            errors.add(new FieldError("events", "must name at least one event, or be left out for every change of case studies"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return kinds.stream().sorted().toList();
    }

    private String write(WebhookFilters checked) {
        try {
            return json.writeValueAsString(checked);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deliveries pending per subscription, and the oldest's time. */
    record Backlog(long pending, Instant oldest) {

        /** A subscription's backlog ({@link Delivery#BACKLOG}), read from the pending part of its queue's index. */
        static Backlog of(EntityManager entityManager, long subscriptionId) {
            Object[] row = entityManager.createNamedQuery(Delivery.BACKLOG, Object[].class)
                    .setParameter("subscription", subscriptionId).getSingleResult();
            return new Backlog(row[0] == null ? 0 : (Long) row[0], (Instant) row[1]);
        }
    }

    private WebhookView view(Subscription s, String secret) {
        return view(s, secret, Backlog.of(entityManager, s.id));
    }

    private WebhookView view(Subscription s, String secret, Backlog backlog) {
        Instant previousUntil = s.previousSecret != null && s.previousSecretUntil != null
                && s.previousSecretUntil.isAfter(Timestamps.now()) ? s.previousSecretUntil : null;
        Position position = entityManager.find(Position.class, s.id);
        return new WebhookView(s.id, s.url, Arrays.stream(s.events.split(",")).map(EventKind::of).filter(Objects::nonNull).toList(),
                filters.read(s.filters), s.description, s.status, s.statusReason, s.ownerName, secret, previousUntil,
                position == null ? 0 : position.feedPosition, backlog.pending(), backlog.oldest(), s.consecutiveFailures, s.createdAt, s.updatedAt);
    }

    private static DeliveryView view(Delivery d, Event e, List<DeliveryView.AttemptView> attempts) {
        return new DeliveryView(d.id, e.messageId, e.type, e.feedPosition, e.slug, d.status, d.createdAt,
                d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.deliveredAt, attempts);
    }
}
