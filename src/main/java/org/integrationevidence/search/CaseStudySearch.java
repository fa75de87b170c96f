package org.integrationevidence.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.CaseStudyService;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.casestudy.EvidenceLevel;
import org.integrationevidence.casestudy.Scale;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;
import org.integrationevidence.common.ApiException;
import org.integrationevidence.common.BoundedMaps;
import org.integrationevidence.common.Cursor;
import org.integrationevidence.common.EvidenceConfig;
import org.integrationevidence.common.ProblemType;
import org.integrationevidence.common.ServerSecrets;

/**
 * Search over the case studies: ranked free text, filters, facets, highlights, related case studies and
 * completions. Matching, ranking and counting happen in the Lucene index; what is served comes from the database,
 * so a search never shows a case study that the database no longer has or no longer publishes.
 */
@ApplicationScoped
public class CaseStudySearch {

    private static final String CURSOR_VERSION = "s1";
    /** Hits counted exactly on pages after the first, whose total comes from the cursor. */
    /** Matches the page pass counts before it may skip; the total is counted apart. */
    private static final int HITS_COUNTED_BEFORE_SKIPPING = 1000;
    private static final String CURSOR_KEY = "cursor-key";
    private static final int[] HIGHLIGHT_PASSAGES = {1, 1, 2};
    private static final int RELATED_TEXT_TERMS = 12;
    private static final int REASON_WORDS = 5;
    private static final int PLACE_CANDIDATES = 200;
    /** Long enough for the longest body: matches past this point would not be highlighted. */
    private static final int MAX_HIGHLIGHTED_LENGTH = 25_000;
    private static final int BODY_FRAGMENT_LENGTH = 160;

    @Inject
    SearchIndex index;

    @Inject
    CaseStudyService caseStudies;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    ServerSecrets secrets;

    @Inject
    EvidenceConfig config;

    @Inject
    SearchBasis basisUsed;

    @Inject
    SearchTimer timer;

    private ObjectReader summaryReader;
    /**
     * Turns to search, handed out in arrival order, like Elasticsearch's fixed-size search pool. When many more
     * searches share the processors than there are processors, each one, and the longest most, takes several times
     * its own work to finish; waiting in line instead keeps tail latency close to the work itself.
     */
    private Semaphore turns;

    @Inject
    void readSummariesWith(ObjectMapper json) {
        this.summaryReader = json.readerFor(CaseStudySummary.class);
    }

    @PostConstruct
    void sizeTurns() {
        turns = new Semaphore(config.search().concurrency().orElse(Runtime.getRuntime().availableProcessors() + 1), true);
    }

    private final Analyzer queryAnalyzer = SearchAnalyzers.query();
    private final Analyzer indexAnalyzer = SearchAnalyzers.index();
    private final Analyzer wordAnalyzer = SearchAnalyzers.words();
    private final FacetBitsets facetBitsets = new FacetBitsets();

    /**
     * What answers built from the index stand on, for their HTTP validators: the snapshot this request searched, once
     * it has, else the current one; and the time cursors are stamped with (see {@link #cursorIssuedAt}), which is part
     * of the pages. Answers also check the database for what the snapshot lists, so between a commit and the
     * catch-up that follows it (milliseconds; a write is answered only after it) a case study just withdrawn can
     * be left out of a page whose validator is still that of the snapshot.
     */
    public Basis basis() {
        Basis used = Arc.container().requestContext().isActive() ? basisUsed.get() : null;
        if (used != null) {
            return used;
        }
        SearchIndex.State state = index.state();
        if (state == null) {
            throw new ApiException(ProblemType.UNAVAILABLE, "The search index is not open yet; try again in a moment.");
        }
        return new Basis(state.version() + "/" + cursorIssuedAt(), state.lastChange());
    }

    /** See {@link #basis()}. */
    public record Basis(String version, Instant lastChange) {
    }

    /** Records, for {@link #basis()}, the snapshot a request searched and the time its cursors carry. */
    private void recordBasis(SearchIndex.Snapshot snapshot, long issuedAt) {
        if (Arc.container().requestContext().isActive()) {
            basisUsed.set(new Basis(snapshot.state.version() + "/" + issuedAt, snapshot.state.lastChange()));
        }
    }

    /** Adds to the recorded basis the hits that the database no longer serves, see {@link #basis()}. */
    private void recordLeftOut(List<StoredHit> stored, Set<Long> servable) {
        if (servable.size() < stored.size() && Arc.container().requestContext().isActive() && basisUsed.get() != null) {
            Basis recorded = basisUsed.get();
            List<Long> leftOut = stored.stream().map(StoredHit::id).filter(id -> !servable.contains(id)).toList();
            basisUsed.set(new Basis(recorded.version() + "/without" + leftOut, recorded.lastChange()));
        }
    }

