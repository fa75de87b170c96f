package org.integrationevidence.search;

import static org.apache.lucene.search.BooleanClause.Occur.MUST;
import static org.apache.lucene.search.BooleanClause.Occur.MUST_NOT;
import static org.apache.lucene.search.BooleanClause.Occur.SHOULD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * The {@code q} parameter as Lucene queries. The expected queries are built clause by clause: a word becomes one
 * clause per text field, boosted by the field's weight. Boolean queries compare their clauses as sets.
 */
class TextQueriesUnitTest {

    private static final Analyzer ANALYZER = SearchAnalyzers.query();

    @Test
    void aWordIsSearchedInEveryTextFieldByItsWeight() {
        assertEquals(word("school"), parse("school"));
    }

    @Test
    void wordsAreFoldedAndStemmed() {
        assertEquals(word("malmo"), parse("Malmö"));
        assertEquals(word("community"), parse("Communities"));
    }

    @Test
    void aPlaceNameAlsoFindsItsOtherSpellings() {
        assertEquals(perField(field -> new SynonymQuery.Builder(field).addTerm(new Term(field, "torino"))
                .addTerm(new Term(field, "turin")).build()), parse("Torino"));
    }

    @Test
    void oneOfTwoWordsIsEnough() {
        assertEquals(words(0, "women", "football"), parse("women football"));
    }

    @Test
    void fromThreeWordsOnHalfOfThemRoundedDownMustMatch() {
        assertEquals(words(1, "women", "football", "sport"), parse("women football sport"));
        assertEquals(words(2, "women", "football", "sport", "club"), parse("women football sport club"));
        assertEquals(words(2, "women", "football", "sport", "club", "city"), parse("women football sport club city"));
    }

    @Test
    void stopWordsAreNoWordsToMatch() {
        assertEquals(words(0, "women", "football"), parse("the women and the football"));
    }

    @Test
    void anExcludedWordIsExcluded() {
        assertEquals(new BooleanQuery.Builder().add(word("school"), SHOULD).add(word("link"), MUST_NOT).build(),
                parse("school -linking"));
    }

