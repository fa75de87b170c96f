package org.integrationevidence.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import org.integrationevidence.approach.ApproachService;
import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudyCitations;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.changes.Change;
import org.integrationevidence.changes.FeedRecords;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.search.CaseStudySearch;
import org.integrationevidence.search.SearchRequest;

/**
 * Turns the public change feed and the taxonomy journal into deliveries: for each subscription, the changes after its
 * position that it asked for and that its filter lets through, queued in position order, and its position moved past
 * them, in one transaction. One planner runs at a time across every instance (it holds the {@code webhook_planner} row
 * locked), so each event is queued once per subscription however many instances there are; a crash before the commit
 * queues nothing and moves nothing, and the next planning starts from the same position.
 * <p>
 * A filtered subscription is told of a case study while it matches; the first change after which it no longer matches
 * is sent as {@code case-study.unmatched} (the case studies it was told of are kept in {@code webhook_matched}), and a
 * withdrawal or deletion only if it was told of the case study.
 */
@ApplicationScoped
class DeliveryPlanner {

    /** Changes of the feed planned per transaction: short transactions, so that nothing waits long for the planner's. */
    static final int BATCH = 50;

    @Inject
    EntityManager entityManager;

    @Inject
    FeedRecords feed;

    @Inject
    CaseStudyCatalogue catalogue;

    @Inject
    CaseStudyCitations citations;

    @Inject
    CaseStudySearch search;

    @Inject
    ApproachService approaches;

    @Inject
    SubscriptionFilters filters;

    @Inject
    EvidenceConfig config;

    @Inject
    ObjectMapper json;

    /**
     * Queues every event committed before the call; true if anything was queued. Costs one small query when no
     * subscription is live; waits for this instance's index only when a subscription with a filter has changes to match.
     */
    boolean planPending() {
        Live live = QuarkusTransaction.requiringNew().call(this::live);
        if (!live.any()) {
            return false;
        }
        long head = QuarkusTransaction.requiringNew().call(feed::head);
        if (live.filtered()) {
            // Filters are matched in this instance's index: it must show every change up to the head first.
            search.awaitCatchUp();
        }
        boolean queued = false;
        boolean more;
        do {
            Batch batch = QuarkusTransaction.requiringNew().call(() -> planBatch(head));
            queued |= batch.queued();
            more = batch.more();
        } while (more);
        return queued;
    }

    /** Whether any subscription is live (not ended), and whether one of them has a filter. */
    private record Live(boolean any, boolean filtered) {
    }

    private Live live() {
        List<String> filters = entityManager.createQuery("select distinct s.filters from Subscription s where s.status <> "
                + "org.integrationevidence.webhook.SubscriptionStatus.ENDED", String.class).getResultList();
        return new Live(!filters.isEmpty(), filters.stream().anyMatch(f -> !f.equals("{}")));
    }

    private record Batch(boolean queued, boolean more) {
    }

    /** A subscription behind the head, and its position. */
    private record Behind(Subscription subscription, long position) {
    }

    private List<Behind> behind(long head) {
        return entityManager.createQuery("select s, p.feedPosition from Subscription s, Position p where p.subscriptionId = s.id "
                        + "and s.status <> org.integrationevidence.webhook.SubscriptionStatus.ENDED and p.feedPosition < :head "
                        + "order by s.id", Object[].class)
                .setParameter("head", head).getResultStream()
                .map(row -> new Behind((Subscription) row[0], (Long) row[1])).toList();
    }