    /**
     * When a cursor issued now says it was issued: the start of the current slice of a 24th of the cursor lifetime
     * (an hour by default), so that the same search gives byte-identical pages, and the same validator, until the
     * index or the slice changes. A cursor then lives between the lifetime less a slice and the lifetime.
     */
    private long cursorIssuedAt() {
        long slice = Math.max(1, config.search().cursorLifetime().toSeconds() / 24);
        long now = Instant.now().getEpochSecond();
        return now - now % slice;
    }

    /**
     * A first page as searched in one index snapshot, with the ids it shows. Third-party sites ask for the same
     * first pages over and over (the newest case studies, those of an approach): the same request in the same
     * snapshot, within the same cursor hour, gives the same page, so it is answered again without searching, once
     * the database confirms that every case study on it is still servable. A new snapshot (any indexed change)
     * makes every kept page stale.
     */
    private record CachedPage(String snapshotVersion, long issuedAt, List<Long> ids, CaseStudyPage page) {
    }

    /** The most first pages kept: each is at most a few tens of kilobytes. */
    static final int MAX_CACHED_PAGES = 200;

    private final ConcurrentHashMap<SearchRequest, CachedPage> firstPages = new ConcurrentHashMap<>();

    private CaseStudyPage cachedFirstPage(SearchRequest request, SearchIndex.Snapshot snapshot, long issuedAt) {
        CachedPage cached = firstPages.get(request);
        if (cached == null || cached.issuedAt() != issuedAt || !cached.snapshotVersion().equals(snapshot.state.version())) {
            return null;
        }
        // The index may be a moment behind the database: as for a searched page, the database has the last word.
        return caseStudies.idsIn(cached.ids(), request.statuses()).size() == cached.ids().size() ? cached.page() : null;
    }

    private void keepFirstPage(SearchRequest request, CachedPage page) {
        // Pages of older snapshots go first when full: they can no longer be served.
        BoundedMaps.put(firstPages, request, page, MAX_CACHED_PAGES,
                cached -> !cached.snapshotVersion().equals(page.snapshotVersion()));
    }

    /** One page of case studies matching the request, with facet counts and highlights when asked for. */
    public CaseStudyPage search(SearchRequest request) {
        return timer.time(request.q() == null ? SearchTimer.Kind.LIST : SearchTimer.Kind.SEARCH, () -> page(request));
    }

    private CaseStudyPage page(SearchRequest request) {
        long issuedAt = cursorIssuedAt();
        Map<String, TaxonomyLookup.Entry> approaches = request.approaches().isEmpty()
                && !request.facets().contains(CaseStudyDocuments.APPROACH) ? Map.of() : taxonomy.entries();
        TaxonomyLookup.requireKnown(request.approaches(), approaches);
        Query text = request.q() == null ? null : TextQueries.parse(request.q(), queryAnalyzer);
        Query textSearch = text == null ? null : TextQueries.withWordPairs(text);
        Map<String, Query> filters = filters(request);
        PageStart start = request.cursor() == null ? null : decodeCursor(request);

        SearchIndex.Snapshot snapshot = acquire(start == null ? null : start.snapshotVersion());
        recordBasis(snapshot, issuedAt);
        try {
            boolean reuse = start == null && config.search().reuseFirstPages();
            CaseStudyPage cached = reuse ? cachedFirstPage(request, snapshot, issuedAt) : null;
            if (cached != null) {
                return cached;
            }
            Query query = combine(textSearch, filters, null);
            TopFieldCollectorManager top = new TopFieldCollectorManager(request.sort().sort(), request.limit() + 1,
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

            List<StoredHit> stored = storedHits(snapshot, hits);
            Set<Long> servable = caseStudies.idsIn(stored.stream().map(StoredHit::id).toList(), request.statuses());
            recordLeftOut(stored, servable);
            Map<String, Map<String, List<String>>> highlights = text == null ? Map.of()
                    : highlight(snapshot, text, hits, stored.stream().map(hit -> hit.summary().slug()).toList());
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
                            ? snapshot.search(combine(textSearch, filters, dim), FacetBitsets.matches())
                            : mainMatches;
                    facets.put(dim, facetValues(facetBitsets.count(matches, dim), dim, request, approaches));
                }
            }
            String next = more ? encodeCursor(request, snapshot, (FieldDoc) hits[hits.length - 1], total, issuedAt) : null;
            CaseStudyPage page = new CaseStudyPage(items, total, next, facets);
            if (reuse && servable.size() == stored.size()) {
                keepFirstPage(request, new CachedPage(snapshot.state.version(), issuedAt,
                        stored.stream().map(StoredHit::id).toList(), page));
            }
            return page;
        } catch (IndexSearcher.TooManyClauses e) {
            throw ApiException.invalid("q", "expands to too many terms; use fewer words or longer prefixes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(snapshot);
        }
    }

