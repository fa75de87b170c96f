package org.integrationevidence.outcome;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class OutcomeDomainRepository implements PanacheRepository<OutcomeDomain> {

    public Optional<OutcomeDomain> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public long countChildren(OutcomeDomain domain) {
        return getEntityManager().createNamedQuery(OutcomeDomain.COUNT_CHILDREN, Long.class)
                .setParameter("domain", domain).getSingleResult();
    }

    /** The highest position among the children of {@code parent} (the groups when null); 0 when it has none. */
    public int lastPosition(OutcomeDomain parent) {
        Number last = parent == null
                ? getEntityManager().createNamedQuery(OutcomeDomain.LAST_TOP_POSITION, Number.class).getSingleResult()
                : getEntityManager().createNamedQuery(OutcomeDomain.LAST_POSITION, Number.class)
                        .setParameter("parent", parent).getSingleResult();
        return last.intValue();
    }
}
