package org.integrationevidence.outcome;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.integrationevidence.http.Page;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.persistence.UniqueConstraints;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;

/**
 * The outcome domain vocabulary: reading the tree, and the rules for changing it. The tree is two levels deep: groups
 * at the top, domains under them; siblings keep the order of their positions.
 */
@ApplicationScoped
@Transactional
public class OutcomeDomainService {

    @Inject
    OutcomeDomainRepository domains;

    @Inject
    OutcomeDomainLookup lookup;

    @Inject
    OutcomeDomainUsage usage;

    /** The whole tree: the groups in `items`, each with its domains as children. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OutcomeDomainNode> tree() {
        OutcomeDomainTree tree = lookup.load();
        List<OutcomeDomainNode> groups = tree.groups().stream().map(group -> node(group, tree)).toList();
        return new Page<>(groups, tree.size(), null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OutcomeDomainView get(String slug) {
        OutcomeDomain domain = domains.findBySlug(slug).orElseThrow(() -> notFound(slug));
        return view(domain, lookup.load());
    }

    /** A 404 unless the domain exists. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireExists(String slug) {
        domains.findBySlug(slug).orElseThrow(() -> notFound(slug));
    }

    /** Adds a group, or a domain under a group, after its last sibling. */
    public OutcomeDomainView create(@NotNull(message = ApiException.BODY_REQUIRED) @Valid OutcomeDomainInput input) {
        OutcomeDomainTree tree = lookup.load();
        OutcomeDomain parent = resolveParent(input.parent(), tree, null);
        String slug = input.slug() == null
                ? Slugs.firstFree(input.name(), candidate -> tree.find(candidate).isPresent())
                : input.slug();
        if (input.slug() != null && tree.find(slug).isPresent()) {
            throw slugTaken(slug);
        }
        OutcomeDomain domain = new OutcomeDomain();
        domain.slug = slug;
        domain.position = domains.lastPosition(parent) + 1;
        domain.createdAt = Timestamps.now();
        domain.updatedAt = domain.createdAt;
        apply(input, parent, domain);
        UniqueConstraints.flushOr(() -> domains.persistAndFlush(domain), slugTaken(slug));
        lookup.invalidateAfterTransaction();
        return view(domain, lookup.load());
    }

    /**
     * Replaces the name, definition and group of a domain. A domain moved to another group goes after that group's
     * last domain; otherwise it keeps its place.
     */
    public OutcomeDomainView replace(String slug, @NotNull(message = ApiException.BODY_REQUIRED) @Valid OutcomeDomainInput input) {
        OutcomeDomain domain = domains.findBySlug(slug).orElseThrow(() -> notFound(slug));
        if (input.slug() != null && !input.slug().equals(slug)) {
            throw ApiException.invalid("slug", "must equal the slug in the URL (\"" + slug + "\"); outcome domains cannot be renamed");
        }
        OutcomeDomainTree tree = lookup.load();
        OutcomeDomain parent = resolveParent(input.parent(), tree, domain);
        if (parent != domain.parent) {
            domain.position = domains.lastPosition(parent) + 1;
        }
        apply(input, parent, domain);
        domain.updatedAt = Timestamps.now();
        domains.flush();
        // After the flush: the journal inserts are SQL, which would otherwise flush (and version) the domain early.
        usage.findingsInChanged(domain);
        lookup.invalidateAfterTransaction();
        return view(domain, lookup.load());
    }

    /** Deletes a domain under which no finding is filed, or a group without domains. */
    public void delete(String slug) {
        OutcomeDomain domain = domains.findBySlug(slug).orElseThrow(() -> notFound(slug));
        long children = domains.countChildren(domain);
        if (children > 0) {
            throw new ApiException(ProblemType.IN_USE, "The group \"" + slug + "\" has " + children
                    + " outcome domain(s). Delete them or move them to another group first.");
        }
        long findings = usage.countFindingsIn(domain);
        if (findings > 0) {
            throw new ApiException(ProblemType.IN_USE, "The outcome domain \"" + slug + "\" has " + findings
                    + " finding(s) filed under it. File them under another domain before deleting it.");
        }
        domains.delete(domain);
        lookup.invalidateAfterTransaction();
    }

    private static OutcomeDomainView view(OutcomeDomain domain, OutcomeDomainTree tree) {
        return new OutcomeDomainView(domain.slug, domain.name, domain.definition,
                domain.parent == null ? null : OutcomeDomainRef.of(domain.parent),
                tree.childrenOf(domain).stream().map(OutcomeDomainRef::of).toList(),
                domain.position, domain.createdAt, domain.updatedAt, domain.version);
    }

    private static OutcomeDomainNode node(OutcomeDomain domain, OutcomeDomainTree tree) {
        return new OutcomeDomainNode(domain.slug, domain.name, domain.definition,
                tree.childrenOf(domain).stream().map(child -> node(child, tree)).toList());
    }

    /**
     * The group named by the input: it must exist and be a group (the tree is two levels deep), and a domain that is
     * itself a group with domains cannot move under one.
     */
    private static OutcomeDomain resolveParent(String parentSlug, OutcomeDomainTree tree, OutcomeDomain self) {
        if (parentSlug == null) {
            return null;
        }
        OutcomeDomain parent = tree.find(parentSlug).orElseThrow(() -> ApiException.invalid("parent",
                "\"" + parentSlug + "\"" + OutcomeDomainLookup.SEE_VOCABULARY));
        if (self != null && parent.id.equals(self.id)) {
            throw ApiException.invalid("parent", "cannot be the outcome domain itself");
        }
        if (parent.parent != null) {
            throw ApiException.invalid("parent", "\"" + parentSlug + "\" is a domain, not a group: a domain's parent "
                    + "must be a group, since outcome domains are at most two levels deep");
        }
        if (self != null && !tree.childrenOf(self).isEmpty()) {
            throw ApiException.invalid("parent", "\"" + self.slug + "\" is a group with domains and cannot be put under "
                    + "another group, since outcome domains are at most two levels deep");
        }
        return parent;
    }

    private static void apply(OutcomeDomainInput input, OutcomeDomain parent, OutcomeDomain target) {
        target.name = input.name().strip();
        target.definition = input.definition().strip();
        target.parent = parent;
    }

    private static ApiException slugTaken(String slug) {
        return new ApiException(ProblemType.SLUG_TAKEN, "An outcome domain with the slug \"" + slug + "\" already exists.");
    }

    private static ApiException notFound(String slug) {
        return ApiException.notFound("There is no outcome domain with the slug \"" + slug + "\".");
    }
}
