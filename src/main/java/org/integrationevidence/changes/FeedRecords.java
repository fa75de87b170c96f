package org.integrationevidence.changes;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

/**
 * The change feed read as a list of records, one per case study that was ever public: its latest entry at a position
 * of the feed. Entries never change, so the list as of a position reads the same however the data changes later; a
 * harvester paging through it by position neither misses nor repeats a case study. Each case study is named by the
 * slug of its first entry, which renames do not change.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FeedRecords {

    /** A case study's latest entry at a position: a tombstone, or public with its slug then. */
    public record FeedRecord(long position, long caseStudyId, String firstSlug, String slug, boolean tombstone,
            Instant changedAt) {
    }

    /**
     * Which records to list: changed within {@code from} (inclusive) and {@code until} (exclusive), each optional, and
     * members of a set. A set is a JPQL condition on the case study as {@code c} (a {@code CaseStudy}) with its
     * parameters; case studies deleted from the database are in every set, since what they were tagged with is gone.
     */
    public record Selection(Instant from, Instant until, String setCondition, Map<String, Object> setParameters) {
    }

    @Inject
    ChangeSequencer sequencer;

    @Inject
    EntityManager entityManager;

    /** The feed's last position, after sequencing every change committed so far: where a new list stands. */
    public long head() {
        sequencer.sequencePending();
        Long last = entityManager.createQuery("select max(e.position) from ChangeFeedEntry e", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    /** A change of the feed and the id of its case study (which the public {@link Change} does not carry). */
    public record Sequenced(long caseStudyId, Change change) {
    }

    /**
     * Up to {@code limit} changes after the position {@code after} and up to {@code upTo}, in position order: for
     * readers inside the service that follow the feed from a position of their own (webhook deliveries).
     */
    public List<Sequenced> changes(long after, long upTo, int limit) {
        return entityManager.createQuery("select e from ChangeFeedEntry e where e.position > :after and e.position <= :upTo "
                        + "order by e.position", ChangeFeedEntry.class)
                .setParameter("after", after).setParameter("upTo", upTo).setMaxResults(limit).getResultStream()
                .map(entry -> new Sequenced(entry.caseStudyId, Change.of(entry))).toList();
    }

    /** When the feed's first entry was recorded, or empty when the feed is empty, after sequencing every commit so far. */
    public Optional<Instant> earliest() {
        sequencer.sequencePending();
        return Optional.ofNullable(entityManager.createQuery("select min(e.changedAt) from ChangeFeedEntry e", Instant.class)
                .getSingleResult());
    }

    /** Up to {@code limit} records of the list as of {@code upTo}, after the position {@code after}, in position order. */
    public List<FeedRecord> page(Selection selection, long upTo, long after, int limit) {
        TypedQuery<ChangeFeedEntry> query = entityManager.createQuery("select e from ChangeFeedEntry e where "
                + conditions(selection) + " and e.position > :after order by e.position", ChangeFeedEntry.class);
        bind(query::setParameter, selection, upTo);
        List<ChangeFeedEntry> entries = query.setParameter("after", after).setMaxResults(limit).getResultList();
        return withFirstSlugs(entries);
    }

    /** How many records the list as of {@code upTo} holds. */
    public long count(Selection selection, long upTo) {
        TypedQuery<Long> query = entityManager.createQuery("select count(e) from ChangeFeedEntry e where "
                + conditions(selection), Long.class);
        bind(query::setParameter, selection, upTo);
        return query.getSingleResult();
    }

    /**
     * The latest record of the case study first named {@code firstSlug} in the feed. Should two case studies have been
     * first published under one slug (the first deleted, the slug given again), it is the later one's. Every change
     * committed before the call is sequenced first, so a case study published a moment ago is found.
     */
    public Optional<FeedRecord> byFirstSlug(String firstSlug) {
        sequencer.sequencePending();
        List<Long> ids = entityManager.createQuery("select f.caseStudyId from ChangeFeedEntry f where f.slug = :slug "
                        + "and not exists (select g from ChangeFeedEntry g where g.caseStudyId = f.caseStudyId "
                        + "and g.position < f.position) order by f.position desc", Long.class)
                .setParameter("slug", firstSlug).setMaxResults(1).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        List<ChangeFeedEntry> latest = entityManager.createQuery("select e from ChangeFeedEntry e "
                        + "where e.caseStudyId = :id order by e.position desc", ChangeFeedEntry.class)
                .setParameter("id", ids.get(0)).setMaxResults(1).getResultList();
        return withFirstSlugs(latest).stream().findFirst();
    }

    private static String conditions(Selection selection) {
        StringBuilder where = new StringBuilder("e.position <= :upTo and not exists (select l from ChangeFeedEntry l "
                + "where l.caseStudyId = e.caseStudyId and l.position > e.position and l.position <= :upTo)");
        if (selection.from() != null) {
            where.append(" and e.changedAt >= :from");
        }
        if (selection.until() != null) {
            where.append(" and e.changedAt < :until");
        }
        if (selection.setCondition() != null) {
            where.append(" and (not exists (select d from CaseStudy d where d.id = e.caseStudyId) or exists (select c from "
                    + "CaseStudy c where c.id = e.caseStudyId and (").append(selection.setCondition()).append(")))");
        }
        return where.toString();
    }

    private interface Binder {
        void bind(String name, Object value);
    }

    private static void bind(Binder query, Selection selection, long upTo) {
        query.bind("upTo", upTo);
        if (selection.from() != null) {
            query.bind("from", selection.from());
        }
        if (selection.until() != null) {
            query.bind("until", selection.until());
        }
        if (selection.setCondition() != null) {
            selection.setParameters().forEach(query::bind);
        }
    }

    private List<FeedRecord> withFirstSlugs(List<ChangeFeedEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<Long, String> firstSlugs = new HashMap<>();
        for (Object[] row : entityManager.createQuery("select f.caseStudyId, f.slug from ChangeFeedEntry f "
                        + "where f.caseStudyId in :ids and not exists (select g from ChangeFeedEntry g "
                        + "where g.caseStudyId = f.caseStudyId and g.position < f.position)", Object[].class)
                .setParameter("ids", entries.stream().map(entry -> entry.caseStudyId).distinct().toList()).getResultList()) {
            firstSlugs.put((Long) row[0], (String) row[1]);
        }
        return entries.stream().map(entry -> new FeedRecord(entry.position, entry.caseStudyId,
                firstSlugs.getOrDefault(entry.caseStudyId, entry.slug), entry.slug, entry.kind.tombstone(),
                entry.changedAt)).toList();
    }
}
