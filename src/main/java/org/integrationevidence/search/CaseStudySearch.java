package org.integrationevidence.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.casestudy.Place;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.framework.FrameworkLookup;
import org.integrationevidence.outcome.OutcomeDomainLookup;
import org.integrationevidence.persistence.ServerSecrets;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

/**
 * Search over the published case studies: ranked free text, filters and facets, a page at a time, and every match of
 * a search for an export. Matching, ranking and counting happen in the Lucene index; what is served comes from the
 * database's word on it, so a search never shows a case study that the database no longer has or no longer
 * publishes. Its parts: admission and snapshots ({@link SearchTurns}), queries ({@link SearchQueries}), cursors
 * ({@link CursorCodec}), the first-page cache ({@link FirstPageCache}), facet values ({@link FacetLabels}) and
 * highlights ({@link Highlights}); related case studies and completions are {@link RelatedCaseStudies} and
 * {@link Completions}.
 */
@ApplicationScoped
public class CaseStudySearch {

    /** Matches the page pass counts before it may skip; the total is counted apart. */
    private static final int HITS_COUNTED_BEFORE_SKIPPING = 1000;

    @Inject
    SearchIndex index;

    @Inject
    SearchTurns turns;

    @Inject
    CaseStudyCatalogue caseStudies;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    OutcomeDomainLookup outcomeDomains;

    @Inject
    FrameworkLookup frameworks;

    @Inject
    StoredHits storedHits;

    @Inject
    Highlights highlights;

    @Inject
    ServerSecrets secrets;

    @Inject
    EvidenceConfig config;

    @Inject
    SearchTimer timer;

    private final Analyzer queryAnalyzer = SearchAnalyzers.query();
    private final FacetBitsets facetBitsets = new FacetBitsets();
    private final FirstPageCache firstPages = new FirstPageCache();

    /** One page of case studies matching the request, with facet counts and highlights when asked for. */
    public Searched<CaseStudyPage> search(SearchRequest request) {
        return timer.time(request.q() == null ? SearchTimer.Kind.LIST : SearchTimer.Kind.SEARCH, () -> {
            Searched<GeoPage> searched = page(request, false);
            return new Searched<>(searched.answer().page(), searched.basis());
        });
    }

    /**
     * The same page as {@link #search}, with how many of all the matches have no coordinates: for a map (GeoJSON),
     * which can only draw those that have.
     */
    public Searched<GeoPage> geoPage(SearchRequest request) {
        return timer.time(request.q() == null ? SearchTimer.Kind.LIST : SearchTimer.Kind.SEARCH, () -> page(request, true));
    }

    /**
     * The same page with every case study in full, in the page's order, read in one query: for a format that carries
     * every field (CSV). Each is left out if it has left the status it was listed in since the index answered, as an
     * export leaves it out.
     */
    public Searched<CaseStudyRows> fullPage(SearchRequest request) {
        Searched<CaseStudyPage> page = search(request);
        return new Searched<>(new CaseStudyRows(caseStudies.viewsOf(page.answer().items()), page.answer().next()), page.basis());
    }

    /** What an answer built from the index stands on before it is searched: the current snapshot. */
    public IndexBasis currentBasis() {
        return turns.currentBasis();
    }

