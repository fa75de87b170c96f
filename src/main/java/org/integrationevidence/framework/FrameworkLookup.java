package org.integrationevidence.framework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

/**
 * The frameworks as other features read them: each scheme's concepts, and which concepts each approach is mapped to,
 * for the search index (a case study's framework codes) and for the validators of answers. Its cache ("frameworks")
 * is owned here; what it holds stops being served after its time to live (one second: mapping changes made through
 * another instance), and at once when a local change of a mapping commits; a read that raced such a commit is not
 * kept.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FrameworkLookup {

    /** The schemes' codes, which are also the names of their search filters, facets and map dimensions. */
    public static final List<String> SCHEMES = List.of("cbp", "gcm", "sdg");

    private static final long TTL_NANOS = 1_000_000_000L;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A concept as other features show it. */
    public record Concept(String scheme, String code, String kind, String title) {

        /** Its code and title, cut with an ellipsis to at most {@code max} characters: "16 Empower migrants ...". */
        public String label(int max) {
            String label = code + " " + title;
            return label.length() <= max ? label : label.substring(0, max - 1).stripTrailing() + "\u2026";
        }
    }

    /** A mapping as other features read it: "subject relation concept". */
    public record Mapping(long id, String scheme, String code, String subjectKind, String subjectSlug, MappingRelation relation) {
    }

    /** Where the mappings are at: changes with every creation, change and deletion of a mapping. */
    public record Version(String version, Instant lastChange) {
    }

    /** One read of every scheme's concepts and every mapping. */
    public record Frameworks(Map<String, Map<String, Concept>> concepts, List<Mapping> mappings, Version version) {

        /** The concepts of a scheme, by code, in the scheme's order; empty for an unknown scheme. */
        public Map<String, Concept> conceptsOf(String scheme) {
            return concepts.getOrDefault(scheme, Map.of());
        }

        /**
         * The codes, by scheme, of the concepts the given approaches are mapped to, whatever the relation. Pass an
         * approach with its broader approaches: a mapping of an approach holds for the approaches under it.
         */
        public Map<String, Set<String>> codesOf(Collection<String> approachSlugs) {
            Map<String, Set<String>> codes = new LinkedHashMap<>();
            SCHEMES.forEach(scheme -> codes.put(scheme, new TreeSet<>()));
            for (Mapping mapping : mappings) {
                if (FrameworkService.APPROACH.equals(mapping.subjectKind()) && approachSlugs.contains(mapping.subjectSlug())) {
                    codes.computeIfAbsent(mapping.scheme(), scheme -> new TreeSet<>()).add(mapping.code());
                }
            }
            return codes;
        }

        /** Every code of a filter on {@code scheme} that the scheme lacks, in one 400 naming the parameter. */
        public void requireKnown(String scheme, List<String> codes) {
            Map<String, Concept> known = conceptsOf(scheme);
            List<FieldError> errors = codes.stream().filter(code -> !known.containsKey(code))
                    .map(code -> new FieldError(scheme, "\"" + code + "\" is not a concept of the scheme \"" + scheme
                            + "\"; see GET /api/v1/frameworks/" + scheme))
                    .toList();
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
        }
    }

    private record Cached(Frameworks frameworks, long loadedAtNanos) {
    }

    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    /**
     * Every scheme's concepts and every mapping; cached for at most a second, dropped when a local change commits. Read
     * in a transaction of its own when there is none, since the search indexer's thread asks too.
     */
    @Transactional
    public Frameworks frameworks() {
        Cached current = cached;
        if (current != null && System.nanoTime() - current.loadedAtNanos() < TTL_NANOS) {
            return current.frameworks();
        }
        long loadingGeneration = generation.get();
        Map<String, Map<String, Concept>> concepts = new LinkedHashMap<>();
        for (FrameworkConcept concept : entityManager.createQuery("select c from FrameworkConcept c join fetch c.scheme s "
                + "order by s.position, c.position", FrameworkConcept.class).getResultList()) {
            concepts.computeIfAbsent(concept.scheme.code, scheme -> new LinkedHashMap<>())
                    .put(concept.code, new Concept(concept.scheme.code, concept.code, concept.kind, concept.title));
        }
        concepts.replaceAll((scheme, byCode) -> Collections.unmodifiableMap(byCode));
        TreeMap<Long, Long> versions = new TreeMap<>();
        Instant lastChange = Instant.EPOCH;
        List<Mapping> mappings = new ArrayList<>();
        for (FrameworkMapping mapping : entityManager.createQuery("select m from FrameworkMapping m join fetch m.concept c "
                + "join fetch c.scheme order by m.id", FrameworkMapping.class).getResultList()) {
            mappings.add(new Mapping(mapping.id, mapping.concept.scheme.code, mapping.concept.code, mapping.subjectKind,
                    mapping.subjectSlug, MappingRelation.parse(mapping.relation).orElse(MappingRelation.RELATED_MATCH)));
            versions.put(mapping.id, mapping.version);
            if (mapping.updatedAt != null && mapping.updatedAt.isAfter(lastChange)) {
                lastChange = mapping.updatedAt;
            }
        }
        Frameworks loaded = new Frameworks(Collections.unmodifiableMap(concepts), List.copyOf(mappings),
                new Version(versions.toString(), lastChange));
        // A change that committed while this read ran may not be in it: then it is not kept.
        if (generation.get() == loadingGeneration) {
            cached = new Cached(loaded, System.nanoTime());
        }
        return loaded;
    }

    /** Drops the cached frameworks now and again when the current transaction, which changes a mapping, ends. */
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
}
