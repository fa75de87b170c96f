package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import org.integrationevidence.approach.Approach;

@ApplicationScoped
public class CaseStudyRepository implements PanacheRepository<CaseStudy> {

    /** Position in the newest-first order, from which a page continues. */
    record Keyset(Instant createdAt, long id) {
    }

    /** The published case studies matching the filter, newest first, after the keyset, at most {@code limit}. */
    List<CaseStudy> findPublished(Set<Long> approachIds, CaseStudyFilter filter, Keyset after, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = whereClause(approachIds, filter, parameters);
        if (after != null) {
            where.append(" and (c.createdAt < :afterCreated or (c.createdAt = :afterCreated and c.id < :afterId))");
            parameters.put("afterCreated", after.createdAt());
            parameters.put("afterId", after.id());
        }
        TypedQuery<CaseStudy> query = getEntityManager()
                .createQuery("select c from CaseStudy c" + where + " order by c.createdAt desc, c.id desc", CaseStudy.class)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    long countPublished(Set<Long> approachIds, CaseStudyFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = whereClause(approachIds, filter, parameters);
        TypedQuery<Long> query = getEntityManager().createQuery("select count(c) from CaseStudy c" + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static StringBuilder whereClause(Set<Long> approachIds, CaseStudyFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where c.status = :status");
        parameters.put("status", CaseStudyStatus.PUBLISHED);
        if (approachIds != null) {
            where.append(" and c.id in (select ca.id from CaseStudy ca join ca.approaches a where a.id in :approachIds)");
            parameters.put("approachIds", approachIds);
        }
        if (!filter.countries().isEmpty()) {
            where.append(" and c.countryCode in :countries");
            parameters.put("countries", filter.countries());
        }
        if (!filter.themes().isEmpty()) {
            where.append(" and c.id in (select ct.id from CaseStudy ct join ct.themes t where t in :themes)");
            parameters.put("themes", filter.themes());
        }
        if (!filter.targetGroups().isEmpty()) {
            where.append(" and c.id in (select cg.id from CaseStudy cg join cg.targetGroups g where g in :targetGroups)");
            parameters.put("targetGroups", filter.targetGroups());
        }
        return where;
    }

    Optional<CaseStudy> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    boolean slugExists(String slug) {
        return count("slug", slug) > 0;
    }

    long countTaggedWith(Approach approach, List<CaseStudyStatus> statuses) {
        return getEntityManager().createNamedQuery(CaseStudy.COUNT_TAGGED_WITH, Long.class)
                .setParameter("approach", approach).setParameter("statuses", statuses).getSingleResult();
    }

    List<CaseStudy> findTaggedWith(Approach approach, CaseStudyStatus status) {
        return getEntityManager().createNamedQuery(CaseStudy.TAGGED_WITH, CaseStudy.class)
                .setParameter("approach", approach).setParameter("status", status).getResultList();
    }

    Map<Long, List<Long>> publishedCaseStudiesByApproach() {
        Map<Long, List<Long>> byApproach = new HashMap<>();
        getEntityManager().createNamedQuery(CaseStudy.PUBLISHED_PER_APPROACH, Object[].class)
                .setParameter("status", CaseStudyStatus.PUBLISHED)
                .getResultStream()
                .forEach(row -> byApproach.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((Long) row[1]));
        return byApproach;
    }
}