    private Batch planBatch(long head) {
        List<Behind> behind = behind(head);
        boolean taxonomyPending = !entityManager.createNativeQuery("select id from taxonomy_journal where planned = false")
                .setMaxResults(1).getResultList().isEmpty();
        if (behind.isEmpty() && !taxonomyPending) {
            return new Batch(false, false);
        }
        entityManager.find(PlannerLock.class, PlannerLock.ID, LockModeType.PESSIMISTIC_WRITE);
        // Read again under the lock, from the database rather than from what this transaction has read: another instance
        // may have planned meanwhile.
        entityManager.clear();
        behind = behind(head);
        Instant now = Timestamps.now();
        boolean queued = planTaxonomy(now);
        if (behind.isEmpty()) {
            return new Batch(queued, false);
        }
        long from = behind.stream().mapToLong(Behind::position).min().orElseThrow();
        List<FeedRecords.Sequenced> changes = feed.changes(from, head, BATCH);
        if (changes.isEmpty()) {
            behind.forEach(b -> movePosition(b.subscription().id, head));
            return new Batch(queued, false);
        }
        long last = changes.get(changes.size() - 1).change().position();
        Map<Long, CaseStudyView> views = publicViews(changes);
        Map<String, Set<Long>> matchingByFilter = new HashMap<>();
        // One message per change and type, whatever the number of subscriptions it goes to.
        Map<String, Long> events = new HashMap<>();
        Set<Long> changed = new LinkedHashSet<>();
        changes.forEach(c -> changed.add(c.caseStudyId()));
        for (Behind b : behind) {
            Subscription subscription = b.subscription();
            Set<String> kinds = Set.of(subscription.events.split(","));
            SearchRequest filter = filters.requestOf(subscription.filters);
            Set<Long> matching = filter == null ? null
                    : matchingByFilter.computeIfAbsent(subscription.filters, f -> matching(filter, changed));
            Set<Long> told = filter == null ? Set.of() : told(subscription.id, changed);
            for (FeedRecords.Sequenced sequenced : changes) {
                Change change = sequenced.change();
                if (change.position() <= b.position()) {
                    continue;
                }
                long id = sequenced.caseStudyId();
                String type = null;
                if (filter == null) {
                    type = kinds.contains(change.kind().toString()) ? Payloads.caseStudyType(change, false) : null;
                } else if (!change.kind().tombstone() && matching.contains(id)) {
                    type = kinds.contains(change.kind().toString()) ? Payloads.caseStudyType(change, false) : null;
                    if (told.add(id)) {
                        entityManager.persist(new Matched(subscription.id, id));
                    }
                } else if (told.remove(id)) {
                    type = change.kind().tombstone()
                            ? (kinds.contains(change.kind().toString()) ? Payloads.caseStudyType(change, false) : null)
                            : Payloads.caseStudyType(change, true);
                    entityManager.remove(entityManager.getReference(Matched.class, new Matched.Key(subscription.id, id)));
                }
                if (type != null) {
                    String eventType = type;
                    long event = events.computeIfAbsent(change.position() + " " + type, key -> {
                        Object caseStudy = change.kind().tombstone() || eventType.equals(Payloads.UNMATCHED_TYPE) ? null
                                : views.get(id);
                        return event(entityManager, eventType, change.position(), change.slug(),
                                Payloads.caseStudy(json, eventType, withLink(change), caseStudy, now)).id;
                    });
                    queue(entityManager, subscription.id, event);
                    queued = true;
                }
            }
            movePosition(subscription.id, Math.max(b.position(), last));
        }
        return new Batch(queued, last < head);
    }

    /** Moves a subscription's position: a bulk update, so that it fails nothing should the subscription be deleted meanwhile. */
    private void movePosition(long subscriptionId, long position) {
        entityManager.createQuery("update Position p set p.feedPosition = :position where p.subscriptionId = :id")
                .setParameter("position", position).setParameter("id", subscriptionId).executeUpdate();
    }

