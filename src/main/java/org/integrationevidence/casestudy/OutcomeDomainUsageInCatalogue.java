package org.integrationevidence.casestudy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.integrationevidence.outcome.OutcomeDomain;
import org.integrationevidence.outcome.OutcomeDomainUsage;

/** How the findings of the catalogue's case studies use an outcome domain, asked by the vocabulary before a delete. */
@ApplicationScoped
class OutcomeDomainUsageInCatalogue implements OutcomeDomainUsage {

    @Inject
    EntityManager entityManager;

    @Override
    public long countFindingsIn(OutcomeDomain domain) {
        return ((Number) entityManager.createNativeQuery("select count(*) from case_study_finding where domain_id = :id")
                .setParameter("id", domain.id).getSingleResult()).longValue();
    }
}
