package org.integrationevidence.oai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.integrationevidence.approach.ApproachRef;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;
import org.integrationevidence.framework.FrameworkLookup;

/**
 * The kinds of sets, each a top-level set whose spec is its prefix, with a set below it for each value. A new kind is
 * one more constant: its sets, the condition that selects their case studies, and the sets a case study is in.
 */
enum SetKind {

    /** The approach taxonomy, hierarchical: {@code approach:social-contact-and-mixing:school-linking}. */
    APPROACH("approach", "Approaches") {
        @Override
        List<OaiSet> sets(Vocabularies vocabularies) {
            return vocabularies.approaches().values().stream()
                    .map(entry -> new OaiSet(spec(path(entry.slug(), vocabularies)), entry.name()))
                    .sorted(Comparator.comparing(OaiSet::spec)).toList();
        }

        @Override
        Optional<Condition> condition(List<String> values, Vocabularies vocabularies) {
            if (values.isEmpty()) {
                return Optional.of(new Condition("c.approaches is not empty", Map.of()));
            }
            String slug = values.get(values.size() - 1);
            if (!vocabularies.approaches().containsKey(slug) || !path(slug, vocabularies).equals(values)) {
                return Optional.empty();
            }
            Set<String> narrower = TaxonomyLookup.selfAndNarrower(Set.of(slug), vocabularies.approaches());
            return Optional.of(new Condition("exists (select oa.id from CaseStudy oc join oc.approaches oa "
                    + "where oc.id = c.id and oa.slug in :oaiApproaches)", Map.of("oaiApproaches", narrower)));
        }

        @Override
        List<String> specsOf(CaseStudyView caseStudy, Vocabularies vocabularies) {
            return caseStudy.approaches().stream().map(ApproachRef::slug)
                    .map(slug -> spec(path(slug, vocabularies))).toList();
        }

    },

