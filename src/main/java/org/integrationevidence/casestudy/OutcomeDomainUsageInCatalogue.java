package org.integrationevidence.casestudy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.outcome.OutcomeDomain;
import org.integrationevidence.outcome.OutcomeDomainUsage;

/** How the findings of the catalogue's case studies use an outcome domain, asked by the vocabulary before a delete. */
@ApplicationScoped
class OutcomeDomainUsageInCatalogue implements OutcomeDomainUsage {

    @Inject
    EntityManager entityManager;

    @Inject
    ChangeJournal journal;

    @Override
    public long countFindingsIn(OutcomeDomain domain) {
        return ((Number) entityManager.createNativeQuery("select count(*) from case_study_finding where domain_id = :id")
                .setParameter("id", domain.id).getSingleResult()).longValue();
    }

    @Override
    public void findingsInChanged(OutcomeDomain domain) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("select distinct f.case_study_id from case_study_finding f "
                + "join outcome_domain d on d.id = f.domain_id where d.id = :id or d.parent_id = :id")
                .setParameter("id", domain.id).getResultList();
        ids.forEach(id -> journal.record(id.longValue()));
    }
}
