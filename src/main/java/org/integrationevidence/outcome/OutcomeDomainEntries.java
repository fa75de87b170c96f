package org.integrationevidence.outcome;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The outcome domains as other features read them (filters, facets, the evidence gap map): every term with its group,
 * in the framework's order, each group before its domains.
 *
 * <p>Cache "outcome-domain entries", owned here: a read of the whole vocabulary, kept for at most a second, so that a
 * change made through another instance shows within a second; a change through this one calls {@link #invalidate()}
 * after its transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutcomeDomainEntries {

    @Inject
    EntityManager entities;

    /** A term: its slug, name, the slug of its group (null for a group) and its version. */
    public record Entry(String slug, String name, String parentSlug, long version) {
        public boolean isGroup() {
            return parentSlug == null;
        }
    }

    private static final long TTL_NANOS = 1_000_000_000L;

    private record Cached(Map<String, Entry> entries, String version, long loadedAtNanos) {
    }

    private volatile Cached cached;

    /** Every term by slug, in order: each group, then the domains under it, each by position. */
    public Map<String, Entry> entries() {
        return current().entries();
    }

    /** Changes whenever a term is added, changed or removed: for validators of answers that show the terms. */
    public String version() {
        return current().version();
    }

    /** Drops the cached read: the next one reads the database. */
    public void invalidate() {
        cached = null;
    }

    private Cached current() {
        Cached now = cached;
        if (now == null || System.nanoTime() - now.loadedAtNanos() > TTL_NANOS) {
            Map<String, Entry> entries = load();
            StringBuilder version = new StringBuilder();
            entries.values().forEach(e -> version.append(e.slug()).append(':').append(e.version()).append(','));
            now = new Cached(Collections.unmodifiableMap(entries), version.toString(), System.nanoTime());
            cached = now;
        }
        return now;
    }

    private Map<String, Entry> load() {
        List<OutcomeDomain> all = entities.createQuery("select d from OutcomeDomain d left join fetch d.parent",
                OutcomeDomain.class).getResultList();
        Comparator<OutcomeDomain> order = Comparator.<OutcomeDomain>comparingInt(d -> d.position).thenComparing(d -> d.slug);
        Map<String, Entry> entries = new LinkedHashMap<>();
        all.stream().filter(d -> d.parent == null).sorted(order).forEach(group -> {
            entries.put(group.slug, entry(group));
            all.stream().filter(d -> d.parent == group).sorted(order).forEach(d -> entries.put(d.slug, entry(d)));
        });
        return entries;
    }

    private static Entry entry(OutcomeDomain d) {
        return new Entry(d.slug, d.name, d.parent == null ? null : d.parent.slug, d.version == null ? 0 : d.version);
    }
}
