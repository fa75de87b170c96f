package org.integrationevidence.casestudy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.integrationevidence.approach.Approach;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.common.ApiException;
import org.integrationevidence.common.FieldError;
import org.integrationevidence.common.ProblemType;
import org.integrationevidence.common.Slugs;
import org.integrationevidence.common.Timestamps;
import org.integrationevidence.common.UniqueConstraints;

/**
 * Every read and write of case studies goes through here, so that rules (validation, visibility, and later
 * roles and revisions) live in one place and no resource touches an entity.
 */
@ApplicationScoped
@Transactional
public class CaseStudyService {

    /** Size of the body_html column: escaping and markup can make the HTML several times longer than the Markdown. */
    static final int MAX_BODY_HTML_LENGTH = 400_000;

    @Inject
    CaseStudyRepository caseStudies;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    ChangeJournal journal;

    /**
     * Which of these case studies exist now in one of the statuses: search results come from the index, which may
     * be a moment behind, and are only served if the database agrees.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> idsIn(Collection<Long> ids, Set<CaseStudyStatus> statuses) {
        return ids.isEmpty() ? Set.of() : Set.copyOf(caseStudies.findIdsIn(ids, statuses));
    }

    /** The id of a case study that may be served, or 404 / 410 as for a GET. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long servableId(String slug) {
        return findServable(slug).id;
    }

    /** The indexable form of the case studies with these ids; ids that no longer exist are left out. */
    public List<IndexableCaseStudy> indexable(Collection<Long> ids) {
        return caseStudies.findWithIds(ids).stream().map(this::toIndexable).toList();
    }

    /** Up to {@code limit} case studies in id order after {@code afterId}, in indexable form: to rebuild an index. */
    public List<IndexableCaseStudy> indexableAfter(long afterId, int limit) {
        return caseStudies.findAfterId(afterId, limit).stream().map(this::toIndexable).toList();
    }

    /** A case study by slug: published and draft ones are served; a withdrawn one is 410 Gone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CaseStudyView get(String slug) {
        return CaseStudyMapper.toView(findServable(slug));
    }

    public CaseStudyView create(@NotNull(message = ApiException.BODY_REQUIRED) @Valid CaseStudyInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.status() == CaseStudyStatus.WITHDRAWN) {
            errors.add(new FieldError("status", "must be draft or published; withdraw a case study with DELETE"));
        }
        String bodyHtml = markdown.toSafeHtml(input.body());
        Set<Approach> tagged = checkContent(input, bodyHtml, errors);
        String slug = input.slug() == null ? Slugs.firstFree(input.title(), caseStudies::slugExists) : input.slug();
        if (input.slug() != null && caseStudies.slugExists(slug)) {
            throw slugTaken(slug);
        }
        CaseStudy caseStudy = new CaseStudy();
        caseStudy.slug = slug;
        caseStudy.status = input.status() == null ? CaseStudyStatus.PUBLISHED : input.status();
        caseStudy.createdAt = Timestamps.now();
        caseStudy.updatedAt = caseStudy.createdAt;
        CaseStudyMapper.apply(input, tagged, bodyHtml, caseStudy);
        UniqueConstraints.flushOr(() -> caseStudies.persistAndFlush(caseStudy), slugTaken(slug));
        journal.record(caseStudy.id);
        return CaseStudyMapper.toView(caseStudy);
    }

    /** Full replace: every client-owned field takes the new value; an absent status keeps the current one. */
    public CaseStudyView replace(String slug, @NotNull(message = ApiException.BODY_REQUIRED) @Valid CaseStudyInput input) {
        CaseStudy caseStudy = findServable(slug);
        List<FieldError> errors = new ArrayList<>();
        if (input.slug() != null && !input.slug().equals(slug)) {
            errors.add(new FieldError("slug", "must equal the slug in the URL (\"" + slug + "\"); case studies cannot be renamed"));
        }
        if (input.status() == CaseStudyStatus.WITHDRAWN) {
            errors.add(new FieldError("status", "must be draft or published; withdraw a case study with DELETE"));
        }
        String bodyHtml = markdown.toSafeHtml(input.body());
        Set<Approach> tagged = checkContent(input, bodyHtml, errors);
        CaseStudyMapper.apply(input, tagged, bodyHtml, caseStudy);
        if (input.status() != null) {
            caseStudy.status = input.status();
        }
        caseStudy.updatedAt = Timestamps.now();
        caseStudies.flush();
        journal.record(caseStudy.id);
        return CaseStudyMapper.toView(caseStudy);
    }

