package org.integrationevidence.casestudy;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
class TransitionRepository implements PanacheRepository<TransitionRecord> {
}
