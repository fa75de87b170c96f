package org.integrationevidence.search;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How text becomes terms. Index and query share one chain, so that what is written and what is asked meet:
 * words are lower-cased and accent-folded ({@code Malmö} = {@code malmo}), possessives and stop words dropped,
 * and reduced to a light English stem ({@code communities} = {@code community}) that still prefix-matches
 * ({@code integr*}). Queries also expand place names to their other spellings ({@code Torino} = {@code Turin}),
 * from {@code search/place-synonyms.txt}.
 *
 * <p>Each text field also has a twin of word pairs ({@link CaseStudyDocuments#pairField}): the same chain, then
 * every two adjacent terms joined into one ({@code "language class"}), so that a two-word phrase is looked up as one
 * term instead of matching positions in every document that has both words.
 */
final class SearchAnalyzers {

    /** English stop words, and the question words people type into a search box ("what has worked for ..."). */
    static final CharArraySet STOP_WORDS = stopWords();

    private static final int VALUE_POSITION_GAP = 100;

    private SearchAnalyzers() {
    }

    /** For indexing the text fields. */
    static Analyzer index() {
        return new TextAnalyzer(null);
    }

    /** For parsing queries over the text fields: the index chain plus place-name synonyms. */
    static Analyzer query() {
        return new TextAnalyzer(placeSynonyms());
    }

    /** Whole words, folded but not stemmed: for completing what someone is typing. */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /** Lower case and accent folding of a whole value, for exact-match filters such as {@code place} and {@code region}. */
    static String fold(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        char[] folded = new char[lower.length() * 4];
        int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, folded, 0, lower.length());
        return new String(folded, 0, length);
    }

    private static final class TextAnalyzer extends Analyzer {

        private final SynonymMap synonyms;

        TextAnalyzer(SynonymMap synonyms) {
            // Per field, because pair fields have a chain of their own.
            super(PER_FIELD_REUSE_STRATEGY);
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            stream = new StopFilter(new EnglishPossessiveFilter(stream), STOP_WORDS);
            if (synonyms != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            stream = new KStemFilter(stream);
            if (CaseStudyDocuments.isPairField(fieldName)) {
                // Words dropped as stop words leave a gap that the filter fills with "_": "language for classes"
                // gives no "language class" pair, just as it does not match that phrase.
                ShingleFilter pairs = new ShingleFilter(stream, 2, 2);
                pairs.setOutputUnigrams(false);
                stream = pairs;
            }
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }

        /** A phrase never runs from one value of a field into the next (two organisations, two outcomes). */
        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_POSITION_GAP;
        }
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of("what", "which", "who", "whom", "how", "where", "when", "why", "has", "have", "had",
                "do", "does", "did", "can", "could", "would", "should", "from", "about", "we", "our", "you", "your",
                "i", "my", "me", "been", "were", "its"));
        return CharArraySet.unmodifiableSet(words);
    }

    private static SynonymMap placeSynonyms() {
        try (Reader reader = new InputStreamReader(
                SearchAnalyzers.class.getResourceAsStream("/search/place-synonyms.txt"), StandardCharsets.UTF_8);
                Analyzer parsing = words()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, parsing);
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read search/place-synonyms.txt", e);
        } catch (ParseException e) {
            throw new IllegalStateException("search/place-synonyms.txt is not in Solr synonym format", e);
        }
    }
}
