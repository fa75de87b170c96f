package org.integrationevidence.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.integrationevidence.approach.ApproachFacts;
import org.integrationevidence.approach.ApproachInput;
import org.integrationevidence.approach.ApproachNode;
import org.integrationevidence.approach.ApproachService;
import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.Page;

/**
 * The approach taxonomy as the API serves it: the tree with the number of published case studies under each
 * approach, and each approach with the first page of them. The taxonomy's rules are approach.ApproachService's;
 * this adds what the case studies and the search index know.
 */
@ApplicationScoped
class ApproachPages {

    @Inject
    ApproachService approaches;

    @Inject
    CaseStudyCatalogue catalogue;

    @Inject
    CaseStudySearch search;

    @Inject
    EvidenceMaps maps;

    @Inject
    EvidenceConfig config;

    public Page<ApproachNode> tree() {
        return approaches.tree(catalogue.publishedIdsByApproach());
    }

    /** The approach with the first page of its case studies, and the basis of that page. */
    public Searched<ApproachDetail> get(String slug) {
        ApproachFacts approach = approaches.get(slug);
        Searched<CaseStudyPage> tagged = firstPage(approach);
        return new Searched<>(ApproachDetail.of(approach, page(tagged.answer()), summary(approach)), tagged.basis());
    }

    /** A 404 unless the approach exists. */
    public void requireExists(String slug) {
        approaches.requireExists(slug);
    }

    public ApproachDetail create(ApproachInput input) {
        return detail(approaches.create(input));
    }

    public ApproachDetail replace(String slug, ApproachInput input) {
        return detail(approaches.replace(slug, input));
    }

    public void delete(String slug) {
        approaches.delete(slug);
    }

    private ApproachDetail detail(ApproachFacts approach) {
        return ApproachDetail.of(approach, page(firstPage(approach).answer()), summary(approach));
    }

    private EvidenceSummary summary(ApproachFacts approach) {
        return maps.summary(SearchRequest.taggedWith(approach.slug(), 1));
    }

    private Searched<CaseStudyPage> firstPage(ApproachFacts approach) {
        return search.search(SearchRequest.taggedWith(approach.slug(), config.paging().defaultLimit()));
    }

    private static Page<CaseStudySummary> page(CaseStudyPage found) {
        return new Page<>(found.items(), found.total(), found.next());
    }
}
