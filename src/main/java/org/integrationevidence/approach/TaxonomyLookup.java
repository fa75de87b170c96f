package org.integrationevidence.approach;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

/**
 * Resolves approach slugs for other features (tagging and filtering case studies), so that they depend on the
 * taxonomy without depending on the service that changes it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TaxonomyLookup {

    private static final long ENTRIES_TTL_NANOS = 1_000_000_000L;

    static final String SEE_TAXONOMY = " is not an approach in the taxonomy; see GET /api/v1/approaches";

    @Inject
    ApproachRepository approaches;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Checks the approach slugs of a list filter against the taxonomy's entries: every unknown slug is reported in
     * one 400, so that a typo is told rather than silently matching nothing.
     */
    public static void requireKnown(List<String> slugs, Map<String, Entry> entries) {
        List<FieldError> errors = slugs.stream().filter(slug -> !entries.containsKey(slug))
                .map(slug -> new FieldError("approach", "\"" + slug + "\"" + SEE_TAXONOMY))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /**
     * The approaches given and every approach under them, at any depth, as the approach filter reads the taxonomy: a
     * mapping, a set or a filter on an approach holds for the approaches under it.
     */
    public static Set<String> selfAndNarrower(Collection<String> slugs, Map<String, Entry> entries) {
        Set<String> found = new LinkedHashSet<>(slugs);
        boolean grew = !found.isEmpty();
        while (grew) {
            grew = false;
            for (Entry entry : entries.values()) {
                if (entry.parentSlug() != null && found.contains(entry.parentSlug()) && found.add(entry.slug())) {
                    grew = true;
                }
            }
        }
        return found;
    }

    /** The approaches to tag a case study with; each slug that is not in the taxonomy adds a field error. */
    public Set<Approach> resolveForTagging(List<String> slugs, List<FieldError> errors) {
        Taxonomy taxonomy = load();
        Set<Approach> resolved = new LinkedHashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            String field = "approaches[" + i + "]";
            taxonomy.find(slug).ifPresentOrElse(resolved::add,
                    () -> errors.add(new FieldError(field, "\"" + slug + "\"" + SEE_TAXONOMY)));
        }
        return resolved;
    }

    /** An approach as other features show it: its slug, name and the slug of its broader approach. */
    public record Entry(String slug, String name, String parentSlug) {
    }

    /**
     * Where the taxonomy is at, for HTTP validators of answers that show approach names: {@code version} changes with
     * every creation, change (each changes the approach's own version) and deletion of an approach; {@code lastChange}
     * is the newest approach's change time (a deletion leaves no time behind, so only the version tells of it).
     */
    public record Version(String version, Instant lastChange) {
        // version lists every approach's id and version: validators hash it, so its length does not matter.
    }

    /** A read of the taxonomy, and when it was made. */
    private record CachedEntries(Map<String, Entry> entries, Version version, long loadedAtNanos) {
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile CachedEntries cached;

    /**
     * Every approach of the taxonomy, by slug. Searches ask for it on every request, so it is cached: for at most
     * {@link #ENTRIES_TTL_NANOS} (changes made through another instance), and dropped as soon as a change made
     * here commits.
     */
    public Map<String, Entry> entries() {
        return cachedEntries().entries();
    }

    /** Where the taxonomy is at; cached with {@link #entries()}. */
    public Version version() {
        return cachedEntries().version();
    }

    private CachedEntries cachedEntries() {
        CachedEntries current = cached;
        if (current != null && System.nanoTime() - current.loadedAtNanos() < ENTRIES_TTL_NANOS) {
            return current;
        }
        long loadingGeneration = generation.get();
        Map<String, Entry> entries = new HashMap<>();
        TreeMap<Long, Long> versions = new TreeMap<>();
        Instant lastChange = Instant.EPOCH;
        for (Approach approach : approaches.listAll()) {
            entries.put(approach.slug, new Entry(approach.slug, approach.name,
                    approach.parent == null ? null : approach.parent.slug));
            versions.put(approach.id, approach.version);
            if (approach.updatedAt != null && approach.updatedAt.isAfter(lastChange)) {
                lastChange = approach.updatedAt;
            }
        }
        CachedEntries loaded = new CachedEntries(Map.copyOf(entries),
                new Version(versions.toString(), lastChange),
                System.nanoTime());
        // A change that committed while this read ran may not be in it: then it is not kept.
        if (generation.get() == loadingGeneration) {
            cached = loaded;
        }
        return loaded;
    }

    /** Drops the cached taxonomy now and again when the current transaction, which changes the taxonomy, ends. */
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

    Taxonomy load() {
        return new Taxonomy(approaches.listAll());
    }
}
