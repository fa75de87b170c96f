package org.integrationevidence.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.integrationevidence.approach.ApproachInput;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.framework.FrameworkLookup;
import org.integrationevidence.casestudy.EvidenceLevel;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.Scale;
import org.integrationevidence.outcome.OutcomeDomainLookup;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;

/**
 * The values of a facet as the API serves them: counted, labelled (approach names, country names, the evidence
 * scale's labels, the vocabularies' labels), marked selected, and ordered (by count, then label; the evidence scale in
 * its own order, every level shown).
 */
final class FacetLabels {

    private FacetLabels() {
    }

    static List<FacetValue> facetValues(Map<String, Long> matchCounts, String dim, SearchRequest request,
            Map<String, TaxonomyLookup.Entry> approaches, Map<String, OutcomeDomainLookup.Entry> domains,
            FrameworkLookup.Frameworks frameworks) {
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
        counts.forEach((value, count) -> values.add(new FacetValue(value, FrameworkLookup.SCHEMES.contains(dim)
                ? conceptLabel(frameworks, dim, value) : label(dim, value, approaches, domains), count,
                selected.contains(value), parent(dim, value, approaches, domains))));
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
            case CaseStudyDocuments.OUTCOME_DOMAIN -> strings.apply(request.outcomeDomains());
            case CaseStudyDocuments.DIRECTION -> strings.apply(request.directions());
            case CaseStudyDocuments.EVIDENCE -> {
                Set<String> levels = new LinkedHashSet<>();
                if (request.minEvidence() != null) {
                    for (int level = request.minEvidence(); level <= 5; level++) {
                        levels.add(Integer.toString(level));
                    }
                }
                yield levels;
            }
            default -> FrameworkLookup.SCHEMES.contains(dim) ? new LinkedHashSet<>(request.frameworkCodes(dim)) : Set.of();
        };
    }

    /** A framework concept's value: its code and title, such as "16 Empower migrants and societies ...". */
    private static String conceptLabel(FrameworkLookup.Frameworks frameworks, String scheme, String code) {
        FrameworkLookup.Concept concept = frameworks == null ? null : frameworks.conceptsOf(scheme).get(code);
        return concept == null ? code : concept.label(ApproachInput.MAX_NAME);
    }

    private static String parent(String dim, String value, Map<String, TaxonomyLookup.Entry> approaches,
            Map<String, OutcomeDomainLookup.Entry> domains) {
        return switch (dim) {
            case CaseStudyDocuments.APPROACH -> approaches.containsKey(value) ? approaches.get(value).parentSlug() : null;
            case CaseStudyDocuments.OUTCOME_DOMAIN -> domains.containsKey(value) ? domains.get(value).parentSlug() : null;
            default -> null;
        };
    }

    private static String label(String dim, String value, Map<String, TaxonomyLookup.Entry> approaches,
            Map<String, OutcomeDomainLookup.Entry> domains) {
        return switch (dim) {
            case CaseStudyDocuments.OUTCOME_DOMAIN -> domains.containsKey(value) ? domains.get(value).name() : value;
            case CaseStudyDocuments.APPROACH -> approaches.containsKey(value) ? approaches.get(value).name() : value;
            case CaseStudyDocuments.COUNTRY -> CaseStudyDocuments.countryName(value);
            case CaseStudyDocuments.EVIDENCE -> EvidenceLevel.of(Integer.parseInt(value)).label;
            case CaseStudyDocuments.THEME -> vocabularyLabel(Theme.class, value);
            case CaseStudyDocuments.TARGET_GROUP -> vocabularyLabel(TargetGroup.class, value);
            case CaseStudyDocuments.SCALE -> vocabularyLabel(Scale.class, value);
            case CaseStudyDocuments.DIRECTION -> vocabularyLabel(Direction.class, value);
            default -> value;
        };
    }

    static <E extends Enum<E>> String vocabularyLabel(Class<E> type, String value) {
        return Vocabulary.parse(type, value).map(Vocabulary::label).orElse(value);
    }
}
