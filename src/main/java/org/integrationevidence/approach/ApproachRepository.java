package org.integrationevidence.approach;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class ApproachRepository implements PanacheRepository<Approach> {

    public Optional<Approach> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Approach> listOrdered() {
        return list("order by name, slug");
    }

    public long countChildren(Approach approach) {
        return getEntityManager().createNamedQuery(Approach.COUNT_CHILDREN, Long.class)
                .setParameter("approach", approach).getSingleResult();
    }
}
