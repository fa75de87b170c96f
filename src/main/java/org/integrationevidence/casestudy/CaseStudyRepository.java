package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import org.integrationevidence.approach.Approach;

@ApplicationScoped
class CaseStudyRepository implements PanacheRepository<CaseStudy> {

    /** The case studies with these ids, in no particular order; ids that no longer exist are left out. */
    List<CaseStudy> findWithIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** The published-once case studies with these slugs, in no particular order; slugs none has are left out. */
    List<CaseStudy> findWithPublicSlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slugScope = ?1 and slug in ?2", CaseStudy.PUBLIC_SCOPE, slugs);
    }

    /**
     * Of these ids, those of case studies in one of the statuses. Native SQL: it runs on every search, and
     * Hibernate translates a query with list parameters afresh on each run.
     */
    List<Long> findIdsIn(Collection<Long> ids, Collection<CaseStudyStatus> statuses) {
        List<?> rows = getEntityManager()
                .createNativeQuery("select id from case_study where id in (?1) and status in (?2)")
                .setParameter(1, ids)
                .setParameter(2, statuses.stream().map(Enum::name).toList())
                .getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** Up to {@code limit} case studies with an id above {@code afterId}, in id order: a walk over all of them. */
    List<CaseStudy> findAfterId(long afterId, int limit) {
        return find("id > ?1", Sort.by("id"), afterId).page(0, limit).list();
    }

    /** The case study with this slug in this scope (see {@link CaseStudy#slugScope}). */
    Optional<CaseStudy> findBySlug(String scope, String slug) {
        return find("slugScope = ?1 and slug = ?2", scope, slug).firstResultOptional();
    }

    /** Every case study with this slug, in any scope, oldest first. */
    List<CaseStudy> findAllWithSlug(String slug) {
        return list("slug", Sort.by("id"), slug);
    }

    /** Id, version and update time of the published case study with this slug, without reading it. */
    Optional<PublishedState> findPublishedState(String slug) {
        return getEntityManager()
                .createQuery("select c.id, c.version, c.updatedAt from CaseStudy c where c.slugScope = :scope and c.slug = :slug "
                        + "and c.status = :status", Object[].class)
                .setParameter("scope", CaseStudy.PUBLIC_SCOPE).setParameter("slug", slug)
                .setParameter("status", CaseStudyStatus.PUBLISHED)
                .getResultStream().findFirst()
                .map(row -> new PublishedState((Long) row[0], (Long) row[1], (Instant) row[2]));
    }

    /** Whether a case study other than {@code except} (null: none) has this slug in one of the scopes (null: any). */
    boolean slugExists(String slug, Collection<String> scopes, Long except) {
        StringBuilder query = new StringBuilder("slug = :slug");
        Parameters parameters = Parameters.with("slug", slug);
        if (scopes != null) {
            query.append(" and slugScope in :scopes");
            parameters.and("scopes", scopes);
        }
        if (except != null) {
            query.append(" and id <> :except");
            parameters.and("except", except);
        }
        return count(query.toString(), parameters) > 0;
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
