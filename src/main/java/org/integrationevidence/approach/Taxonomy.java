package org.integrationevidence.approach;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The approach tree as loaded in one query: who is whose child, and what lies below a node. */
final class Taxonomy {

    private static final Comparator<Approach> BY_NAME = Comparator.comparing((Approach a) -> a.name).thenComparing(a -> a.slug);

    private final Map<String, Approach> bySlug = new HashMap<>();
    private final Map<Long, List<Approach>> children = new HashMap<>();
    private final List<Approach> roots = new ArrayList<>();

    Taxonomy(List<Approach> approaches) {
        for (Approach approach : approaches) {
            bySlug.put(approach.slug, approach);
            if (approach.parent == null) {
                roots.add(approach);
            } else {
                children.computeIfAbsent(approach.parent.id, id -> new ArrayList<>()).add(approach);
            }
        }
        roots.sort(BY_NAME);
        children.values().forEach(list -> list.sort(BY_NAME));
    }

    Optional<Approach> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    List<Approach> roots() {
        return roots;
    }

    List<Approach> childrenOf(Approach approach) {
        return children.getOrDefault(approach.id, List.of());
    }

    int size() {
        return bySlug.size();
    }

    /** The ids of the approach and everything below it. */
    Set<Long> selfAndDescendantIds(Approach approach) {
        Set<Long> ids = new LinkedHashSet<>();
        Deque<Approach> pending = new ArrayDeque<>(List.of(approach));
        while (!pending.isEmpty()) {
            Approach next = pending.pop();
            if (ids.add(next.id)) {
                pending.addAll(childrenOf(next));
            }
        }
        return ids;
    }
}
