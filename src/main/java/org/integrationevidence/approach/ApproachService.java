package org.integrationevidence.approach;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.integrationevidence.http.Page;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.persistence.UniqueConstraints;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;

/** The approach taxonomy: reading the tree, and the rules for changing it. */
@ApplicationScoped
@Transactional
public class ApproachService {

    @Inject
    ApproachRepository approaches;

    @Inject
    TaxonomyLookup taxonomyLookup;

    @Inject
    ApproachUsage usage;

    @Inject
    ChangeJournal journal;

    /**
     * The whole tree, each node counting the published case studies tagged with it or below it, given for each
     * approach id the ids of the published case studies tagged with it directly.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApproachNode> tree(Map<Long, List<Long>> publishedByApproach) {
        Taxonomy taxonomy = taxonomyLookup.load();
        List<ApproachNode> roots = taxonomy.roots().stream().map(root -> node(root, taxonomy, publishedByApproach)).toList();
        return new Page<>(roots, taxonomy.size(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApproachFacts get(String slug) {
        Approach approach = approaches.findBySlug(slug).orElseThrow(() -> notFound(slug));
        return facts(approach, taxonomyLookup.load());
    }

    /** A 404 unless the approach exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireExists(String slug) {
        approaches.findBySlug(slug).orElseThrow(() -> notFound(slug));
    }

    public ApproachFacts create(@NotNull(message = ApiException.BODY_REQUIRED) @Valid ApproachInput input) {
        Taxonomy taxonomy = taxonomyLookup.load();
        Approach parent = resolveParent(input.parent(), taxonomy, null);
        String slug = input.slug() == null
                ? Slugs.firstFree(input.name(), candidate -> taxonomy.find(candidate).isPresent())
                : input.slug();
        if (input.slug() != null && taxonomy.find(slug).isPresent()) {
            throw slugTaken(slug);
        }
        Approach approach = new Approach();
        approach.slug = slug;
        approach.createdAt = Timestamps.now();
        approach.updatedAt = approach.createdAt;
        apply(input, parent, approach);
        UniqueConstraints.flushOr(() -> approaches.persistAndFlush(approach), slugTaken(slug));
        journal.recordTaxonomyChange(slug, ChangeJournal.TaxonomyChange.CREATED);
        taxonomyLookup.invalidateAfterTransaction();
        return facts(approach, taxonomyLookup.load());
    }

    public ApproachFacts replace(String slug, @NotNull(message = ApiException.BODY_REQUIRED) @Valid ApproachInput input) {
        Approach approach = approaches.findBySlug(slug).orElseThrow(() -> notFound(slug));
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ApiException.invalid("slug", "must equal the slug in the URL (\"" + slug + "\"); approaches cannot be renamed");
        }
        Taxonomy taxonomy = taxonomyLookup.load();
        Approach parent = resolveParent(input.parent(), taxonomy, approach);
        boolean searchTermsChange = !input.name().strip().equals(approach.name) || parent != approach.parent;
        apply(input, parent, approach);
        approach.updatedAt = Timestamps.now();
        approaches.flush();
        if (searchTermsChange) {
            // The case studies tagged with it are unchanged, but what search knows of them is not. After the flush:
            // the journal insert is SQL, which would otherwise flush (and version) the approach early.
            journal.recordTaggedWithAny(taxonomy.selfAndDescendantIds(approach));
        }
        journal.recordTaxonomyChange(slug, ChangeJournal.TaxonomyChange.UPDATED);
        taxonomyLookup.invalidateAfterTransaction();
        return facts(approach, taxonomyLookup.load());
    }

    /**
     * Deletes an approach that has no narrower approaches and tags no draft or published case study. Withdrawn
     * case studies cannot be retagged, so they simply lose the tag rather than block the taxonomy for ever.
     */
    public void delete(String slug) {
        Approach approach = approaches.findBySlug(slug).orElseThrow(() -> notFound(slug));
        long children = approaches.countChildren(approach);
        if (children > 0) {
            throw new ApiException(ProblemType.IN_USE, "The approach \"" + slug + "\" has " + children
                    + " narrower approach(es). Delete them or move them under another approach first.");
        }
        long used = usage.countLiveTaggedWith(approach);
        if (used > 0) {
            throw new ApiException(ProblemType.IN_USE, "The approach \"" + slug + "\" is used by " + used
                    + " case stud" + (used == 1 ? "y" : "ies") + ". Retag them before deleting it.");
        }
        usage.untagWithdrawn(approach);
        approaches.delete(approach);
        journal.recordTaxonomyChange(slug, ChangeJournal.TaxonomyChange.DELETED);
        taxonomyLookup.invalidateAfterTransaction();
    }

    private static ApproachFacts facts(Approach approach, Taxonomy taxonomy) {
        return new ApproachFacts(approach.slug, approach.name, approach.definition,
                approach.parent == null ? null : ApproachRef.of(approach.parent),
                taxonomy.childrenOf(approach).stream().map(ApproachRef::of).toList(),
                approach.createdAt, approach.updatedAt, approach.version);
    }

    private static ApproachNode node(Approach approach, Taxonomy taxonomy, Map<Long, List<Long>> tagged) {
        Set<Long> caseStudyIds = new HashSet<>();
        for (Long id : taxonomy.selfAndDescendantIds(approach)) {
            caseStudyIds.addAll(tagged.getOrDefault(id, List.of()));
        }
        List<ApproachNode> children = new ArrayList<>();
        for (Approach child : taxonomy.childrenOf(approach)) {
            children.add(node(child, taxonomy, tagged));
        }
        return new ApproachNode(approach.slug, approach.name, approach.definition, caseStudyIds.size(), children);
    }

    /** The parent named by the input; it must exist and must not be the approach itself or below it. */
    private static Approach resolveParent(String parentSlug, Taxonomy taxonomy, Approach self) {
        if (parentSlug == null) {
            return null;
        }
        Approach parent = taxonomy.find(parentSlug).orElseThrow(() -> ApiException.invalid("parent",
                "\"" + parentSlug + "\"" + TaxonomyLookup.SEE_TAXONOMY));
        if (self != null && taxonomy.selfAndDescendantIds(self).contains(parent.id)) {
            throw ApiException.invalid("parent", "cannot be the approach itself or one of its narrower approaches");
        }
        return parent;
    }

    private static void apply(ApproachInput input, Approach parent, Approach target) {
        target.name = input.name().strip();
        target.definition = input.definition().strip();
        target.parent = parent;
    }

    private static ApiException slugTaken(String slug) {
        return new ApiException(ProblemType.SLUG_TAKEN, "An approach with the slug \"" + slug + "\" already exists.");
    }

    private static ApiException notFound(String slug) {
        return ApiException.notFound("There is no approach with the slug \"" + slug + "\".");
    }
}
