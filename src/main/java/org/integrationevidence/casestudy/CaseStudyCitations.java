package org.integrationevidence.casestudy;

import java.net.URI;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.PublicUrls;

/**
 * How to cite case studies, in answers to the request being served: the repository's configured name as author and
 * publisher, and URLs on the request's public base ({@link PublicUrls}). Only a published case study can be cited,
 * since only published versions are served at their URL.
 */
@ApplicationScoped
public class CaseStudyCitations {

    @Inject
    EvidenceConfig config;

    @Inject
    PublicUrls urls;

    /** The case study with how to cite its current version, when it is published; else as it is. */
    public CaseStudyView cite(CaseStudyView view) {
        return citer().apply(view);
    }

    /**
     * What {@link #cite} does, with this request's base URL fixed, for a body written after the request has been
     * answered (a streamed export).
     */
    public UnaryOperator<CaseStudyView> citer() {
        String publisher = config.repositoryName();
        URI base = urls.base();
        return view -> view.status() != CaseStudyStatus.PUBLISHED ? view
                : view.withCiteAs(CiteAs.of(publisher, base, view.slug(), view.title(), view.version(), view.updatedAt()));
    }

    /** The citation of a published version, kept as {@code revision}, of the case study now at {@code slug}. */
    CiteAs of(String slug, String title, long version, java.time.Instant madeAt) {
        return CiteAs.of(config.repositoryName(), urls.base(), slug, title, version, madeAt);
    }
}
