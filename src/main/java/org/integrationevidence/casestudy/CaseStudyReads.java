package org.integrationevidence.casestudy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.http.Validators;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.outcome.OutcomeDomainLookup;

/**
 * Reading one case study, as the caller may see it. GETs of published case studies are answered from two caches
 * this class owns ({@link PublishedStateCache}, {@link PublishedViewCache}): most 304s and many 200s ask the
 * database nothing, or one small row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class CaseStudyReads {

    @Inject
    CaseStudyRepository caseStudies;

    @Inject
    CaseStudyLookup lookup;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    OutcomeDomainLookup outcomeDomains;

    private final PublishedStateCache states = new PublishedStateCache(System::nanoTime);
    private final PublishedViewCache views = new PublishedViewCache();

    /**
     * A case study by slug, as {@code viewer} may see it: a published one for everyone; a draft for editors and for
     * the curator who owns it, and 404 for everyone else, so that nobody learns that it exists; a withdrawn one is
     * 410 Gone, to everyone if it was ever published, else as a draft is.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseStudyView get(CaseStudyRef ref, KeyHolder viewer) {
        return CaseStudyMapper.toView(lookup.findVisible(ref, viewer));
    }

    /**
     * A case study read for a conditional GET ({@link CaseStudyRead}). A published one's validators come from its
     * state, reused between reads, so that a client holding the current representation gets its 304 without the case
     * study being read; its view, when a body is needed, is reused while its version and the taxonomy's are the
     * same. Anything else (a draft, a withdrawn or renamed one, none, or one named with its owner) is read in full
     * at once, for its 404, 410 or redirect.
     */
    public CaseStudyRead read(CaseStudyRef ref, KeyHolder viewer) {
        // Read first: should a rename of an approach commit in between, the tag is older than the body, never newer.
        // The view embeds approaches' and outcome domains' names: both vocabularies' versions make its validator.
        TaxonomyLookup.Version approaches = vocabularies();
        PublishedState published = ref.owner() == null ? states.get(ref.slug(), caseStudies::findPublishedState).orElse(null) : null;
        CaseStudyView view = published == null ? get(ref, viewer) : null;
        return new CaseStudyRead(published, view, approaches, () -> view(ref, viewer, published, approaches.version()));
    }

    private TaxonomyLookup.Version vocabularies() {
        TaxonomyLookup.Version approaches = taxonomy.version();
        OutcomeDomainLookup.Version domains = outcomeDomains.version();
        return new TaxonomyLookup.Version(approaches.version() + "|" + domains.version(),
                Validators.latest(approaches.lastChange(), domains.lastChange()));
    }

    /** Drops the reused states as soon as a change of case studies commits here. */
    void onCommit(@Observes ChangeJournal.CaseStudiesCommitted event) {
        states.invalidate();
    }

    private CaseStudyView view(CaseStudyRef ref, KeyHolder viewer, PublishedState state, String taxonomyVersion) {
        CaseStudyView cached = views.get(ref.slug(), state, taxonomyVersion);
        if (cached != null) {
            return cached;
        }
        CaseStudy caseStudy = lookup.findVisible(ref, viewer);
        CaseStudyView view = CaseStudyMapper.toView(caseStudy);
        if (caseStudy.status == CaseStudyStatus.PUBLISHED) {
            views.put(caseStudy.slug, caseStudy.id, caseStudy.version, taxonomyVersion, view);
        }
        return view;
    }
}
