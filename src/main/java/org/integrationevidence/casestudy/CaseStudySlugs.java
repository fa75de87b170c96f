package org.integrationevidence.casestudy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;

/**
 * The rules of slugs: a published case study's slug, and every slug it was renamed from, are public and unique for
 * good; before its first publication a case study's slug is unique among its owner's only, so that no curator learns
 * from a slug being taken that another's draft exists (see CaseStudy#slugScope). Editors see every slug.
 */
@ApplicationScoped
class CaseStudySlugs {

    /** Paths under /api/v1/case-studies/ that are not case studies: a case study with one would be unreachable. */
    private static final Set<String> RESERVED_SLUGS = Set.of("export");

    @Inject
    CaseStudyRepository caseStudies;

    @Inject
    SlugAliasRepository aliases;

    /**
     * Whether {@code slug} is taken for the case study {@code caseStudyId} (null: a new one) in {@code scope}, as
     * {@code actor} can tell: by a path of the collection itself, a former slug (always public), a public slug, or
     * another case study that the actor can see in the scope. A curator sees only their own unpublished slugs, so a
     * slug held by another curator's draft is free to them: they learn nothing of it. An editor sees every one.
     */
    boolean slugTaken(String slug, String scope, Long caseStudyId, KeyHolder actor) {
        if (RESERVED_SLUGS.contains(slug)) {
            return true;
        }
        SlugAlias alias = aliases.findById(slug);
        if (alias != null && !alias.caseStudyId.equals(caseStudyId)) {
            return true;
        }
        Set<String> scopes = actor.isEditor() ? null : new HashSet<>(List.of(CaseStudy.PUBLIC_SCOPE, scope));
        return caseStudies.slugExists(slug, scopes, caseStudyId);
    }

    String freeSlug(String title, String scope, KeyHolder author) {
        return Slugs.firstFree(title, slug -> slugTaken(slug, scope, null, author));
    }

    /**
     * Gives the case study a new slug. Once it has been published, the old one becomes an alias that redirects to it
     * for good and is never given to another case study (renaming back to an old slug of the same case study takes
     * that alias back); before, the old slug was never public, and is simply free again.
     */
    void rename(CaseStudy caseStudy, String newSlug, KeyHolder caller) {
        SlugAlias formerName = aliases.findById(newSlug);
        if (formerName != null && formerName.caseStudyId.equals(caseStudy.id)) {
            aliases.delete(formerName);
        } else if (slugTaken(newSlug, caseStudy.slugScope, caseStudy.id, caller)) {
            throw taken(newSlug);
        }
        if (caseStudy.publishedOnce()) {
            SlugAlias alias = new SlugAlias();
            alias.slug = caseStudy.slug;
            alias.caseStudyId = caseStudy.id;
            alias.createdAt = Timestamps.now();
            aliases.persist(alias);
        }
        caseStudy.slug = newSlug;
    }

    /**
     * A case study about to be published for the first time takes its slug into the public scope, where it must be
     * free: of every other case study's (the publisher is an editor, who sees every draft) and of every former slug.
     */
    void publish(CaseStudy caseStudy, KeyHolder publisher) {
        if (caseStudy.publishedOnce()) {
            return;
        }
        if (slugTaken(caseStudy.slug, CaseStudy.PUBLIC_SCOPE, caseStudy.id, publisher)) {
            throw new ApiException(ProblemType.SLUG_TAKEN, "Another case study already has the slug \"" + caseStudy.slug
                    + "\": give this one another slug before publishing it.");
        }
        caseStudy.slugScope = CaseStudy.PUBLIC_SCOPE;
    }

    /** The status a created case study gets: the one asked for, else published for editors and draft for curators. */
    static CaseStudyStatus statusOnCreate(CaseStudyInput input, KeyHolder author) {
        return input.status() != null ? input.status() : author.isEditor() ? CaseStudyStatus.PUBLISHED : CaseStudyStatus.DRAFT;
    }

    /** The slug scope of a new case study: public when published at once, else its curator's (see CaseStudy#slugScope). */
    static String scopeOf(CaseStudyStatus status, KeyHolder author) {
        return status == CaseStudyStatus.PUBLISHED || author.owner() == null ? CaseStudy.PUBLIC_SCOPE : author.owner();
    }

    static ApiException taken(String slug) {
        return new ApiException(ProblemType.SLUG_TAKEN, "A case study with the slug \"" + slug + "\" already exists.");
    }
}
