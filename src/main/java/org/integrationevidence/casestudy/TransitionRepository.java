package org.integrationevidence.casestudy;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TransitionRepository implements PanacheRepository<TransitionRecord> {
}