    /**
     * Every match of a search, in its order, as case study ids a batch at a time, all from one snapshot of the index
     * so that a long export neither repeats nor skips a case study while others are written. Each batch takes its
     * own turn among the searches, so an export never holds up other searches for longer than one batch. Close it.
     */
    public Matches matches(SearchRequest request, int batchSize) {
        Query text = request.q() == null ? null : TextQueries.withWordPairs(TextQueries.parse(request.q(), queryAnalyzer));
        Map<String, TaxonomyLookup.Entry> approaches = request.approaches().isEmpty() ? Map.of() : taxonomy.entries();
        TaxonomyLookup.requireKnown(request.approaches(), approaches);
        Query query = combine(text, filters(request), null);
        SearchIndex.Snapshot snapshot = acquire(null);
        recordBasis(snapshot, cursorIssuedAt());
        turns.release();
        return new Matches(snapshot, query, request.sort().sort(), batchSize);
    }

    /** See {@link #matches}. */
    public final class Matches implements AutoCloseable {
        private final SearchIndex.Snapshot snapshot;
        private final Query query;
        private final Sort sort;
        private final int batchSize;
        private FieldDoc after;
        private boolean done;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Matches(SearchIndex.Snapshot snapshot, Query query, Sort sort, int batchSize) {
            this.snapshot = snapshot;
            this.query = query;
            this.sort = sort;
            this.batchSize = batchSize;
        }

        /** The ids of the next batch, in order; empty once every match was given. */
        public List<Long> next() {
            if (done) {
                return List.of();
            }
            return timer.time(SearchTimer.Kind.EXPORT, this::nextBatch);
        }

