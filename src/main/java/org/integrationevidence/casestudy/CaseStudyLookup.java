package org.integrationevidence.casestudy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;


import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.http.IfMatch;
import org.integrationevidence.http.MovedPermanently;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/**
 * Finds a case study by the name a request gives it, as the caller may see it: the visibility rules (published for
 * everyone, drafts for their owner and editors, withdrawn ones as 410), the slug scopes (an unpublished slug is its
 * curator's), the redirects of renamed slugs, and the row lock of a write.
 */
@ApplicationScoped
class CaseStudyLookup {

    /** Where case studies live in the API, for redirects from renamed slugs. */
    static final String COLLECTION_PATH = "/api/v1/case-studies";

    @Inject
    CaseStudyRepository caseStudies;

    @Inject
    SlugAliasRepository aliases;

    /** A case study that {@code viewer} (null: anonymous) may see; see {@link #get}. */
    CaseStudy findVisible(CaseStudyRef ref, KeyHolder viewer) {
        CaseStudy caseStudy = findAny(ref, viewer);
        if (!visibleTo(caseStudy, viewer)) {
            throw notFound(ref.slug());
        }
        if (caseStudy.status == CaseStudyStatus.WITHDRAWN) {
            throw new ApiException(ProblemType.GONE, "The case study \"" + ref.slug() + "\" has been withdrawn.");
        }
        return caseStudy;
    }

    /**
     * A case study by slug, whatever its status, as {@code viewer} can name it: the one published once with that
     * slug (public slugs are everyone's), else the viewer's own unpublished one, else, for editors, the one
     * unpublished case study of another curator that has it. Several curators' unpublished case studies may share a
     * slug: an editor then says whose with {@code owner}. A slug a published case study was renamed from answers a
     * permanent redirect (only case studies published once keep former slugs).
     */
    CaseStudy findAny(CaseStudyRef ref, KeyHolder viewer) {
        String slug = ref.slug();
        if (ref.owner() != null) {
            boolean mayName = viewer != null && (viewer.isEditor() || ref.owner().equals(viewer.owner()));
            return (mayName ? caseStudies.findBySlug(ref.owner(), slug) : Optional.<CaseStudy>empty())
                    .orElseThrow(() -> notFound(slug));
        }
        Optional<CaseStudy> found = caseStudies.findBySlug(CaseStudy.PUBLIC_SCOPE, slug);
        if (found.isEmpty() && viewer != null && viewer.owner() != null) {
            found = caseStudies.findBySlug(viewer.owner(), slug);
        }
        if (found.isEmpty() && viewer != null && viewer.isEditor()) {
            List<CaseStudy> unpublished = caseStudies.findAllWithSlug(slug);
            if (unpublished.size() > 1) {
                String owners = String.join(", ", unpublished.stream().map(c -> "\"" + c.owner + "\"").toList());
                throw new ApiException(ProblemType.CONFLICT, "Unpublished case studies of several curators have the slug \""
                        + slug + "\" (owners " + owners + "): say whose with the query parameter "
                        + CaseStudyRef.OWNER_PARAMETER + ".", List.of(new FieldError(CaseStudyRef.OWNER_PARAMETER,
                                "is required to tell apart the case studies of " + owners)));
            }
            found = unpublished.stream().findFirst();
        }
        return found.orElseThrow(() -> {
            SlugAlias alias = aliases.findById(slug);
            if (alias == null) {
                return notFound(slug);
            }
            CaseStudy renamed = caseStudies.findById(alias.caseStudyId);
            return visibleTo(renamed, viewer) ? new MovedPermanently(COLLECTION_PATH, slug, renamed.slug) : notFound(slug);
        });
    }

    /** A case study the caller may change, at the version the caller read. */
    CaseStudy findEditable(CaseStudyRef ref, KeyHolder caller, IfMatch ifMatch) {
        CaseStudy caseStudy = lockedForWrite(findVisible(ref, caller));
        if (!caller.isEditor() && caseStudy.status != CaseStudyStatus.DRAFT) {
            throw new ApiException(ProblemType.FORBIDDEN, "Curators edit only their own drafts; \"" + ref.slug() + "\" is "
                    + caseStudy.status + ". Ask an editor.");
        }
        ifMatch.check(caseStudy.version, "The case study \"" + ref.slug() + "\"");
        return caseStudy;
    }

    /** A case study whose history the caller may read: editors any (withdrawn too), curators their own. */
    CaseStudy findWithHistory(CaseStudyRef ref, KeyHolder caller) {
        CaseStudy caseStudy = caller.isEditor() ? findAny(ref, caller) : findVisible(ref, caller);
        if (!caller.isEditor() && !caller.owner().equals(caseStudy.owner)) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only editors and the case study's curator see its history.");
        }
        return caseStudy;
    }

    /**
     * The case study read again with its row locked until the write commits: writes of one case study take turns,
     * each on the version the one before left. A write that names the version it read (If-Match) is then checked
     * against the version it would overwrite, and one that sends {@code If-Match: *} ("whatever is current", RFC
     * 9110) applies to it, instead of failing on a version that changed under it.
     */
    CaseStudy lockedForWrite(CaseStudy caseStudy) {
        caseStudies.getEntityManager().refresh(caseStudy, LockModeType.PESSIMISTIC_WRITE);
        return caseStudy;
    }

    static ApiException notFound(String slug) {
        return ApiException.notFound("There is no case study with the slug \"" + slug + "\".");
    }

    /**
     * Published case studies are public, and so are withdrawn ones that were ever published (as 410); others only to
     * editors and their curator: to anyone else a draft withdrawn before it was published is as unknown as a draft.
     * A curator is an owner, not a key: the keys an admin gave the same owner (a curator's laptop and their import
     * job, a key and its replacement) share their drafts.
     */
    static boolean visibleTo(CaseStudy caseStudy, KeyHolder viewer) {
        boolean isPublic = caseStudy.status == CaseStudyStatus.PUBLISHED
                || caseStudy.status == CaseStudyStatus.WITHDRAWN && caseStudy.publishedOnce();
        return isPublic || viewer != null && (viewer.isEditor() || Objects.equals(viewer.owner(), caseStudy.owner));
    }
}