    private Searched<GeoPage> page(SearchRequest request, boolean countWithoutCoordinates) {
        long issuedAt = turns.cursorIssuedAt();
        Map<String, TaxonomyLookup.Entry> approaches = request.approaches().isEmpty()
                && !request.facets().contains(CaseStudyDocuments.APPROACH) ? Map.of() : taxonomy.entries();
        TaxonomyLookup.requireKnown(request.approaches(), approaches);
        Map<String, OutcomeDomainLookup.Entry> domains = request.outcomeDomains().isEmpty()
                && !request.facets().contains(CaseStudyDocuments.OUTCOME_DOMAIN) ? Map.of() : outcomeDomains.entries();
        requireKnownDomains(request.outcomeDomains(), domains);
        FrameworkLookup.Frameworks frameworks = request.frameworks().isEmpty()
                && request.facets().stream().noneMatch(FrameworkLookup.SCHEMES::contains) ? null : this.frameworks.frameworks();
        requireKnownConcepts(request, frameworks);
        Query text = request.q() == null ? null : TextQueries.parse(request.q(), queryAnalyzer);
        Query textSearch = text == null ? null : TextQueries.withWordPairs(text);
        Map<String, Query> filters = SearchQueries.filters(request);
        CursorCodec.PageStart start = request.cursor() == null ? null
                : CursorCodec.decode(secrets.get(CursorCodec.KEY), request, Instant.now(), config.search().cursorLifetime());

        SearchIndex.Snapshot snapshot = turns.acquire(start == null ? null : start.snapshotVersion());
        IndexBasis basis = SearchTurns.basisOf(snapshot, issuedAt);
        try {
            boolean reuse = start == null && config.search().reuseFirstPages() && !countWithoutCoordinates;
            CaseStudyPage cached = reuse ? cachedFirstPage(request, snapshot, issuedAt) : null;
            if (cached != null) {
                return new Searched<>(new GeoPage(cached, -1), basis);
            }
            Query similarity = similarity(snapshot, request, filters);
            Query query = PlaceQueries.ranked(SearchQueries.combine(textSearch, filters, null), similarity, request.sort());
            TopFieldCollectorManager top = new TopFieldCollectorManager(request.sort().sort(request.geo()), request.limit() + 1,
                    start == null ? null : start.after(), HITS_COUNTED_BEFORE_SKIPPING);
            boolean facetsFromMain = request.facets().stream().anyMatch(dim -> !filters.containsKey(dim));
            TopFieldDocs docs;
            List<FacetBitsets.SegmentMatches> mainMatches = null;
            long total;
            if (facetsFromMain) {
                // Facets visit every match anyway: one pass gives the page, the facets and the exact total.
                Object[] results = snapshot.search(query, new MultiCollectorManager(top, FacetBitsets.matches()));
                docs = (TopFieldDocs) results[0];
                @SuppressWarnings("unchecked")
                List<FacetBitsets.SegmentMatches> matches = (List<FacetBitsets.SegmentMatches>) results[1];
                mainMatches = matches;
                total = start == null ? mainMatches.stream().mapToLong(FacetBitsets.SegmentMatches::count).sum()
                        : start.total();
            } else {
                // Two passes cost less than scoring every match: the page from one that skips what cannot make
                // it (block-max WAND for relevance), the exact total from a count that scores nothing. Later pages
                // carry the total in their cursor.
                docs = snapshot.search(query, top);
                total = start == null ? snapshot.count(query) : start.total();
            }
            boolean more = docs.scoreDocs.length > request.limit();
            ScoreDoc[] hits = more ? Arrays.copyOf(docs.scoreDocs, request.limit()) : docs.scoreDocs;

            List<StoredHits.StoredHit> stored = storedHits.read(snapshot, hits);
            Set<Long> servable = caseStudies.idsIn(stored.stream().map(StoredHits.StoredHit::id).toList(), request.statuses());
            Map<String, Map<String, List<String>>> highlights = text == null ? Map.of()
                    : this.highlights.highlight(snapshot, text, hits, stored.stream().map(hit -> hit.summary().slug()).toList());
            List<CaseStudySummary> items = stored.stream()
                    .filter(hit -> servable.contains(hit.id()))
                    .map(hit -> text == null ? hit.summary()
                            : hit.summary().withHighlights(highlights.getOrDefault(hit.summary().slug(), Map.of())))
                    .toList();
            Map<String, List<FacetValue>> facets = null;
            if (!request.facets().isEmpty()) {
                facets = new LinkedHashMap<>();
                // Facets without a filter of their own count the main query's matches; a facet with a filter counts
                // the matches of every other filter (multi-select), in a search of its own.
                for (String dim : request.facets()) {
                    List<FacetBitsets.SegmentMatches> matches = filters.containsKey(dim)
                            ? snapshot.search(SearchQueries.combine(textSearch, filters, dim), FacetBitsets.matches())
                            : mainMatches;
                    facets.put(dim, FacetLabels.facetValues(facetBitsets.count(matches, dim), dim, request, approaches,
                            domains, frameworks));
                }
            }
            String next = more ? CursorCodec.encode(secrets.get(CursorCodec.KEY), request, index.keep(snapshot),
                    (FieldDoc) hits[hits.length - 1], total, issuedAt) : null;
            CaseStudyPage page = new CaseStudyPage(items, total, next, facets);
            if (reuse && servable.size() == stored.size()) {
                firstPages.keep(request, new FirstPageCache.Kept(snapshot.state.version(), issuedAt,
                        stored.stream().map(StoredHits.StoredHit::id).toList(), page));
            }
            long withoutCoordinates = countWithoutCoordinates ? snapshot.count(new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.FILTER)
                    .add(PlaceQueries.located(), BooleanClause.Occur.MUST_NOT).build()) : -1;
            return new Searched<>(new GeoPage(page, withoutCoordinates), basis.withLeftOut(StoredHits.leftOut(stored, servable)));
        } catch (IndexSearcher.TooManyClauses e) {
            throw ApiException.invalid("q", "expands to too many terms; use fewer words or longer prefixes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            turns.release(snapshot);
        }
    }