        private List<Long> nextBatch() {
            acquireTurn();
            try {
                TopFieldDocs docs = snapshot.search(query, new TopFieldCollectorManager(sort, batchSize, after, batchSize));
                done = docs.scoreDocs.length < batchSize;
                if (docs.scoreDocs.length > 0) {
                    after = (FieldDoc) docs.scoreDocs[docs.scoreDocs.length - 1];
                }
                List<Long> ids = new ArrayList<>(docs.scoreDocs.length);
                List<LeafReaderContext> leaves = snapshot.getIndexReader().leaves();
                for (ScoreDoc hit : docs.scoreDocs) {
                    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                    NumericDocValues id = DocValues.getNumeric(leaf.reader(), CaseStudyDocuments.ID);
                    if (!id.advanceExact(hit.doc - leaf.docBase)) {
                        throw new IllegalStateException("Indexed case study without id: doc " + hit.doc);
                    }
                    ids.add(id.longValue());
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                turns.release();
            }
        }

        /** Releases the snapshot; closing again does nothing. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            try {
                index.release(snapshot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The published case studies most like this one, each with what they share. */
    public List<RelatedCaseStudy> related(String slug, int limit) {
        return timer.time(SearchTimer.Kind.RELATED, () -> findRelated(slug, limit));
    }

    private List<RelatedCaseStudy> findRelated(String slug, int limit) {
        long id = caseStudies.servableId(slug);
        Map<String, TaxonomyLookup.Entry> approaches = taxonomy.entries();
        SearchIndex.Snapshot snapshot = acquire(null);
        recordBasis(snapshot, cursorIssuedAt());
        try {
            TopDocs self = snapshot.search(new TermQuery(CaseStudyDocuments.idTerm(id)), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            int doc = self.scoreDocs[0].doc;
            Document source = snapshot.storedFields().document(doc);
            MoreLikeThis moreLikeThis = new MoreLikeThis(snapshot.getIndexReader());
            moreLikeThis.setAnalyzer(indexAnalyzer);
            moreLikeThis.setFieldNames(CaseStudyDocuments.HIGHLIGHTED.toArray(String[]::new));
            moreLikeThis.setMinTermFreq(1);
            moreLikeThis.setMinDocFreq(1);
            moreLikeThis.setMinWordLen(3);
            moreLikeThis.setMaxDocFreqPct(50);
            moreLikeThis.setMaxQueryTerms(RELATED_TEXT_TERMS);
            moreLikeThis.setStopWords(SearchAnalyzers.STOP_WORDS);
            Query similarText = moreLikeThis.like(doc);
            String[] words = moreLikeThis.retrieveInterestingTerms(doc);

            List<String> sourceApproaches = List.of(source.getValues(CaseStudyDocuments.DIRECT_APPROACH));
            List<String> sourceThemes = List.of(source.getValues(CaseStudyDocuments.THEME));
            List<String> sourceGroups = List.of(source.getValues(CaseStudyDocuments.TARGET_GROUP));
            BooleanQuery.Builder similar = new BooleanQuery.Builder()
                    .add(similarText, BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(CaseStudyDocuments.idTerm(id)), BooleanClause.Occur.MUST_NOT)
                    .add(statusFilter(Set.of(CaseStudyStatus.PUBLISHED)), BooleanClause.Occur.FILTER)
                    .setMinimumNumberShouldMatch(1);
            sourceApproaches.forEach(slugValue -> similar.add(new BoostQuery(
                    new TermQuery(new Term(CaseStudyDocuments.APPROACH, slugValue)), 3f), BooleanClause.Occur.SHOULD));
            sourceThemes.forEach(theme -> similar.add(new BoostQuery(
                    new TermQuery(new Term(CaseStudyDocuments.THEME, theme)), 1.5f), BooleanClause.Occur.SHOULD));
            sourceGroups.forEach(group -> similar.add(new BoostQuery(
                    new TermQuery(new Term(CaseStudyDocuments.TARGET_GROUP, group)), 1.5f), BooleanClause.Occur.SHOULD));
            TopDocs found = snapshot.search(similar.build(), limit);

            Map<String, Weight> wordWeights = new LinkedHashMap<>();
            for (String word : words) {
                BooleanQuery.Builder anyField = new BooleanQuery.Builder();
                CaseStudyDocuments.HIGHLIGHTED.forEach(field ->
                        anyField.add(new TermQuery(new Term(field, word)), BooleanClause.Occur.SHOULD));
                wordWeights.put(word, snapshot.createWeight(snapshot.rewrite(anyField.build()), ScoreMode.COMPLETE_NO_SCORES, 1f));
            }
            List<StoredHit> stored = storedHits(snapshot, found.scoreDocs);
            Set<Long> servable = caseStudies.idsIn(stored.stream().map(StoredHit::id).toList(), Set.of(CaseStudyStatus.PUBLISHED));
            recordLeftOut(stored, servable);
            List<RelatedCaseStudy> related = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                if (servable.contains(stored.get(i).id())) {
                    int hitDoc = found.scoreDocs[i].doc;
                    related.add(new RelatedCaseStudy(stored.get(i).summary(), reasons(sourceApproaches, sourceThemes,
                            sourceGroups, snapshot.storedFields().document(hitDoc), approaches,
                            matchingWords(snapshot, wordWeights, hitDoc))));
                }
            }
            return related;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(snapshot);
        }
    }

    /** Completions of what is being typed: approach names, then places, then titles of published case studies. */
    public List<Suggestion> suggest(String prefix, int limit) {
        return timer.time(SearchTimer.Kind.SUGGEST, () -> completions(prefix, limit));
    }

    private List<Suggestion> completions(String prefix, int limit) {
        String folded = SearchAnalyzers.fold(prefix);
        int share = (limit + 2) / 3;
        List<Suggestion> suggestions = new ArrayList<>();
        taxonomy.entries().values().stream()
                .filter(entry -> startsAWord(SearchAnalyzers.fold(entry.name()), folded))
                .sorted(Comparator.comparing(TaxonomyLookup.Entry::name))
                .limit(share)
                .forEach(entry -> suggestions.add(new Suggestion("approach", entry.name(), entry.slug())));
        SearchIndex.Snapshot snapshot = acquire(null);
        recordBasis(snapshot, cursorIssuedAt());
        try {
            suggestions.addAll(places(snapshot, folded, share));
            suggestions.addAll(titles(snapshot, prefix, limit - suggestions.size()));
            return suggestions.size() > limit ? suggestions.subList(0, limit) : suggestions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(snapshot);
        }
    }

    /** A hit's id and the summary stored with it. */
    private record StoredHit(long id, CaseStudySummary summary) {
    }

    /** Reads hits from doc values, which unlike stored fields need no decompression of neighbouring documents. */
    private List<StoredHit> storedHits(SearchIndex.Snapshot snapshot, ScoreDoc[] hits) throws IOException {
        List<StoredHit> stored = new ArrayList<>(hits.length);
        List<LeafReaderContext> leaves = snapshot.getIndexReader().leaves();
        for (ScoreDoc hit : hits) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            int doc = hit.doc - leaf.docBase;
            NumericDocValues ids = DocValues.getNumeric(leaf.reader(), CaseStudyDocuments.ID);
            BinaryDocValues summaries = DocValues.getBinary(leaf.reader(), CaseStudyDocuments.SUMMARY_JSON);
            if (!ids.advanceExact(doc) || !summaries.advanceExact(doc)) {
                throw new IllegalStateException("Indexed case study without id or summary: doc " + hit.doc);
            }
            BytesRef summary = summaries.binaryValue();
            stored.add(new StoredHit(ids.longValue(), summaryReader.readValue(summary.bytes, summary.offset, summary.length)));
        }
        return stored;
    }