    /** Approaches created, changed or deleted: to every subscription that asked for taxonomy events. */
    private boolean planTaxonomy(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> pending = entityManager.createNativeQuery("select id, approach_slug, kind, recorded_at from taxonomy_journal "
                + "where planned = false order by id").setMaxResults(BATCH).getResultList();
        if (pending.isEmpty()) {
            return false;
        }
        List<Subscription> subscribed = entityManager.createQuery("select s from Subscription s where s.status <> "
                + "org.integrationevidence.webhook.SubscriptionStatus.ENDED and s.events like :taxonomy", Subscription.class)
                .setParameter("taxonomy", "%" + EventKind.TAXONOMY + "%").getResultList();
        boolean queued = false;
        List<Long> ids = new ArrayList<>();
        for (Object[] row : pending) {
            ids.add(((Number) row[0]).longValue());
            String slug = (String) row[1];
            String type = "approach." + ((String) row[2]).toLowerCase(java.util.Locale.ROOT);
            Object approach = null;
            if (!type.equals("approach.deleted")) {
                // Read in a transaction of its own: a 404 for an approach deleted since (its deletion follows) must not
                // mark the planner's transaction for rollback.
                try {
                    approach = QuarkusTransaction.requiringNew().call(() -> approaches.get(slug));
                } catch (ApiException e) {
                    approach = null;
                }
            }
            Instant recordedAt = Timestamps.of(row[3]);
            Long event = null;
            for (Subscription subscription : subscribed) {
                // A subscription is told of what changes after it was made, as with case studies.
                if (!recordedAt.isBefore(subscription.createdAt)) {
                    if (event == null) {
                        event = event(entityManager, type, null, slug, Payloads.approach(json, type, slug, approach, now)).id;
                    }
                    queue(entityManager, subscription.id, event);
                    queued = true;
                }
            }
        }
        entityManager.createNativeQuery("update taxonomy_journal set planned = true where id in (?1)").setParameter(1, ids)
                .executeUpdate();
        return queued;
    }

    /** The changed case studies that are public now, as the API serves them (with how to cite them, when it can say). */
    private Map<Long, CaseStudyView> publicViews(List<FeedRecords.Sequenced> changes) {
        List<Long> ids = changes.stream().filter(c -> !c.change().kind().tombstone()).map(FeedRecords.Sequenced::caseStudyId)
                .distinct().toList();
        Map<Long, CaseStudyView> views = new HashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        boolean citable = config.publicBaseUrl().isPresent();
        catalogue.viewsById(ids, Set.of(CaseStudyStatus.PUBLISHED))
                .forEach((id, view) -> views.put(id, citable ? citations.cite(view) : view));
        return views;
    }

    private Set<Long> matching(SearchRequest filter, Set<Long> ids) {
        try {
            return search.matchingAmong(filter, ids);
        } catch (ApiException e) {
            // The filter names an approach, domain or code deleted since: it matches nothing now.
            return Set.of();
        }
    }

    private Set<Long> told(long subscriptionId, Set<Long> ids) {
        return new HashSet<>(entityManager.createQuery("select m.caseStudyId from Matched m where m.subscriptionId = :s "
                + "and m.caseStudyId in :ids", Long.class).setParameter("s", subscriptionId).setParameter("ids", ids)
                .getResultList());
    }

    /** The change with an absolute link when the public base URL is configured. */
    private Change withLink(Change change) {
        if (change.link() == null || config.publicBaseUrl().isEmpty()) {
            return change;
        }
        String base = config.publicBaseUrl().get().replaceAll("/+$", "");
        return new Change(change.position(), change.kind(), change.slug(), change.previousSlug(), change.version(),
                change.changedAt(), base + change.link());
    }

    /** A new message, with a new message id. */
    static Event event(EntityManager entityManager, String type, Long position, String slug, String body) {
        Event event = new Event();
        event.messageId = Signatures.newMessageId();
        event.type = type;
        event.feedPosition = position;
        event.slug = slug;
        event.body = body;
        event.createdAt = Timestamps.now();
        entityManager.persist(event);
        return event;
    }

    /** Queues a message at the end of a subscription's queue, due now. */
    static Delivery queue(EntityManager entityManager, long subscriptionId, long eventId) {
        Delivery delivery = new Delivery();
        delivery.subscriptionId = subscriptionId;
        delivery.eventId = eventId;
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = Timestamps.now();
        delivery.nextAttemptAt = delivery.createdAt;
        entityManager.persist(delivery);
        return delivery;
    }
}
