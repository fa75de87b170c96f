package org.integrationevidence.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.problem.ApiException;
import org.junit.jupiter.api.Test;

/** The frameworks' pure rules: relations and their inverses, codes through mappings, narrower approaches, labels. */
class FrameworkRulesUnitTest {

    private static final Map<String, TaxonomyLookup.Entry> TREE = Map.of(
            "mixing", new TaxonomyLookup.Entry("mixing", "Mixing", null),
            "sport", new TaxonomyLookup.Entry("sport", "Sport", "mixing"),
            "football", new TaxonomyLookup.Entry("football", "Football", "sport"),
            "language", new TaxonomyLookup.Entry("language", "Language", null));

    @Test
    void relationsAreTheFiveOfSkosAndBroadAndNarrowAreEachOthersInverse() {
        assertEquals("exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch", MappingRelation.allowed());
        assertEquals(MappingRelation.NARROW_MATCH, MappingRelation.BROAD_MATCH.inverse());
        assertEquals(MappingRelation.BROAD_MATCH, MappingRelation.NARROW_MATCH.inverse());
        for (MappingRelation symmetric : List.of(MappingRelation.EXACT_MATCH, MappingRelation.CLOSE_MATCH, MappingRelation.RELATED_MATCH)) {
            assertEquals(symmetric, symmetric.inverse());
        }
        assertEquals(Optional.of(MappingRelation.CLOSE_MATCH), MappingRelation.parse("closeMatch"));
        assertEquals(Optional.empty(), MappingRelation.parse("sameAs"));
        assertEquals(Optional.empty(), MappingRelation.parse("CloseMatch"));
        assertEquals(Optional.empty(), MappingRelation.parse(null));
    }

    @Test
    void anApproachChangeReachesItsNarrowerApproachesOnly() {
        assertEquals(Set.of("mixing", "sport", "football"), TaxonomyLookup.selfAndNarrower(Set.of("mixing"), TREE));
        assertEquals(Set.of("sport", "football"), TaxonomyLookup.selfAndNarrower(Set.of("sport"), TREE));
        assertEquals(Set.of("language"), TaxonomyLookup.selfAndNarrower(Set.of("language"), TREE));
    }

    @Test
    void aCaseStudysCodesComeThroughTheMappingsOfItsApproachesAndTheirBroaderOnes() {
        FrameworkLookup.Frameworks frameworks = frameworks(List.of(
                new FrameworkLookup.Mapping(1, "cbp", "7", FrameworkService.APPROACH, "mixing", MappingRelation.CLOSE_MATCH),
                new FrameworkLookup.Mapping(2, "gcm", "16", FrameworkService.APPROACH, "mixing", MappingRelation.BROAD_MATCH),
                new FrameworkLookup.Mapping(3, "cbp", "4", FrameworkService.APPROACH, "language", MappingRelation.CLOSE_MATCH),
                new FrameworkLookup.Mapping(4, "cbp", "7", FrameworkService.OUTCOME_DOMAIN, "football", MappingRelation.CLOSE_MATCH)));
        // A case study tagged "football" is indexed with football and its broader approaches.
        Map<String, Set<String>> codes = frameworks.codesOf(List.of("football", "sport", "mixing"));
        assertEquals(Set.of("7"), codes.get("cbp"));
        assertEquals(Set.of("16"), codes.get("gcm"));
        assertEquals(Set.of(), codes.get("sdg"), "every scheme is there, empty or not");
        assertEquals(Set.of("4"), frameworks.codesOf(List.of("language")).get("cbp"));
        assertEquals(Set.of(), frameworks.codesOf(List.of()).get("cbp"), "an outcome domain's mapping is not an approach's");
    }

    @Test
    void anUnknownCodeIsA400NamingTheSchemesParameter() {
        FrameworkLookup.Frameworks frameworks = frameworks(List.of());
        frameworks.requireKnown("gcm", List.of("16", "a"));
        ApiException e = assertThrows(ApiException.class, () -> frameworks.requireKnown("gcm", List.of("16", "24", "z")));
        assertEquals(2, e.errors().size());
        assertEquals("gcm", e.errors().get(0).field());
        assertEquals("\"24\" is not a concept of the scheme \"gcm\"; see GET /api/v1/frameworks/gcm", e.errors().get(0).message());
        assertThrows(ApiException.class, () -> frameworks.requireKnown("unhcr", List.of("1")));
    }

    @Test
    void aLabelIsCodeAndTitleCutWithAnEllipsis() {
        FrameworkLookup.Concept concept = new FrameworkLookup.Concept("gcm", "16", "objective",
                "Empower migrants and societies to realize full inclusion and social cohesion");
        assertEquals("16 Empower migrants and societies to realize full inclusion and social cohesion", concept.label(120));
        String cut = concept.label(20);
        assertEquals(20, cut.length());
        assertTrue(cut.startsWith("16 Empower migrants") && cut.endsWith("\u2026"), cut);
    }

    private static FrameworkLookup.Frameworks frameworks(List<FrameworkLookup.Mapping> mappings) {
        Map<String, Map<String, FrameworkLookup.Concept>> concepts = new LinkedHashMap<>();
        concepts.put("cbp", Map.of("4", concept("cbp", "4"), "7", concept("cbp", "7")));
        concepts.put("gcm", Map.of("16", concept("gcm", "16"), "a", concept("gcm", "a")));
        concepts.put("sdg", Map.of("10.7", concept("sdg", "10.7")));
        return new FrameworkLookup.Frameworks(concepts, mappings, new FrameworkLookup.Version("v", Instant.EPOCH));
    }

    private static FrameworkLookup.Concept concept(String scheme, String code) {
        return new FrameworkLookup.Concept(scheme, code, "kind", "Title of " + code);
    }
}
