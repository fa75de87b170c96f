package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.function.Supplier;

import org.integrationevidence.approach.TaxonomyLookup;

/**
 * A case study read for a GET: what its HTTP validators are made of first (its version, its last change, the
 * taxonomy's version, since the view embeds approach names), and its view only when an answer needs a body. Once
 * the view is read, the validators are the view's own, so that a 200's tag is its body's.
 */
final class CaseStudyRead {

    private final PublishedState published;
    private final TaxonomyLookup.Version approaches;
    private final Supplier<CaseStudyView> reader;
    private CaseStudyView view;

    CaseStudyRead(PublishedState published, CaseStudyView view, TaxonomyLookup.Version approaches, Supplier<CaseStudyView> reader) {
        this.published = published;
        this.view = view;
        this.approaches = approaches;
        this.reader = reader;
    }

    public long version() {
        return view != null ? view.version() : published.version();
    }

    public Instant updatedAt() {
        return view != null ? view.updatedAt() : published.updatedAt();
    }

    /** The taxonomy's version as read before the case study, so that the tag is never newer than the body. */
    public TaxonomyLookup.Version approaches() {
        return approaches;
    }

    /** The view, read now if it was not yet. */
    public CaseStudyView view() {
        if (view == null) {
            view = reader.get();
        }
        return view;
    }
}