    /** Withdraws a case study: the row is kept for the record, and the slug answers 410 Gone from now on. */
    public void withdraw(String slug) {
        CaseStudy caseStudy = findServable(slug);
        caseStudy.status = CaseStudyStatus.WITHDRAWN;
        caseStudy.updatedAt = Timestamps.now();
        journal.record(caseStudy.id);
    }

    /**
     * Records a change of every case study tagged with one of the approaches, whose names or place in the tree
     * changed: the case studies themselves are unchanged, but what search knows of them is not.
     */
    public void recordTaxonomyChange(Collection<Long> approachIds) {
        journal.recordTaggedWithAny(approachIds);
    }

    /** How many draft or published case studies are tagged with the approach. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countLiveTaggedWith(Approach approach) {
        return caseStudies.countTaggedWith(approach, List.of(CaseStudyStatus.DRAFT, CaseStudyStatus.PUBLISHED));
    }

    /** Removes an approach from withdrawn case studies, which can no longer be edited, before it is deleted. */
    public void untagWithdrawn(Approach approach) {
        List<CaseStudy> tagged = caseStudies.findTaggedWith(approach, CaseStudyStatus.WITHDRAWN);
        tagged.forEach(caseStudy -> caseStudy.approaches.remove(approach));
        caseStudies.flush();
        tagged.forEach(caseStudy -> journal.record(caseStudy.id));
    }

    /** For each approach id, the ids of the published case studies tagged with it directly. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Long>> publishedIdsByApproach() {
        return caseStudies.publishedCaseStudiesByApproach();
    }

    private CaseStudy findServable(String slug) {
        CaseStudy caseStudy = caseStudies.findBySlug(slug).orElseThrow(() ->
                ApiException.notFound("There is no case study with the slug \"" + slug + "\"."));
        if (caseStudy.status == CaseStudyStatus.WITHDRAWN) {
            throw new ApiException(ProblemType.GONE, "The case study \"" + slug + "\" has been withdrawn.");
        }
        return caseStudy;
    }

    /** Checks what Bean Validation cannot see alone: taxonomy slugs, rules across fields, the rendered body's size. */
    private Set<Approach> checkContent(CaseStudyInput input, String bodyHtml, List<FieldError> errors) {
        Set<Approach> tagged = taxonomy.resolveForTagging(input.approaches(), errors);
        Period period = input.period();
        if (period != null) {
            if (period.startYear() != null && period.endYear() != null && period.endYear() < period.startYear()) {
                errors.add(new FieldError("period.endYear", "must not be before period.startYear"));
            }
            if (Boolean.TRUE.equals(period.ongoing()) && period.endYear() != null) {
                errors.add(new FieldError("period.ongoing", "cannot be true when period.endYear is given"));
            }
        }
        Place place = input.place();
        if ((place.latitude() == null) != (place.longitude() == null)) {
            errors.add(new FieldError(place.latitude() == null ? "place.latitude" : "place.longitude",
                    "must be given together with " + (place.latitude() == null ? "place.longitude" : "place.latitude")));
        }
        if (bodyHtml.length() > MAX_BODY_HTML_LENGTH) {
            errors.add(new FieldError("body", "renders to more than " + MAX_BODY_HTML_LENGTH
                    + " characters of HTML; shorten it or use less markup"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return tagged;
    }

    private static ApiException slugTaken(String slug) {
        return new ApiException(ProblemType.SLUG_TAKEN, "A case study with the slug \"" + slug + "\" already exists.");
    }

    private IndexableCaseStudy toIndexable(CaseStudy c) {
        List<String> organisations = new ArrayList<>(c.leadOrganisations);
        organisations.addAll(c.partnerOrganisations);
        Set<String> withBroader = new LinkedHashSet<>();
        for (Approach approach : c.approaches) {
            for (Approach step = approach; step != null && withBroader.add(step.slug); step = step.parent) {
                // walks up to the root; the set also stops a loop should the tree ever hold one
            }
        }
        return new IndexableCaseStudy(c.id, c.slug, c.status, c.title, c.summary, markdown.toPlainText(c.bodyMarkdown),
                c.placeName, c.localAuthority, c.region, c.countryCode, c.scale, c.startYear, c.endYear,
                Boolean.TRUE.equals(c.ongoing), organisations, c.approaches.stream().map(a -> a.slug).toList(),
                List.copyOf(withBroader), c.approaches.stream().map(a -> a.name).toList(), List.copyOf(c.themes),
                List.copyOf(c.targetGroups), List.copyOf(c.outcomes), c.evidenceLevel, c.updatedAt,
                CaseStudyMapper.toSummary(c));
    }
}
