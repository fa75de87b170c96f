package org.integrationevidence.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/** The highlighted fragments of the hits of a text search: titles and summaries whole, bodies around the match. */
@ApplicationScoped
class Highlights {

    private static final int[] HIGHLIGHT_PASSAGES = {1, 1, 2};
    /** Long enough for the longest body: matches past this point would not be highlighted. */
    private static final int MAX_HIGHLIGHTED_LENGTH = 25_000;
    private static final int BODY_FRAGMENT_LENGTH = 160;

    private final Analyzer indexAnalyzer = SearchAnalyzers.index();

    Map<String, Map<String, List<String>>> highlight(SearchIndex.Snapshot snapshot, Query text, ScoreDoc[] hits,
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
             * Every highlighted field is indexed with offsets in its postings. Lucene's own answer would look it up in
             * the field infos of every segment merged anew for each highlighter, a twentieth of a search's time.
             */
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return CaseStudyDocuments.HIGHLIGHTED.contains(field) ? OffsetSource.POSTINGS : super.getOffsetSource(field);
            }

            /**
             * Titles and summaries are short enough to show whole. Bodies are cut at full stops into passages of
             * about {@value Highlights#BODY_FRAGMENT_LENGTH} characters around the match: the JDK's sentence rules would do
             * better at abbreviations but cost more than the whole search.
             */
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
}
