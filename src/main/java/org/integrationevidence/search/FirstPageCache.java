package org.integrationevidence.search;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.integrationevidence.cache.BoundedMaps;

/**
 * The cache "first pages": each first page of a search as searched in one index snapshot and cursor hour, with the
 * ids it shows. Third-party sites ask for the same first pages over and over (the newest case studies, those of an
 * approach): the same request in the same snapshot and hour gives the same page, so it is answered again without
 * searching, once the database confirms that every case study on it is still servable.
 * <ul>
 * <li>Owner: {@link CaseStudySearch}, the only reader and writer.</li>
 * <li>Invalidation: a page is served only for the snapshot version and cursor hour it was searched in, so every
 * indexed change (a new snapshot) and every hour make the kept pages stale; stale ones are dropped first when the
 * cache is full. Its caller checks the page's ids against the database before serving it.</li>
 * <li>Size: {@link #MAX_ENTRIES} pages, each at most a few tens of kilobytes.</li>
 * </ul>
 */
final class FirstPageCache {

    static final int MAX_ENTRIES = 200;

    /** A first page as searched, and the ids it shows. */
    record Kept(String snapshotVersion, long issuedAt, List<Long> ids, CaseStudyPage page) {
    }

    private final ConcurrentHashMap<SearchRequest, Kept> pages = new ConcurrentHashMap<>();

    /** The page kept for this request, if it was searched in this snapshot and hour; else null. */
    Kept get(SearchRequest request, String snapshotVersion, long issuedAt) {
        Kept kept = pages.get(request);
        return kept == null || kept.issuedAt() != issuedAt || !kept.snapshotVersion().equals(snapshotVersion) ? null : kept;
    }

    void keep(SearchRequest request, Kept page) {
        // Pages of other snapshots or hours go first when full: they can no longer be served.
        BoundedMaps.put(pages, request, page, MAX_ENTRIES,
                kept -> kept.issuedAt() != page.issuedAt() || !kept.snapshotVersion().equals(page.snapshotVersion()));
    }
}
