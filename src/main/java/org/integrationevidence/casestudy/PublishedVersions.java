package org.integrationevidence.casestudy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.integrationevidence.problem.ApiException;

/**
 * The published versions of case studies, for everyone: each version a case study was published at is kept as a
 * revision, and served from it for good, so that a citation's URL keeps showing what was cited.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PublishedVersions {

    @Inject
    CaseStudyLookup lookup;

    @Inject
    RevisionHistory revisions;

    @Inject
    CaseStudyCitations citations;

    /**
     * Version {@code version} of the case study at {@code slug}, if it was published at that version. The case study
     * is found as an anonymous GET finds it: a draft or an unknown slug is 404, a withdrawn one 410, a former slug a
     * redirect; a version never published (a draft's, one in review) or never made is 404.
     */
    public PublishedVersion version(String slug, long version) {
        CaseStudy caseStudy = lookup.findVisible(CaseStudyRef.of(slug), null);
        Revision revision = revisions.published(caseStudy.id, version).orElseThrow(() -> ApiException.notFound(
                "The case study \"" + slug + "\" was never published at version " + version + ": see its `version` for the "
                        + "current one."));
        CaseStudyInput snapshot = revisions.snapshotOf(revision);
        return new PublishedVersion(caseStudy.slug, version, revision.madeAt, caseStudy.version == version,
                citations.of(caseStudy.slug, snapshot.title(), version, revision.madeAt), snapshot);
    }
}
