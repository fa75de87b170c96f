package org.integrationevidence.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The vocabulary as loaded in one query: the groups, and each group's domains, in the framework's order. */
final class OutcomeDomainTree {

    private static final Comparator<OutcomeDomain> IN_ORDER =
            Comparator.comparingInt((OutcomeDomain d) -> d.position).thenComparing(d -> d.slug);

    private final Map<String, OutcomeDomain> bySlug = new HashMap<>();
    private final Map<Long, List<OutcomeDomain>> children = new HashMap<>();
    private final List<OutcomeDomain> groups = new ArrayList<>();

    OutcomeDomainTree(List<OutcomeDomain> domains) {
        for (OutcomeDomain domain : domains) {
            bySlug.put(domain.slug, domain);
            if (domain.parent == null) {
                groups.add(domain);
            } else {
                children.computeIfAbsent(domain.parent.id, id -> new ArrayList<>()).add(domain);
            }
        }
        groups.sort(IN_ORDER);
        children.values().forEach(list -> list.sort(IN_ORDER));
    }

    Optional<OutcomeDomain> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The top of the tree: the groups, in order. */
    List<OutcomeDomain> groups() {
        return groups;
    }

    List<OutcomeDomain> childrenOf(OutcomeDomain domain) {
        return children.getOrDefault(domain.id, List.of());
    }

    int size() {
        return bySlug.size();
    }
}