    @Test
    void exclusionsDoNotCountTowardsTheMinimum() {
        BooleanQuery.Builder expected = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1);
        for (String word : List.of("women", "football", "club")) {
            expected.add(word(word), SHOULD);
        }
        expected.add(word("sport"), MUST_NOT);
        assertEquals(expected.build(), parse("women football -sport club"));
    }

    @Test
    void exclusionsAloneMatchEverythingElse() {
        assertEquals(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), MUST).add(word("link"), MUST_NOT)
                .add(word("school"), MUST_NOT).build(), parse("-linking -school"));
        assertEquals(new BooleanQuery.Builder().add(new MatchAllDocsQuery(), SHOULD).add(word("link"), MUST_NOT)
                .build(), parse("-linking"));
    }

    @Test
    void anExplicitOrLeavesTheQueryAsTheUserWroteIt() {
        assertEquals(words(0, "women", "football", "sport", "club"), parse("women football sport|club"));
        assertEquals(words(2, "women", "football", "sport", "club"), parse("women football sport \\| club"));
    }

    @Test
    void aPhraseIsSearchedAsAPhraseInEveryField() {
        assertEquals(phrase(0, 1), parse("\"language class\""));
        assertEquals(phrase(0, 2), parse("\"language for classes\""));
    }

    @Test
    void aPrefixIsSearchedInEveryField() {
        assertEquals(perField(field -> new PrefixQuery(new Term(field, "integr"))), parse("integr*"));
    }

    @Test
    void specialCharactersInQuotesOrEscapedAreText() {
        assertEquals(word("school"), parse("\"(a\" school"));
        assertEquals(word("school"), parse("school \\("));
        assertEquals(word("x"), parse("\"x*\""));
    }

    @Test
    void anUnclosedQuoteIsRefused() {
        assertRefused("\"language class", "has an unclosed quotation mark; phrases are written \"like this\"");
        assertRefused("a \"b\" \"c", "has an unclosed quotation mark; phrases are written \"like this\"");
    }

    @Test
    void unbalancedParenthesesAreRefused() {
        assertRefused("(women football", "has an opening parenthesis without a closing one");
        assertRefused("women) (football", "has a closing parenthesis without an opening one");
        assertRefused(")(", "has a closing parenthesis without an opening one");
    }

    @Test
    void aPrefixOfFewerThanTwoLettersIsRefused() {
        for (String q : List.of("i*", "*", "school -x*", "\"a\" *")) {
            assertRefused(q, "has a prefix search with fewer than 2 letters before *");
        }
        assertEquals(perField(field -> new PrefixQuery(new Term(field, "in"))), parse("in*"));
    }

    @Test
    void atMostFivePrefixesAreSearched() {
        assertEquals(5, ((BooleanQuery) parse("ab* cd* ef* gh* ij*")).clauses().size());
        assertRefused("ab* cd* ef* gh* ij* kl*", "has 6 prefix searches (word*); at most 5 are allowed");
    }

    @Test
    void atMost32WordsAreSearched() {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            q.append("word").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
        }
        assertEquals(32, ((BooleanQuery) parse(q.toString())).clauses().size());
        assertRefused(q + "more", "has 33 words; at most 32 are searched for");
    }

    @Test
    void aQueryWithoutWordsIsRefused() {
        for (String q : List.of("the", "...", "-", "of the and")) {
            assertRefused(q, "has no words to search for: only punctuation or very common words such as \"the\"");
        }
    }

    @Test
    void aTwoWordPhraseBecomesOneTermOfEachWordPairField() {
        assertEquals(perField(field -> new TermQuery(new Term(CaseStudyDocuments.pairField(field), "language class"))),
                TextQueries.withWordPairs(parse("\"language class\"")));
    }

    @Test
    void longerPhrasesAndPhrasesWithGapsStayPhrases() {
        Query threeWords = parse("\"women football club\"");
        assertEquals(threeWords, TextQueries.withWordPairs(threeWords));
        Query withAGap = parse("\"language for classes\"");
        assertEquals(withAGap, TextQueries.withWordPairs(withAGap));
    }

    @Test
    void wordPairsKeepTheRestOfTheQuery() {
        BooleanQuery expected = new BooleanQuery.Builder().setMinimumNumberShouldMatch(1)
                .add(perField(field -> new TermQuery(new Term(CaseStudyDocuments.pairField(field), "language class"))),
                        SHOULD)
                .add(word("women"), SHOULD).add(word("football"), SHOULD).add(word("sport"), MUST_NOT).build();
        assertEquals(expected, TextQueries.withWordPairs(parse("\"language class\" women football -sport")));
        Query term = new TermQuery(new Term("title", "women"));
        assertSame(term, TextQueries.withWordPairs(term));
    }

    private static Query parse(String q) {
        return TextQueries.parse(q, ANALYZER);
    }

    private static void assertRefused(String q, String message) {
        ApiException e = assertThrows(ApiException.class, () -> parse(q), q);
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of(new FieldError("q", message)), e.errors(), q);
    }

    /** Words, each in every field, of which {@code minimum} must match. */
    private static Query words(int minimum, String... terms) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder().setMinimumNumberShouldMatch(minimum);
        for (String term : terms) {
            builder.add(word(term), SHOULD);
        }
        return builder.build();
    }

    private static Query word(String term) {
        return perField(field -> new TermQuery(new Term(field, term)));
    }

    /** "language class" in every field, the second word at this position. */
    private static Query phrase(int first, int second) {
        return perField(field -> new PhraseQuery.Builder().add(new Term(field, "language"), first)
                .add(new Term(field, "class"), second).build());
    }

    /** One clause per text field, boosted by its weight, any of which may match. */
    private static Query perField(Function<String, Query> query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        CaseStudyDocuments.TEXT_WEIGHTS.forEach((field, weight) -> builder.add(
                weight == 1f ? query.apply(field) : new BoostQuery(query.apply(field), weight), SHOULD));
        return builder.build();
    }
}
