package org.integrationevidence.casestudy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;


import org.integrationevidence.approach.Approach;
import org.integrationevidence.approach.ApproachUsage;
import org.integrationevidence.journal.ChangeJournal;

/**
 * What other features may ask of the case studies, in the shapes they need and never as entities: the search index
 * reads published case studies to index them and checks which of its hits are still servable, exports and lists in
 * full formats read views, the taxonomy asks how an approach is used ({@link ApproachUsage}).
 */
@ApplicationScoped
@Transactional
public class CaseStudyCatalogue implements ApproachUsage {

    /** Who the revisions of changes made by the service itself, not by a key holder, name. */
    static final String SYSTEM_AUTHOR = "system";

    @Inject
    CaseStudyRepository caseStudies;

    @Inject
    CaseStudyLookup lookup;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    RevisionHistory revisions;

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

    /**
     * The case studies with these ids that are in one of the statuses now, in the order of the ids, in full. Each call
     * is a transaction of its own, so that a long export holds one batch of entities in memory at a time.
     */
    @Transactional
    public List<CaseStudyView> views(List<Long> ids, Set<CaseStudyStatus> statuses) {
        Map<Long, CaseStudy> byId = caseStudies.findWithIds(ids).stream()
                .filter(caseStudy -> statuses.contains(caseStudy.status))
                .collect(Collectors.toMap(caseStudy -> caseStudy.id, caseStudy -> caseStudy));
        return ids.stream().map(byId::get).filter(Objects::nonNull).map(CaseStudyMapper::toView).toList();
    }

    /** The case studies with these ids that are in one of the statuses now, in full, by id. */
    @Transactional
    public Map<Long, CaseStudyView> viewsById(Collection<Long> ids, Set<CaseStudyStatus> statuses) {
        return caseStudies.findWithIds(List.copyOf(ids)).stream()
                .filter(caseStudy -> statuses.contains(caseStudy.status))
                .collect(Collectors.toMap(caseStudy -> caseStudy.id, CaseStudyMapper::toView));
    }

    /**
     * The listed case studies in full, in the list's order, read in one query: for a page of a list served in a
     * format that carries every field (CSV). Each is left out if it has left the status it was listed in since the
     * index answered, as an export leaves it out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CaseStudyView> viewsOf(List<CaseStudySummary> listed) {
        Map<String, CaseStudy> bySlug = caseStudies.findWithPublicSlugs(listed.stream().map(CaseStudySummary::slug).toList())
                .stream().collect(Collectors.toMap(caseStudy -> caseStudy.slug, caseStudy -> caseStudy));
        return listed.stream()
                .map(summary -> {
                    CaseStudy caseStudy = bySlug.get(summary.slug());
                    return caseStudy != null && caseStudy.status == summary.status() ? caseStudy : null;
                })
                .filter(Objects::nonNull).map(CaseStudyMapper::toView).toList();
    }

    /** The id of a published case study, or 404 / 410 as for an anonymous GET. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long servableId(String slug) {
        return lookup.findVisible(CaseStudyRef.of(slug), null).id;
    }

    /** The indexable form of the case studies with these ids; ids that no longer exist are left out. */
    public List<IndexableCaseStudy> indexable(Collection<Long> ids) {
        return caseStudies.findWithIds(ids).stream().map(this::toIndexable).toList();
    }

    /** Up to {@code limit} case studies in id order after {@code afterId}, in indexable form: to rebuild an index. */
    public List<IndexableCaseStudy> indexableAfter(long afterId, int limit) {
        return caseStudies.findAfterId(afterId, limit).stream().map(this::toIndexable).toList();
    }

    /** For each approach id, the ids of the published case studies tagged with it directly. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Long>> publishedIdsByApproach() {
        return caseStudies.publishedCaseStudiesByApproach();
    }

    /** How many draft or published case studies are tagged with the approach. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public long countLiveTaggedWith(Approach approach) {
        return caseStudies.countTaggedWith(approach, List.of(CaseStudyStatus.DRAFT, CaseStudyStatus.IN_REVIEW, CaseStudyStatus.PUBLISHED));
    }

    /** Removes an approach from withdrawn case studies, which can no longer be edited, before it is deleted. */
    @Override
    public void untagWithdrawn(Approach approach) {
        List<CaseStudy> tagged = caseStudies.findTaggedWith(approach, CaseStudyStatus.WITHDRAWN);
        tagged.forEach(caseStudy -> caseStudy.approaches.remove(approach));
        caseStudies.flush();
        String reason = "The approach \"" + approach.slug + "\" was deleted from the taxonomy.";
        tagged.forEach(caseStudy -> {
            revisions.record(caseStudy, RevisionAction.UNTAG, reason, SYSTEM_AUTHOR);
            journal.record(caseStudy.id);
        });
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
                List.copyOf(c.targetGroups), c.findings.stream().map(f -> new IndexableCaseStudy.IndexedFinding(f.statement,
                        f.domain == null ? null : f.domain.slug,
                        f.domain == null || f.domain.parent == null ? null : f.domain.parent.slug, f.direction,
                        f.evidenceLevel != null ? f.evidenceLevel : c.evidenceLevel)).toList(), c.evidenceLevel, c.updatedAt,
                CaseStudyMapper.toSummary(c));
    }
}
