package org.integrationevidence.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.Evaluation;
import org.integrationevidence.casestudy.FindingInput;
import org.integrationevidence.casestudy.Period;
import org.integrationevidence.casestudy.Place;
import org.integrationevidence.casestudy.SourceReference;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;

/**
 * The shape of {@code seed/case-studies.json}: the source articles once, and case studies that cite them by key
 * with what each takes from the article.
 */
record SeedData(Map<String, Article> articles, List<SeedCaseStudy> caseStudies) {

    record Article(String title, String author, String publisher, LocalDate publishedOn, String url) {
    }

    record Citation(String article, String contribution, boolean fromReaderComments) {
    }

    record SeedCaseStudy(String slug, String title, String summary, String body, Place place, Period period,
            List<String> leadOrganisations, List<String> partnerOrganisations, List<String> approaches, Set<Theme> themes,
            Set<TargetGroup> targetGroups, List<FindingInput> findings, CaseStudyInput.Evidence evidence, Evaluation evaluation,
            List<Citation> sources) {

        /** The case study as any client would send it, with each cited article written out in full. */
        CaseStudyInput toInput(Map<String, Article> articles) {
            List<SourceReference> references = sources.stream().map(citation -> {
                Article article = articles.get(citation.article());
                if (article == null) {
                    throw new IllegalStateException("Seed case study " + slug + " cites unknown article " + citation.article());
                }
                return new SourceReference(article.title(), article.author(), article.publisher(), article.publishedOn(),
                        article.url(), citation.contribution(), citation.fromReaderComments(), null, null, null);
            }).toList();
            return new CaseStudyInput(slug, title, summary, body, place, period, leadOrganisations, partnerOrganisations,
                    approaches, themes, targetGroups, null, findings, evidence, evaluation, null, references, null,
                    CaseStudyStatus.PUBLISHED);
        }
    }
}
