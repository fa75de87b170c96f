package org.integrationevidence.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.integrationevidence.problem.ApiException;

/**
 * Turns the {@code q} parameter into a Lucene query. Lucene's simple query syntax is used because it never fails
 * on stray special characters; what it would silently misread (an unclosed quote or parenthesis, a prefix of one
 * letter that would expand to most of the index, nothing left to search for) is refused with a 400 instead.
 */
final class TextQueries {

    private static final int FLAGS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.ESCAPE_OPERATOR
            | SimpleQueryParser.WHITESPACE_OPERATOR;
    private static final int MIN_PREFIX_LENGTH = 2;
    /** Each word becomes a clause per text field; this keeps a query far below Lucene's clause limit and cheap. */
    static final int MAX_WORDS = 32;
    /** Prefixes expand to many terms, and highlighting them costs more again. */
    static final int MAX_PREFIXES = 5;
    /** From this many words on, at least half of them (rounded down) must match. */
    private static final int WORDS_FOR_MINIMUM_MATCH = 3;

    private TextQueries() {
    }

    static Query parse(String q, Analyzer analyzer) {
        checkSyntax(q);
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, CaseStudyDocuments.TEXT_WEIGHTS, FLAGS);
        parser.setDefaultOperator(BooleanClause.Occur.SHOULD);
        Query parsed = parser.parse(q);
        if (parsed == null || parsed instanceof MatchNoDocsQuery) {
            throw invalid("has no words to search for: only punctuation or very common words such as \"the\"");
        }
        if (parsed instanceof BooleanQuery bool && !hasExplicitOr(q)) {
            return withMatchingRules(bool);
        }
        return parsed;
    }

    /**
     * The query to search with: each two-word phrase becomes one term of the field's word-pair twin, which finds
     * the same case studies (see {@link SearchAnalyzers}) without checking word positions in every case study that
     * has both words, the slowest part of a phrase search over many matches. Other phrases (longer ones, or those
     * with other spellings of a place) stay as they are. Highlighting keeps the query as parsed.
     */
    static Query withWordPairs(Query query) {
        if (query instanceof BooleanQuery bool) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            bool.clauses().forEach(clause -> builder.add(withWordPairs(clause.getQuery()), clause.getOccur()));
            return builder.build();
        }
        if (query instanceof BoostQuery boost) {
            return new BoostQuery(withWordPairs(boost.getQuery()), boost.getBoost());
        }
        if (query instanceof PhraseQuery phrase && phrase.getSlop() == 0 && phrase.getTerms().length == 2
                && phrase.getPositions()[1] - phrase.getPositions()[0] == 1) {
            Term first = phrase.getTerms()[0];
            Term second = phrase.getTerms()[1];
            return new TermQuery(new Term(CaseStudyDocuments.pairField(first.field()),
                    first.text() + " " + second.text()));
        }
        return query;
    }

    /**
     * Fixes what the simple syntax leaves surprising. {@code school -linking} must exclude "linking" (the parser would
     * OR the exclusion in as a clause of its own); a query of exclusions only matches everything else; and a long
     * question must match at least half of its words, rounded down, rather than any one of them.
     */
    private static Query withMatchingRules(BooleanQuery query) {
        List<BooleanClause> clauses = new ArrayList<>();
        for (BooleanClause clause : query.clauses()) {
            if (clause.getOccur() == BooleanClause.Occur.SHOULD && isExclusion(clause.getQuery())) {
                ((BooleanQuery) clause.getQuery()).clauses().stream()
                        .filter(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT).forEach(clauses::add);
            } else {
                clauses.add(clause);
            }
        }
        long required = clauses.stream().filter(c -> c.getOccur() == BooleanClause.Occur.MUST).count();
        long optional = clauses.stream().filter(c -> c.getOccur() == BooleanClause.Occur.SHOULD).count();
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        if (required + optional == 0) {
            builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        // Each word (or phrase) becomes a group of per-field clauses; a single word is a group itself, not a list of them.
        boolean clausesAreWords = clauses.stream().filter(c -> c.getOccur() == BooleanClause.Occur.SHOULD)
                .allMatch(c -> c.getQuery() instanceof BooleanQuery);
        if (required == 0 && optional >= WORDS_FOR_MINIMUM_MATCH && clausesAreWords) {
            builder.setMinimumNumberShouldMatch((int) optional / 2);
        } else {
            builder.setMinimumNumberShouldMatch(query.getMinimumNumberShouldMatch());
        }
        clauses.forEach(builder::add);
        return builder.build();
    }

    /** {@code -word} parses as "everything but word": a MUST_NOT clause beside a match-all one. */
    private static boolean isExclusion(Query query) {
        return query instanceof BooleanQuery bool
                && bool.clauses().stream().anyMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT)
                && bool.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.MUST_NOT
                        || c.getQuery() instanceof MatchAllDocsQuery);
    }

    /** With {@code |} in the query, its structure is the user's own and is left as parsed. */
    private static boolean hasExplicitOr(String q) {
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                return true;
            }
        }
        return false;
    }

    private static void checkSyntax(String q) {
        boolean inQuotes = false;
        int words = 0;
        int depth = 0;
        StringBuilder word = new StringBuilder();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '\\' && i + 1 < q.length()) {
                word.append(q.charAt(++i));
                continue;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && c == '(') {
                depth++;
            } else if (!inQuotes && c == ')') {
                if (--depth < 0) {
                    throw invalid("has a closing parenthesis without an opening one");
                }
            }
            if (!inQuotes && c == '*') {
                prefixes.add(word.toString());
            }
            if (Character.isLetterOrDigit(c)) {
                if (word.length() == 0) {
                    words++;
                }
                word.append(c);
            } else {
                word.setLength(0);
            }
        }
        if (inQuotes) {
            throw invalid("has an unclosed quotation mark; phrases are written \"like this\"");
        }
        if (depth > 0) {
            throw invalid("has an opening parenthesis without a closing one");
        }
        if (words > MAX_WORDS) {
            throw invalid("has " + words + " words; at most " + MAX_WORDS + " are searched for");
        }
        if (prefixes.size() > MAX_PREFIXES) {
            throw invalid("has " + prefixes.size() + " prefix searches (word*); at most " + MAX_PREFIXES + " are allowed");
        }
        for (String prefix : prefixes) {
            if (prefix.length() < MIN_PREFIX_LENGTH) {
                throw invalid("has a prefix search with fewer than " + MIN_PREFIX_LENGTH + " letters before *");
            }
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.invalid("q", message);
    }
}