    /** Every outcome-domain slug of a filter that is not in the vocabulary, in one 400: a typo is told, not matched to nothing. */
    static void requireKnownDomains(List<String> slugs, Map<String, OutcomeDomainLookup.Entry> domains) {
        List<FieldError> errors = slugs.stream().filter(slug -> !domains.containsKey(slug))
                .map(slug -> new FieldError("outcomeDomain", "\"" + slug + "\" is not an outcome domain; see GET "
                        + "/api/v1/outcome-domains"))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    /** Every framework code of a filter (cbp, gcm, sdg) that its scheme lacks, in one 400 naming the parameter. */
    static void requireKnownConcepts(SearchRequest request, FrameworkLookup.Frameworks frameworks) {
        if (frameworks != null) {
            FrameworkLookup.SCHEMES.forEach(scheme -> frameworks.requireKnown(scheme, request.frameworkCodes(scheme)));
        }
    }

    private CaseStudyPage cachedFirstPage(SearchRequest request, SearchIndex.Snapshot snapshot, long issuedAt) {
        FirstPageCache.Kept kept = firstPages.get(request, snapshot.state.version(), issuedAt);
        // The index may be a moment behind the database: as for a searched page, the database has the last word.
        return kept != null && caseStudies.idsIn(kept.ids(), request.statuses()).size() == kept.ids().size() ? kept.page() : null;
    }

    /**
     * Every match of a search, in its order, as case study ids a batch at a time, all from one snapshot of the index
     * so that a long export neither repeats nor skips a case study while others are written. Each batch takes its
     * own turn among the searches, so an export never holds up other searches for longer than one batch. Close it.
     */
    public ExportMatches matches(SearchRequest request, int batchSize) {
        Query text = request.q() == null ? null : TextQueries.withWordPairs(TextQueries.parse(request.q(), queryAnalyzer));
        Map<String, TaxonomyLookup.Entry> approaches = request.approaches().isEmpty() ? Map.of() : taxonomy.entries();
        TaxonomyLookup.requireKnown(request.approaches(), approaches);
        requireKnownDomains(request.outcomeDomains(), request.outcomeDomains().isEmpty() ? Map.of() : outcomeDomains.entries());
        requireKnownConcepts(request, request.frameworks().isEmpty() ? null : frameworks.frameworks());
        Map<String, Query> filters = SearchQueries.filters(request);
        SearchIndex.Snapshot snapshot = turns.acquire(null);
        Query query;
        try {
            Query similarity = similarity(snapshot, request, filters);
            query = PlaceQueries.ranked(SearchQueries.combine(text, filters, null), similarity, request.sort());
        } catch (RuntimeException e) {
            releaseQuietly(snapshot);
            throw e;
        }
        turns.releaseTurn();
        return new ExportMatches(snapshot, SearchTurns.basisOf(snapshot, turns.cursorIssuedAt()), query,
                request.sort().sort(request.geo()), batchSize, index, turns, timer);
    }

    /**
     * Waits until this instance's index includes every change committed before the call, at most the write wait
     * ({@code evidence.search.write-wait}); false if it did not within that time.
     */
    public boolean awaitCatchUp() {
        try {
            index.requestCatchUp().get(config.search().writeWait().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Checks a search's filters as a search would (approaches, outcome domains and framework codes must exist), without
     * searching: for a search kept to be run later, such as a webhook subscription's filter. 400 naming the parameter.
     */
    public void requireKnownFilters(SearchRequest request) {
        TaxonomyLookup.requireKnown(request.approaches(), request.approaches().isEmpty() ? Map.of() : taxonomy.entries());
        requireKnownDomains(request.outcomeDomains(), request.outcomeDomains().isEmpty() ? Map.of() : outcomeDomains.entries());
        requireKnownConcepts(request, request.frameworks().isEmpty() ? null : frameworks.frameworks());
        if (request.q() != null) {
            TextQueries.parse(request.q(), queryAnalyzer);
        }
    }

    /**
     * Of the case studies {@code ids}, those the search's text and filters match in the index, published ones only.
     * Call it after the index has caught up with the changes in question ({@link SearchIndex#requestCatchUp}). A filter
     * naming an approach or code that has since been deleted matches nothing.
     */
    public Set<Long> matchingAmong(SearchRequest request, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Query text = request.q() == null ? null : TextQueries.withWordPairs(TextQueries.parse(request.q(), queryAnalyzer));
        Map<String, Query> filters = new LinkedHashMap<>(SearchQueries.filters(request));
        filters.put(CaseStudyDocuments.ID, new TermInSetQuery(CaseStudyDocuments.ID,
                ids.stream().map(id -> new BytesRef(Long.toString(id))).toList()));
        Query query = SearchQueries.combine(text, filters, null);
        return turns.onCurrentSnapshot((snapshot, basis) -> {
            ScoreDoc[] hits = snapshot.search(query, ids.size()).scoreDocs;
            Set<Long> found = new HashSet<>();
            for (StoredHits.StoredHit hit : storedHits.read(snapshot, hits)) {
                found.add(hit.id());
            }
            return new Searched<>(found, basis);
        }).answer();
    }

    /**
     * The place-similarity query of a search with {@code similarPlace}, its filter added to {@code filters}; null
     * without. The reference is the published case study of that slug in the same snapshot; 400 if there is none.
     */
    private Query similarity(SearchIndex.Snapshot snapshot, SearchRequest request, Map<String, Query> filters) {
        return similarity(storedHits, snapshot, request, filters);
    }

    /** See {@link #similarity(SearchIndex.Snapshot, SearchRequest, Map)}: for the evidence map's selection too. */
    static Query similarity(StoredHits storedHits, SearchIndex.Snapshot snapshot, SearchRequest request,
            Map<String, Query> filters) {
        String slug = request.geo().similarPlace();
        if (slug == null) {
            return null;
        }
        try {
            Query bySlug = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(CaseStudyDocuments.SLUG, slug)), BooleanClause.Occur.FILTER)
                    .add(SearchQueries.statusFilter(Set.of(CaseStudyStatus.PUBLISHED)), BooleanClause.Occur.FILTER)
                    .build();
            ScoreDoc[] found = snapshot.search(bySlug, 1).scoreDocs;
            if (found.length == 0) {
                throw ApiException.invalid("similarPlace", "no published case study has the slug \"" + slug + "\"");
            }
            Place reference = storedHits.read(snapshot, found).get(0).summary().place();
            return PlaceQueries.similarity(reference, slug, filters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void releaseQuietly(SearchIndex.Snapshot snapshot) {
        try {
            turns.release(snapshot);
        } catch (RuntimeException e) {
            // the error that made us release it is the one to report
        }
    }
}
