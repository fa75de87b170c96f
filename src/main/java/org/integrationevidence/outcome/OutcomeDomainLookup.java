package org.integrationevidence.outcome;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Resolves outcome domain slugs for other features (the findings of case studies) and tells where the vocabulary is
 * at, for the validators of its answers, so that they depend on the vocabulary without depending on the service that
 * changes it. Its cache ("outcome domains") is owned here; an entry stops being served after its time to live
 * (changes made through another instance) and at once when a local change of the vocabulary commits.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OutcomeDomainLookup {

    private static final long ENTRIES_TTL_NANOS = 1_000_000_000L;

    static final String SEE_VOCABULARY = " is not an outcome domain; see GET /api/v1/outcome-domains";

    @Inject
    OutcomeDomainRepository domains;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A domain or group as other features show it: its slug, name and the slug of its group (null for a group). */
    public record Entry(String slug, String name, String parentSlug) {

        public boolean isGroup() {
            return parentSlug == null;
        }
    }

    /**
     * Where the vocabulary is at: {@code version} changes with every creation, change (each changes the domain's own
     * version) and deletion of a domain; {@code lastChange} is the newest domain's change time (a deletion leaves no
     * time behind, so only the version tells of it).
     */
    public record Version(String version, Instant lastChange) {
    }

    /** A read of the vocabulary, and when it was made. */
    private record CachedEntries(Map<String, Entry> entries, Version version, long loadedAtNanos) {
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile CachedEntries cached;

    /**
     * Every domain and group, by slug, in the framework's order (each group, then the domains under it, by position);
     * cached for at most a second, dropped when a local change commits.
     */
    public Map<String, Entry> entries() {
        return cachedEntries().entries();
    }

    /** Where the vocabulary is at; cached with {@link #entries()}. */
    public Version version() {
        return cachedEntries().version();
    }

    private CachedEntries cachedEntries() {
        CachedEntries current = cached;
        if (current != null && System.nanoTime() - current.loadedAtNanos() < ENTRIES_TTL_NANOS) {
            return current;
        }
        long loadingGeneration = generation.get();
        Map<String, Entry> entries = new LinkedHashMap<>();
        TreeMap<Long, Long> versions = new TreeMap<>();
        Instant lastChange = Instant.EPOCH;
        List<OutcomeDomain> all = domains.listAll();
        OutcomeDomainTree tree = new OutcomeDomainTree(all);
        for (OutcomeDomain group : tree.groups()) {
            entries.put(group.slug, new Entry(group.slug, group.name, null));
            tree.childrenOf(group).forEach(domain -> entries.put(domain.slug, new Entry(domain.slug, domain.name, group.slug)));
        }
        for (OutcomeDomain domain : all) {
            versions.put(domain.id, domain.version);
            if (domain.updatedAt != null && domain.updatedAt.isAfter(lastChange)) {
                lastChange = domain.updatedAt;
            }
        }
        CachedEntries loaded = new CachedEntries(Collections.unmodifiableMap(entries), new Version(versions.toString(), lastChange),
                System.nanoTime());
        // A change that committed while this read ran may not be in it: then it is not kept.
        if (generation.get() == loadingGeneration) {
            cached = loaded;
        }
        return loaded;
    }

    /** Drops the cached vocabulary now and again when the current transaction, which changes it, ends. */
    void invalidateAfterTransaction() {
        invalidate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                invalidate();
            }
        });
    }

    private void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }

    OutcomeDomainTree load() {
        return new OutcomeDomainTree(domains.listAll());
    }
}