    // ---- Queries ----

    private static Map<String, Query> filters(SearchRequest request) {
        Map<String, Query> filters = new LinkedHashMap<>();
        putTerms(filters, CaseStudyDocuments.APPROACH, request.approaches());
        putTerms(filters, CaseStudyDocuments.COUNTRY, request.countries());
        putTerms(filters, CaseStudyDocuments.REGION, request.regions());
        putTerms(filters, CaseStudyDocuments.PLACE_KEY, request.places());
        putTerms(filters, CaseStudyDocuments.THEME, request.themes().stream().map(Theme::toString).toList());
        putTerms(filters, CaseStudyDocuments.TARGET_GROUP, request.targetGroups().stream().map(TargetGroup::toString).toList());
        putTerms(filters, CaseStudyDocuments.SCALE, request.scales().stream().map(Scale::toString).toList());
        if (request.minEvidence() != null) {
            filters.put(CaseStudyDocuments.EVIDENCE, IntPoint.newRangeQuery(CaseStudyDocuments.EVIDENCE, request.minEvidence(), 5));
        }
        if (request.activeFrom() != null || request.activeTo() != null) {
            int from = request.activeFrom() == null ? Integer.MIN_VALUE : request.activeFrom();
            int to = request.activeTo() == null ? Integer.MAX_VALUE : request.activeTo();
            filters.put("active", new BooleanQuery.Builder()
                    .add(IntPoint.newRangeQuery(CaseStudyDocuments.ACTIVE_FROM, Integer.MIN_VALUE, to), BooleanClause.Occur.FILTER)
                    .add(IntPoint.newRangeQuery(CaseStudyDocuments.ACTIVE_TO, from, Integer.MAX_VALUE), BooleanClause.Occur.FILTER)
                    .build());
        }
        if (request.updatedSince() != null) {
            Instant since = request.updatedSince();
            long micros = since.getEpochSecond() * 1_000_000L + since.getNano() / 1_000;
            filters.put(CaseStudyDocuments.UPDATED, LongPoint.newRangeQuery(CaseStudyDocuments.UPDATED, micros, Long.MAX_VALUE));
        }
        filters.put(CaseStudyDocuments.STATUS, statusFilter(request.statuses()));
        return filters;
    }

    private static Query statusFilter(Set<CaseStudyStatus> statuses) {
        return anyOf(CaseStudyDocuments.STATUS, statuses.stream().map(CaseStudyStatus::toString).toList());
    }

    private static void putTerms(Map<String, Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.put(field, anyOf(field, values));
        }
    }

    /**
     * Matches any of the values. One value is a plain term query, whose matches a count reads from the index's
     * statistics in segments without deleted documents, instead of visiting them: the public list (published only)
     * over 100,000 case studies counts its total that way.
     */
    private static Query anyOf(String field, List<String> values) {
        return values.size() == 1 ? new TermQuery(new Term(field, values.get(0)))
                : new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** The text query with every filter but the one of {@code excludedDimension} (none when null). */
    private static Query combine(Query text, Map<String, Query> filters, String excludedDimension) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(text == null ? new MatchAllDocsQuery() : text, BooleanClause.Occur.MUST);
        filters.forEach((dimension, filter) -> {
            if (!dimension.equals(excludedDimension)) {
                query.add(filter, BooleanClause.Occur.FILTER);
            }
        });
        return query.build();
    }

    // ---- Facets ----

