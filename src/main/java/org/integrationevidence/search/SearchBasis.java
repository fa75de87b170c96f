package org.integrationevidence.search;

import jakarta.enterprise.context.RequestScoped;

/**
 * The index snapshot a request searched, so that its answer's validator is that snapshot's (see
 * CaseStudySearch#basis). Read and written through methods: a field of the client proxy would be shared by all.
 */
@RequestScoped
class SearchBasis {

    private CaseStudySearch.Basis basis;

    CaseStudySearch.Basis get() {
        return basis;
    }

    void set(CaseStudySearch.Basis basis) {
        this.basis = basis;
    }
}
