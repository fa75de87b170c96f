package org.integrationevidence.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;

/**
 * The published case studies most like one: those sharing its approaches (weighted most), themes and target groups,
 * and its most telling words (Lucene's MoreLikeThis), each with the reasons it was chosen.
 */
@ApplicationScoped
class RelatedCaseStudies {

    private static final int RELATED_TEXT_TERMS = 12;
    private static final int REASON_WORDS = 5;

    @Inject
    SearchTurns turns;

    @Inject
    CaseStudyCatalogue catalogue;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    StoredHits storedHits;

    @Inject
    SearchTimer timer;

    private final Analyzer indexAnalyzer = SearchAnalyzers.index();

    /** The published case studies most like this one, each with what they share. */
    public Searched<List<RelatedCaseStudy>> related(String slug, int limit) {
        return timer.time(SearchTimer.Kind.RELATED, () -> findRelated(slug, limit));
    }

    private Searched<List<RelatedCaseStudy>> findRelated(String slug, int limit) {
        long id = catalogue.servableId(slug);
        Map<String, TaxonomyLookup.Entry> approaches = taxonomy.entries();
        return turns.onCurrentSnapshot((snapshot, basis) -> {
            TopDocs self = snapshot.search(new TermQuery(CaseStudyDocuments.idTerm(id)), 1);
            if (self.scoreDocs.length == 0) {
                return new Searched<>(List.of(), basis);
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
                    .add(SearchQueries.statusFilter(Set.of(CaseStudyStatus.PUBLISHED)), BooleanClause.Occur.FILTER)
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
            List<StoredHits.StoredHit> stored = storedHits.read(snapshot, found.scoreDocs);
            Set<Long> servable = catalogue.idsIn(stored.stream().map(StoredHits.StoredHit::id).toList(), Set.of(CaseStudyStatus.PUBLISHED));
            List<RelatedCaseStudy> related = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                if (servable.contains(stored.get(i).id())) {
                    int hitDoc = found.scoreDocs[i].doc;
                    related.add(new RelatedCaseStudy(stored.get(i).summary(), reasons(sourceApproaches, sourceThemes,
                            sourceGroups, snapshot.storedFields().document(hitDoc), approaches,
                            matchingWords(snapshot, wordWeights, hitDoc))));
                }
            }
            return new Searched<>(related, basis.withLeftOut(StoredHits.leftOut(stored, servable)));
        });
    }

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
                "theme", theme, "Both work on " + FacetLabels.vocabularyLabel(Theme.class, theme).toLowerCase(Locale.ROOT))));
        Set<String> relatedGroups = Set.of(related.getValues(CaseStudyDocuments.TARGET_GROUP));
        sourceGroups.stream().filter(relatedGroups::contains).forEach(group -> reasons.add(new RelatedCaseStudy.Reason(
                "targetGroup", group, "Both work with " + FacetLabels.vocabularyLabel(TargetGroup.class, group)
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
}
