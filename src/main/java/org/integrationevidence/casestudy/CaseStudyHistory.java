package org.integrationevidence.casestudy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;


import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.Page;
import org.integrationevidence.persistence.ServerSecrets;

/** A case study's revisions, for its curator and editors: the list, one revision, and what changed between two. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class CaseStudyHistory {

    /** Names the secret that signs revision paging cursors. */
    private static final String REVISION_CURSOR_KEY = "revision-cursor";

    @Inject
    CaseStudyLookup lookup;

    @Inject
    RevisionHistory revisions;

    @Inject
    ServerSecrets secrets;

    /** Every revision of a case study, oldest first: for its curator and editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RevisionSummary> revisions(CaseStudyRef ref, @NotNull KeyHolder caller, String cursor, int limit) {
        CaseStudy caseStudy = lookup.findWithHistory(ref, caller);
        int after = cursor == null ? 0
                : (int) Cursor.positionIn(secrets.get(REVISION_CURSOR_KEY), cursor, caseStudy.id.toString());
        List<RevisionSummary> page = revisions.summaries(caseStudy.id, after, limit + 1);
        boolean more = page.size() > limit;
        List<RevisionSummary> items = more ? page.subList(0, limit) : page;
        String next = more ? Cursor.position(secrets.get(REVISION_CURSOR_KEY), caseStudy.id.toString(),
                items.get(limit - 1).number()) : null;
        return new Page<>(List.copyOf(items), revisions.count(caseStudy.id), next);
    }

    /** One revision of a case study with its full snapshot: for its curator and editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RevisionView revision(CaseStudyRef ref, int number, @NotNull KeyHolder caller) {
        CaseStudy caseStudy = lookup.findWithHistory(ref, caller);
        return revisions.view(caseStudy.id, caseStudy.slug, number);
    }

    /**
     * What changed from revision {@code from} to revision {@code to}; {@code from} 0 stands for nothing, so that
     * every field of the first revision shows as added.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RevisionDiff diff(CaseStudyRef ref, int from, int to, @NotNull KeyHolder caller) {
        CaseStudy caseStudy = lookup.findWithHistory(ref, caller);
        return revisions.diff(caseStudy.id, caseStudy.slug, from, to);
    }
}
