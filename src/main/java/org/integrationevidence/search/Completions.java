package org.integrationevidence.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.CaseStudyStatus;

/**
 * Completions of what a user is typing in a search box: approach names that start a word with it, then places
 * (from the index's terms, by how many case studies name them), then titles of published case studies.
 */
@ApplicationScoped
class Completions {

    private static final int PLACE_CANDIDATES = 200;

    @Inject
    SearchTurns turns;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    SearchTimer timer;

    private final Analyzer wordAnalyzer = SearchAnalyzers.words();

    /** Completions of what is being typed: approach names, then places, then titles of published case studies. */
    public Searched<List<Suggestion>> suggest(String prefix, int limit) {
        return timer.time(SearchTimer.Kind.SUGGEST, () -> completions(prefix, limit));
    }

    private Searched<List<Suggestion>> completions(String prefix, int limit) {
        String folded = SearchAnalyzers.fold(prefix);
        int share = (limit + 2) / 3;
        List<Suggestion> suggestions = new ArrayList<>();
        taxonomy.entries().values().stream()
                .filter(entry -> startsAWord(SearchAnalyzers.fold(entry.name()), folded))
                .sorted(Comparator.comparing(TaxonomyLookup.Entry::name))
                .limit(share)
                .forEach(entry -> suggestions.add(new Suggestion("approach", entry.name(), entry.slug())));
        return turns.onCurrentSnapshot((snapshot, basis) -> {
            suggestions.addAll(places(snapshot, folded, share));
            suggestions.addAll(titles(snapshot, prefix, limit - suggestions.size()));
            return new Searched<>(suggestions.size() > limit ? suggestions.subList(0, limit) : suggestions, basis);
        });
    }

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
                .add(SearchQueries.statusFilter(Set.of(CaseStudyStatus.PUBLISHED)), BooleanClause.Occur.FILTER);
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
}