    /** The country of the place, by ISO 3166-1 alpha-2 code: {@code country:GB}. */
    COUNTRY("country", "Countries") {
        @Override
        List<OaiSet> sets(Vocabularies vocabularies) {
            return vocabularies.countries().stream().sorted()
                    .map(code -> new OaiSet(spec(List.of(code)), new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
                    .toList();
        }

        @Override
        Optional<Condition> condition(List<String> values, Vocabularies vocabularies) {
            if (values.isEmpty()) {
                return Optional.of(new Condition("c.countryCode is not null", Map.of()));
            }
            return values.size() == 1 && values.get(0).matches("[A-Z]{2}")
                    ? Optional.of(new Condition("c.countryCode = :oaiCountry", Map.of("oaiCountry", values.get(0))))
                    : Optional.empty();
        }

        @Override
        List<String> specsOf(CaseStudyView caseStudy, Vocabularies vocabularies) {
            String country = caseStudy.place() == null ? null : caseStudy.place().countryCode();
            return country == null ? List.of() : List.of(spec(List.of(country)));
        }
    },

    /** The themes: {@code theme:education}. */
    THEME("theme", "Themes") {
        @Override
        List<OaiSet> sets(Vocabularies vocabularies) {
            List<OaiSet> sets = new ArrayList<>();
            for (Theme theme : Theme.values()) {
                sets.add(new OaiSet(spec(List.of(Vocabulary.slugOf(theme))), Vocabulary.label(theme)));
            }
            return sets;
        }

        @Override
        Optional<Condition> condition(List<String> values, Vocabularies vocabularies) {
            if (values.isEmpty()) {
                return Optional.of(new Condition("c.themes is not empty", Map.of()));
            }
            return values.size() == 1 ? Vocabulary.parse(Theme.class, values.get(0))
                    .map(theme -> new Condition(":oaiTheme member of c.themes", Map.of("oaiTheme", theme))) : Optional.empty();
        }

        @Override
        List<String> specsOf(CaseStudyView caseStudy, Vocabularies vocabularies) {
            return caseStudy.themes().stream().map(theme -> spec(List.of(Vocabulary.slugOf(theme)))).toList();
        }
    },

    /**
     * The concepts of the frameworks, by scheme and code: {@code framework:gcm:16}, {@code framework:sdg:10.7}. A case
     * study is in a concept's set when one of its approaches, or an approach broader than one of them, is mapped to
     * the concept, as the search filters {@code cbp}, {@code gcm} and {@code sdg} read the mappings.
     */
    FRAMEWORK("framework", "Frameworks") {
        @Override
        List<OaiSet> sets(Vocabularies vocabularies) {
            List<OaiSet> sets = new ArrayList<>();
            vocabularies.schemes().forEach((scheme, title) -> {
                sets.add(new OaiSet(spec(List.of(scheme)), title));
                vocabularies.frameworks().conceptsOf(scheme).values().forEach(concept -> sets.add(
                        new OaiSet(spec(List.of(scheme, concept.code())), concept.label(MAX_SET_NAME))));
            });
            return sets;
        }

        @Override
        Optional<Condition> condition(List<String> values, Vocabularies vocabularies) {
            if (values.size() > 2 || (!values.isEmpty() && !vocabularies.schemes().containsKey(values.get(0)))
                    || (values.size() == 2 && !vocabularies.frameworks().conceptsOf(values.get(0)).containsKey(values.get(1)))) {
                return Optional.empty();
            }
            Set<String> mapped = new HashSet<>();
            for (FrameworkLookup.Mapping mapping : vocabularies.frameworks().mappings()) {
                if ((values.isEmpty() || mapping.scheme().equals(values.get(0)))
                        && (values.size() < 2 || mapping.code().equals(values.get(1)))
                        && vocabularies.approaches().containsKey(mapping.subjectSlug())
                        && "approach".equals(mapping.subjectKind())) {
                    mapped.add(mapping.subjectSlug());
                }
            }
            Set<String> under = TaxonomyLookup.selfAndNarrower(mapped, vocabularies.approaches());
            // An empty set is still a set: it selects nothing rather than everything.
            return Optional.of(under.isEmpty() ? new Condition("1 = 0", Map.of())
                    : new Condition("exists (select fa.id from CaseStudy fc join fc.approaches fa "
                            + "where fc.id = c.id and fa.slug in :oaiFrameworkApproaches)",
                            Map.of("oaiFrameworkApproaches", under)));
        }

        @Override
        List<String> specsOf(CaseStudyView caseStudy, Vocabularies vocabularies) {
            Set<String> withBroader = new HashSet<>();
            caseStudy.approaches().forEach(approach -> withBroader.addAll(path(approach.slug(), vocabularies)));
            List<String> specs = new ArrayList<>();
            vocabularies.frameworks().codesOf(withBroader).forEach((scheme, codes) -> codes.forEach(code ->
                    specs.add(spec(List.of(scheme, code)))));
            return specs;
        }
    };

    /** The slugs from the top of the taxonomy down to this approach. */
    private static List<String> path(String slug, Vocabularies vocabularies) {
        LinkedList<String> path = new LinkedList<>();
        String current = slug;
        while (current != null && path.size() <= vocabularies.approaches().size()) {
            path.addFirst(current);
            TaxonomyLookup.Entry entry = vocabularies.approaches().get(current);
            current = entry == null ? null : entry.parentSlug();
        }
        return path;
    }

    /** The longest set name of a framework's concept: its code and the start of its title. */
    static final int MAX_SET_NAME = 200;

    /**
     * What sets are made of now: the taxonomy by slug, the countries of public case studies, the frameworks' schemes
     * (code and title, in their order), their concepts and mappings.
     */
    record Vocabularies(Map<String, TaxonomyLookup.Entry> approaches, List<String> countries, Map<String, String> schemes,
            FrameworkLookup.Frameworks frameworks) {
    }


    /** A JPQL condition on the case study as {@code c}, with its parameters. */
    record Condition(String jpql, Map<String, Object> parameters) {
    }

    final String prefix;
    final String name;

    SetKind(String prefix, String name) {
        this.prefix = prefix;
        this.name = name;
    }

    /** The sets below this kind's own. */
    abstract List<OaiSet> sets(Vocabularies vocabularies);

    /** The condition of the set of these values below the kind's own (none: the kind's own), or empty if no such set. */
    abstract Optional<Condition> condition(List<String> values, Vocabularies vocabularies);

    /** The most specific sets of this kind that a case study is in (it is in their broader sets too). */
    abstract List<String> specsOf(CaseStudyView caseStudy, Vocabularies vocabularies);

    String spec(List<String> values) {
        return values.isEmpty() ? prefix : prefix + ":" + String.join(":", values);
    }

    /** The set a spec names, as its kind's condition; empty when there is no such set. */
    static Optional<Condition> conditionOf(String spec, Vocabularies vocabularies) {
        List<String> parts = List.of(spec.split(":", -1));
        for (SetKind kind : values()) {
            if (kind.prefix.equals(parts.get(0))) {
                return kind.condition(parts.subList(1, parts.size()), vocabularies);
            }
        }
        return Optional.empty();
    }

    /** Every set, each kind's own first. */
    static List<OaiSet> all(Vocabularies vocabularies) {
        List<OaiSet> sets = new ArrayList<>();
        for (SetKind kind : values()) {
            sets.add(new OaiSet(kind.prefix, kind.name));
            sets.addAll(kind.sets(vocabularies));
        }
        return sets;
    }

    /** The sets a case study is in, most specific of each kind. */
    static List<String> allSpecsOf(CaseStudyView caseStudy, Vocabularies vocabularies) {
        List<String> specs = new ArrayList<>();
        for (SetKind kind : values()) {
            specs.addAll(kind.specsOf(caseStudy, vocabularies));
        }
        return specs;
    }
}
