package org.integrationevidence.outcome;

/**
 * What the vocabulary must know of the findings filed under a domain before deleting it, asked of the catalogue that
 * keeps them (casestudy.OutcomeDomainUsageInCatalogue implements it): the vocabulary sits below the case studies
 * whose findings point at it, and reaches them only through this port.
 */
public interface OutcomeDomainUsage {

    /** How many case study findings are filed under the domain. */
    long countFindingsIn(OutcomeDomain domain);

    /**
     * Tells the readers of case studies (search index, caches, change feed) that those with findings in the domain, or in
     * a domain of the group, show it anew: its name or group changed.
     */
    void findingsInChanged(OutcomeDomain domain);
}
