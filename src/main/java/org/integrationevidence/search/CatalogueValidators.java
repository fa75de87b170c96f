package org.integrationevidence.search;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.outcome.OutcomeDomainLookup;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.Validators;

/**
 * Validators of the answers built from the search index and the taxonomy (lists, searches, related case studies,
 * completions, exports, the Atom feed, the taxonomy itself): they change when the index's snapshot does, which
 * follows every committed change of a published case study before the write is answered, and when the taxonomy
 * does. Each instance has its own index, so two instances give the same data different validators (a client that
 * switches reads it again once), never the same validator to different data.
 */
@ApplicationScoped
public class CatalogueValidators {

    @Inject
    CaseStudySearch search;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    OutcomeDomainLookup outcomeDomains;

    @Inject
    ConditionalReads conditional;

    /**
     * The validator of the answer to this request, for {@link ConditionalReads#answer}: as of the basis of the answer
     * once {@code used} holds it, the current snapshot's before. The taxonomy's version is read once, now, before the
     * body: should the taxonomy change while the body is built, the tag is older than the body, never newer, and the
     * next conditional GET gets the new one.
     */
    public Supplier<Validators.Validator> of(AnswerBasis used) {
        TaxonomyLookup.Version approaches = taxonomy.version();
        OutcomeDomainLookup.Version domains = outcomeDomains.version();
        return () -> {
            IndexBasis basis = used.get() != null ? used.get() : search.currentBasis();
            return conditional.validator(null, Validators.state(basis.version(), approaches.version(), domains.version()),
                    Validators.latest(Validators.latest(basis.lastChange(), approaches.lastChange()), domains.lastChange()));
        };
    }
}
