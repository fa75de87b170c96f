package org.integrationevidence.casestudy;

import java.util.concurrent.ConcurrentHashMap;

import org.integrationevidence.cache.BoundedMaps;

/**
 * The cache "published views": the full view of each published case study by slug, as a GET last built it, so that
 * a 200 for a case study that did not change is answered without reading its seven collections.
 * <ul>
 * <li>Owner: {@link CaseStudyReads}, the only reader and writer.</li>
 * <li>Invalidation: none is needed. A view is served only for the same case study id and version, and the same
 * vocabulary versions (the view embeds its approaches' and outcome domains' names), as it was built from: every
 * change of a case study raises its version, every change of the taxonomy or the outcome domains theirs, so a stale view is never served, and is replaced
 * at the next read.</li>
 * <li>Size: {@link #MAX_ENTRIES} views; when full, one entry is dropped before a new one goes in.</li>
 * </ul>
 */
final class PublishedViewCache {

    static final int MAX_ENTRIES = 1000;

    private record Cached(long id, long version, String taxonomyVersion, CaseStudyView view) {
    }

    private final ConcurrentHashMap<String, Cached> views = new ConcurrentHashMap<>();

    /** The view kept for this slug if it was built at this state and taxonomy version, else null. */
    CaseStudyView get(String slug, PublishedState state, String taxonomyVersion) {
        Cached cached = views.get(slug);
        return cached != null && cached.id() == state.id() && cached.version() == state.version()
                && cached.taxonomyVersion().equals(taxonomyVersion) ? cached.view() : null;
    }

    /** Keeps a published case study's view, built at its id and version and this taxonomy version. */
    void put(String slug, long id, long version, String taxonomyVersion, CaseStudyView view) {
        BoundedMaps.put(views, slug, new Cached(id, version, taxonomyVersion, view), MAX_ENTRIES);
    }
}
