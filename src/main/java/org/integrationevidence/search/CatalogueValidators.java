package org.integrationevidence.search;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.common.Validators;

/**
 * Validators of the answers built from the search index and the taxonomy (lists, searches, related case studies,
 * completions, the taxonomy itself): they change when the index's snapshot does, which follows every committed
 * change of a case study before the write is answered, and when the taxonomy does. Each instance has its own index,
 * so two instances give the same data different validators (a client that switches reads it again once), never the
 * same validator to different data.
 */
@ApplicationScoped
public class CatalogueValidators {

    @Inject
    CaseStudySearch search;

    @Inject
    TaxonomyLookup taxonomy;

    /**
     * The validator of the answer to this request, as of the snapshot it searched (or the current one, before), for
     * {@link Validators#conditional}. The taxonomy's version is read once, now, before the body: should the taxonomy
     * change while the body is built, the tag is older than the body, never newer, and the next conditional GET
     * gets the new one.
     */
    public Supplier<Validators.Validator> of(HttpHeaders headers, UriInfo uri) {
        TaxonomyLookup.Version approaches = taxonomy.version();
        return () -> {
            CaseStudySearch.Basis basis = search.basis();
            return Validators.of(headers, uri, null, Validators.state(basis.version(), approaches.version()),
                    Validators.latest(basis.lastChange(), approaches.lastChange()));
        };
    }
}