    private List<FacetValue> facetValues(Map<String, Long> matchCounts, String dim, SearchRequest request,
            Map<String, TaxonomyLookup.Entry> approaches) {
        Map<String, Long> counts = new TreeMap<>(matchCounts);
        Set<String> selected = selectedValues(dim, request);
        if (dim.equals(CaseStudyDocuments.EVIDENCE)) {
            for (EvidenceLevel level : EvidenceLevel.values()) {
                counts.putIfAbsent(Integer.toString(level.level), 0L);
            }
        } else {
            selected.forEach(value -> counts.putIfAbsent(value, 0L));
        }
        List<FacetValue> values = new ArrayList<>();
        counts.forEach((value, count) -> values.add(new FacetValue(value, label(dim, value, approaches), count,
                selected.contains(value), dim.equals(CaseStudyDocuments.APPROACH) && approaches.containsKey(value)
                        ? approaches.get(value).parentSlug() : null)));
        if (!dim.equals(CaseStudyDocuments.EVIDENCE)) {
            values.sort(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::label));
        }
        return values;
    }

    private static Set<String> selectedValues(String dim, SearchRequest request) {
        Function<List<? extends Object>, Set<String>> strings = list -> list.stream().map(Object::toString)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return switch (dim) {
            case CaseStudyDocuments.APPROACH -> strings.apply(request.approaches());
            case CaseStudyDocuments.COUNTRY -> strings.apply(request.countries());
            case CaseStudyDocuments.THEME -> strings.apply(request.themes());
            case CaseStudyDocuments.TARGET_GROUP -> strings.apply(request.targetGroups());
            case CaseStudyDocuments.SCALE -> strings.apply(request.scales());
            case CaseStudyDocuments.EVIDENCE -> {
                Set<String> levels = new LinkedHashSet<>();
                if (request.minEvidence() != null) {
                    for (int level = request.minEvidence(); level <= 5; level++) {
                        levels.add(Integer.toString(level));
                    }
                }
                yield levels;
            }
            default -> Set.of();
        };
    }

    private static String label(String dim, String value, Map<String, TaxonomyLookup.Entry> approaches) {
        return switch (dim) {
            case CaseStudyDocuments.APPROACH -> approaches.containsKey(value) ? approaches.get(value).name() : value;
            case CaseStudyDocuments.COUNTRY -> CaseStudyDocuments.countryName(value);
            case CaseStudyDocuments.EVIDENCE -> EvidenceLevel.of(Integer.parseInt(value)).label;
            case CaseStudyDocuments.THEME -> vocabularyLabel(Theme.class, value);
            case CaseStudyDocuments.TARGET_GROUP -> vocabularyLabel(TargetGroup.class, value);
            case CaseStudyDocuments.SCALE -> vocabularyLabel(Scale.class, value);
            default -> value;
        };
    }

    private static <E extends Enum<E>> String vocabularyLabel(Class<E> type, String value) {
        return Vocabulary.parse(type, value).map(Vocabulary::label).orElse(value);
    }

    // ---- Highlights ----

    private Map<String, Map<String, List<String>>> highlight(SearchIndex.Snapshot snapshot, Query text, ScoreDoc[] hits,
            List<String> slugs) throws IOException {
        if (hits.length == 0) {
            return Map.of();
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(snapshot, indexAnalyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withHighlightPhrasesStrictly(true)
                .withHandleMultiTermQuery(true)
                // Matching each term's offsets is far cheaper than replaying the whole many-field query per field.
                .withWeightMatches(false)
                .withMaxNoHighlightPassages(0)
                .withMaxLength(MAX_HIGHLIGHTED_LENGTH)) {
            /**
             * Titles and summaries are short enough to show whole. Bodies are cut at full stops into passages of
             * about {@value #BODY_FRAGMENT_LENGTH} characters around the match: the JDK's sentence rules would do
             * better at abbreviations but cost more than the whole search.
             */
            /**
             * Every highlighted field is indexed with offsets in its postings. Lucene's own answer would look it up in
             * the field infos of every segment merged anew for each highlighter, a twentieth of a search's time.
             */
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return CaseStudyDocuments.HIGHLIGHTED.contains(field) ? OffsetSource.POSTINGS : super.getOffsetSource(field);
            }

            @Override
            protected BreakIterator getBreakIterator(String field) {
                return CaseStudyDocuments.BODY.equals(field)
                        ? LengthGoalBreakIterator.createClosestToLength(new CustomSeparatorBreakIterator('.'), BODY_FRAGMENT_LENGTH, 0.5f)
                        : new WholeBreakIterator();
            }
        };
        int[] docIds = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            docIds[i] = hits[i].doc;
        }
        String[] fields = CaseStudyDocuments.HIGHLIGHTED.toArray(String[]::new);
        Map<String, String[]> byField = highlighter.highlightFields(fields, text, docIds, HIGHLIGHT_PASSAGES);
        Map<String, Map<String, List<String>>> highlights = new HashMap<>();
        for (int i = 0; i < hits.length; i++) {
            Map<String, List<String>> fragments = new LinkedHashMap<>();
            for (String field : fields) {
                String fragment = byField.get(field)[i];
                if (fragment != null && !fragment.isBlank()) {
                    fragments.put(field, List.of(fragment.strip()));
                }
            }
            highlights.put(slugs.get(i), fragments);
        }
        return highlights;
    }

    // ---- Related ----

    private static List<RelatedCaseStudy.Reason> reasons(List<String> sourceApproaches, List<String> sourceThemes,
            List<String> sourceGroups, Document related, Map<String, TaxonomyLookup.Entry> approaches, List<String> words) {
        List<RelatedCaseStudy.Reason> reasons = new ArrayList<>();
        Set<String> relatedApproaches = Set.of(related.getValues(CaseStudyDocuments.APPROACH));
        for (String approach : sourceApproaches) {
            if (relatedApproaches.contains(approach)) {
                String name = approaches.containsKey(approach) ? approaches.get(approach).name() : approach;
                reasons.add(new RelatedCaseStudy.Reason("approach", approach, "Both are filed under the approach " + name));
            }
        }
        Set<String> relatedThemes = Set.of(related.getValues(CaseStudyDocuments.THEME));
        sourceThemes.stream().filter(relatedThemes::contains).forEach(theme -> reasons.add(new RelatedCaseStudy.Reason(
                "theme", theme, "Both work on " + vocabularyLabel(Theme.class, theme).toLowerCase(Locale.ROOT))));
        Set<String> relatedGroups = Set.of(related.getValues(CaseStudyDocuments.TARGET_GROUP));
        sourceGroups.stream().filter(relatedGroups::contains).forEach(group -> reasons.add(new RelatedCaseStudy.Reason(
                "targetGroup", group, "Both work with " + vocabularyLabel(TargetGroup.class, group)
                        .toLowerCase(Locale.ROOT))));
        if (!words.isEmpty()) {
            reasons.add(new RelatedCaseStudy.Reason("text", null, "Similar wording: " + String.join(", ", words)));
        }
        return reasons;
    }

    private static List<String> matchingWords(SearchIndex.Snapshot snapshot, Map<String, Weight> wordWeights, int doc)
            throws IOException {
        List<LeafReaderContext> leaves = snapshot.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int target = doc - leaf.docBase;
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Weight> word : wordWeights.entrySet()) {
            Scorer scorer = word.getValue().scorer(leaf);
            if (scorer != null && scorer.iterator().advance(target) == target) {
                words.add(word.getKey());
                if (words.size() == REASON_WORDS) {
                    break;
                }
            }
        }
        return words;
    }

    // ---- Completion ----

    private static boolean startsAWord(String foldedText, String foldedPrefix) {
        return foldedText.startsWith(foldedPrefix) || foldedText.contains(" " + foldedPrefix);
    }

    private static List<Suggestion> places(SearchIndex.Snapshot snapshot, String foldedPrefix, int limit) throws IOException {
        Terms terms = MultiTerms.getTerms(snapshot.getIndexReader(), CaseStudyDocuments.PLACE_COMPLETION);
        if (terms == null || limit <= 0) {
            return List.of();
        }
        Map<String, Integer> frequency = new HashMap<>();
        TermsEnum termsEnum = terms.iterator();
        BytesRef start = new BytesRef(foldedPrefix);
        if (termsEnum.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        int scanned = 0;
        for (BytesRef term = termsEnum.term(); term != null && scanned < PLACE_CANDIDATES; term = termsEnum.next(), scanned++) {
            String value = term.utf8ToString();
            if (!value.startsWith(foldedPrefix)) {
                break;
            }
            String display = value.substring(value.indexOf(CaseStudyDocuments.COMPLETION_SEPARATOR) + 1);
            frequency.merge(display, termsEnum.docFreq(), Integer::sum);
        }
        return frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(entry -> new Suggestion("place", entry.getKey(), entry.getKey()))
                .toList();
    }

    private List<Suggestion> titles(SearchIndex.Snapshot snapshot, String prefix, int limit) throws IOException {
        List<String> words = words(prefix);
        if (words.isEmpty() || limit <= 0) {
            return List.of();
        }
        boolean lastIsComplete = Character.isWhitespace(prefix.charAt(prefix.length() - 1));
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(statusFilter(Set.of(CaseStudyStatus.PUBLISHED)), BooleanClause.Occur.FILTER);
        for (int i = 0; i < words.size(); i++) {
            Term term = new Term(CaseStudyDocuments.TITLE_WORDS, words.get(i));
            boolean partial = i == words.size() - 1 && !lastIsComplete;
            query.add(partial ? new PrefixQuery(term) : new TermQuery(term), BooleanClause.Occur.MUST);
        }
        TopDocs found = snapshot.search(query.build(), limit, new Sort(
                SortField.FIELD_SCORE, new SortField(CaseStudyDocuments.TITLE_SORT, SortField.Type.STRING)));
        List<Suggestion> suggestions = new ArrayList<>();
        for (ScoreDoc hit : found.scoreDocs) {
            Document doc = snapshot.storedFields().document(hit.doc, Set.of(CaseStudyDocuments.TITLE, CaseStudyDocuments.SLUG));
            suggestions.add(new Suggestion("caseStudy", doc.get(CaseStudyDocuments.TITLE), doc.get(CaseStudyDocuments.SLUG)));
        }
        return suggestions;
    }

    private List<String> words(String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = wordAnalyzer.tokenStream(CaseStudyDocuments.TITLE_WORDS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }

    // ---- Snapshots and cursors ----

    /** Waits for a turn to search (see {@link EvidenceConfig.Search#concurrency()}), then takes a snapshot. */
    private SearchIndex.Snapshot acquire(Long snapshotVersion) {
        acquireTurn();
        try {
            SearchIndex.Snapshot snapshot = snapshotVersion == null ? null : index.acquire(snapshotVersion);
            if (snapshot == null) {
                snapshot = index.acquire();
            }
            if (snapshot == null) {
                throw new ApiException(ProblemType.UNAVAILABLE, "The search index is not open yet; try again in a moment.");
            }
            return snapshot;
        } catch (IOException e) {
            turns.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            turns.release();
            throw e;
        }
    }

    private void release(SearchIndex.Snapshot snapshot) {
        try {
            index.release(snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            turns.release();
        }
    }

    private void acquireTurn() {
        try {
            if (!turns.tryAcquire(config.search().queueTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ApiException(ProblemType.UNAVAILABLE, "The service is busy with other searches; try again in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ProblemType.UNAVAILABLE, "The search was interrupted; try again in a moment.");
        }
    }

    /** Where the next page starts: after this sort position, preferably in the same index snapshot. */
    private record PageStart(long snapshotVersion, FieldDoc after, long total) {
    }

    private String encodeCursor(SearchRequest request, SearchIndex.Snapshot snapshot, FieldDoc last, long total,
            long issuedAt) throws IOException {
        long version = index.keep(snapshot);
        Object value = last.fields[0];
        String encodedValue;
        if (value instanceof BytesRef bytes) {
            encodedValue = Base64.getUrlEncoder().withoutPadding().encodeToString(BytesRef.deepCopyOf(bytes).bytes);
        } else if (value instanceof Float || value instanceof Long) {
            encodedValue = value.toString();
        } else {
            throw new IllegalStateException("Unexpected sort value " + value);
        }
        String slug = ((BytesRef) last.fields[1]).utf8ToString();
        return Cursor.encode(secrets.get(CURSOR_KEY), CURSOR_VERSION, request.sort().parameter(), request.fingerprint(),
                Long.toString(version), Long.toString(issuedAt), encodedValue, slug, Long.toString(total));
    }

    private PageStart decodeCursor(SearchRequest request) {
        List<String> parts = Cursor.decode(secrets.get(CURSOR_KEY), request.cursor(), 8);
        if (!parts.get(0).equals(CURSOR_VERSION) || !parts.get(1).equals(request.sort().parameter())
                || !parts.get(2).equals(request.fingerprint())) {
            throw ApiException.invalid("cursor", "belongs to a different search; send it with the same q, filters and sort "
                    + "as the page it came from, or start again without it");
        }
        try {
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts.get(4)));
            if (issued.plus(config.search().cursorLifetime()).isBefore(Instant.now())) {
                throw ApiException.invalid("cursor", "has expired; start again from the first page");
            }
            Object value = switch (request.sort()) {
                case RELEVANCE -> Float.parseFloat(parts.get(5));
                case TITLE -> new BytesRef(Base64.getUrlDecoder().decode(parts.get(5)));
                default -> Long.parseLong(parts.get(5));
            };
            FieldDoc after = new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {value, new BytesRef(parts.get(6))});
            return new PageStart(Long.parseLong(parts.get(3)), after, Long.parseLong(parts.get(7)));
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
    }
}
