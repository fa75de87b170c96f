package org.integrationevidence.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;
import org.integrationevidence.framework.FrameworkLookup;
import org.integrationevidence.outcome.OutcomeDomainLookup;
import org.integrationevidence.problem.FieldError;

/** An axis: its values in order, and how a case study's values are found. */
record MapAxis(EvidenceMaps.Dimension dimension, Integer depth, List<EvidenceMap.Value> values,
        Map<String, Integer> index, String field, Map<String, String> domainKey) {

    /** For outcome domains: each term's position on this axis, by the term's index in {@code slugs}; -1 if none. */
    int[] positionsOf(List<String> slugs) {
        int[] positions = new int[slugs.size()];
        for (int i = 0; i < positions.length; i++) {
            String key = domainKey == null ? null : domainKey.get(slugs.get(i));
            Integer position = key == null ? null : index.get(key);
            positions[i] = position == null ? -1 : position;
        }
        return positions;
    }

    EvidenceMap.Axis toJson() {
        return new EvidenceMap.Axis(dimension.parameter, depth, values);
    }

static MapAxis of(EvidenceMaps.AxisChoice choice, String parameter, Map<String, TaxonomyLookup.Entry> approaches,
        Map<String, OutcomeDomainLookup.Entry> domains, FrameworkLookup.Frameworks frameworks, SearchIndex.Snapshot snapshot,
        List<FieldError> errors)
        throws IOException {
    EvidenceMaps.Dimension dimension = choice.dimension();
    List<EvidenceMap.Value> values = new ArrayList<>();
    Integer depth = null;
    Map<String, String> domainKey = null;
    String field;
    switch (dimension) {
        case APPROACH -> {
            Map<String, Integer> depths = approachDepths(approaches);
            int deepest = depths.values().stream().mapToInt(Integer::intValue).max().orElse(1);
            depth = choice.depth() == null ? 1 : choice.depth();
            if (depth > deepest) {
                errors.add(new FieldError(parameter + "Depth", "must be at most " + deepest + ": the approach tree is "
                        + deepest + " deep"));
            }
            for (String slug : treeOrder(approaches)) {
                if (depths.get(slug) == depth.intValue()) {
                    TaxonomyLookup.Entry entry = approaches.get(slug);
                    values.add(new EvidenceMap.Value(slug, entry.name(), entry.parentSlug()));
                }
            }
            field = CaseStudyDocuments.MAP_APPROACH;
        }
        case OUTCOME_DOMAIN -> {
            depth = choice.depth() == null ? 2 : choice.depth();
            if (depth > 2) {
                errors.add(new FieldError(parameter + "Depth", "must be 1 (groups) or 2 (domains) for outcomeDomain"));
            }
            boolean groups = depth == 1;
            domainKey = new HashMap<>();
            for (OutcomeDomainLookup.Entry entry : domains.values()) {
                if (entry.isGroup() == groups) {
                    values.add(new EvidenceMap.Value(entry.slug(), entry.name(), entry.parentSlug()));
                }
                if (!entry.isGroup()) {
                    domainKey.put(entry.slug(), groups ? entry.parentSlug() : entry.slug());
                }
            }
            field = null;
        }
        case THEME -> {
            Arrays.stream(Theme.values()).forEach(t -> values.add(new EvidenceMap.Value(t.toString(), Vocabulary.label(t), null)));
            field = CaseStudyDocuments.MAP_THEME;
        }
        case CBP, GCM, SDG -> {
            // A framework's concepts in its order, labelled with code and title, as its facet labels them.
            frameworks.conceptsOf(dimension.parameter).values().forEach(concept ->
                    values.add(new EvidenceMap.Value(concept.code(), concept.label(EvidenceMap.MAX_LABEL), null)));
            field = CaseStudyDocuments.mapField(dimension.parameter);
        }
        case TARGET_GROUP -> {
            Arrays.stream(TargetGroup.values()).forEach(g -> values.add(new EvidenceMap.Value(g.toString(), Vocabulary.label(g), null)));
            field = CaseStudyDocuments.MAP_TARGET_GROUP;
        }
        default -> {
            // Every country with a case study in the index, so that the map of a selection shows its gaps.
            TreeSet<String> codes = new TreeSet<>();
            for (LeafReaderContext leaf : snapshot.getIndexReader().leaves()) {
                SortedSetDocValues countries = DocValues.getSortedSet(leaf.reader(), CaseStudyDocuments.MAP_COUNTRY);
                for (long ord = 0; ord < countries.getValueCount(); ord++) {
                    codes.add(countries.lookupOrd(ord).utf8ToString());
                }
            }
            codes.stream().map(code -> new EvidenceMap.Value(code, CaseStudyDocuments.countryName(code), null))
                    .sorted(Comparator.comparing(EvidenceMap.Value::label)).forEach(values::add);
            field = CaseStudyDocuments.MAP_COUNTRY;
        }
    }
    if (choice.depth() != null && dimension != EvidenceMaps.Dimension.APPROACH && dimension != EvidenceMaps.Dimension.OUTCOME_DOMAIN) {
        errors.add(new FieldError(parameter + "Depth", "applies to approach and outcomeDomain only"));
    }
    if (choice.depth() != null && choice.depth() < 1) {
        errors.add(new FieldError(parameter + "Depth", "must be at least 1"));
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
        index.put(values.get(i).key(), i);
    }
    return new MapAxis(dimension, depth, values, index, field, domainKey);
}

/** Each approach's depth in the tree: 1 for a top-level approach. */
private static Map<String, Integer> approachDepths(Map<String, TaxonomyLookup.Entry> approaches) {
    Map<String, Integer> depths = new HashMap<>();
    for (String slug : approaches.keySet()) {
        int depth = 1;
        String parent = approaches.get(slug).parentSlug();
        while (parent != null && approaches.containsKey(parent) && depth <= approaches.size()) {
            depth++;
            parent = approaches.get(parent).parentSlug();
        }
        depths.put(slug, depth);
    }
    return depths;
}

/** The approaches depth first, siblings by name: the order of GET /api/v1/approaches. */
private static List<String> treeOrder(Map<String, TaxonomyLookup.Entry> approaches) {
    Map<String, List<String>> children = new LinkedHashMap<>();
    approaches.values().stream().sorted(Comparator.comparing(TaxonomyLookup.Entry::name).thenComparing(TaxonomyLookup.Entry::slug))
            .forEach(e -> children.computeIfAbsent(e.parentSlug() != null && approaches.containsKey(e.parentSlug())
                    ? e.parentSlug() : "", k -> new ArrayList<>()).add(e.slug()));
    List<String> order = new ArrayList<>();
    visit("", children, order);
    return order;
}

private static void visit(String parent, Map<String, List<String>> children, List<String> order) {
    for (String child : children.getOrDefault(parent, List.of())) {
        order.add(child);
        visit(child, children, order);
    }
}
}
