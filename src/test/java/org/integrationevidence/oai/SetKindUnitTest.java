package org.integrationevidence.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.integrationevidence.approach.TaxonomyLookup.Entry;
import org.integrationevidence.framework.FrameworkLookup;
import org.integrationevidence.framework.MappingRelation;
import org.junit.jupiter.api.Test;

class SetKindUnitTest {

    private static final SetKind.Vocabularies VOCABULARIES = new SetKind.Vocabularies(Map.of(
            "social-contact-and-mixing", new Entry("social-contact-and-mixing", "Social contact and mixing", null),
            "school-linking", new Entry("school-linking", "School linking", "social-contact-and-mixing"),
            "twinning", new Entry("twinning", "Twinning", "school-linking"),
            "sport", new Entry("sport", "Sport", null)), List.of("GB", "IT"),
            Map.of("gcm", "Global Compact for Safe, Orderly and Regular Migration"),
            new FrameworkLookup.Frameworks(Map.of("gcm", Map.of(
                    "16", new FrameworkLookup.Concept("gcm", "16", "objective", "Empower migrants and societies to realize "
                            + "full inclusion and social cohesion"),
                    "23", new FrameworkLookup.Concept("gcm", "23", "objective", "Strengthen international cooperation and "
                            + "global partnerships for safe, orderly and regular migration"))),
                    List.of(new FrameworkLookup.Mapping(1, "gcm", "16", "approach", "social-contact-and-mixing",
                            MappingRelation.BROAD_MATCH)), null));

    @Test
    void everySetHasItsSpecAndNameEachKindsOwnFirst() {
        List<OaiSet> sets = SetKind.all(VOCABULARIES);
        assertEquals(new OaiSet("approach", "Approaches"), sets.get(0));
        assertTrue(sets.contains(new OaiSet("approach:social-contact-and-mixing:school-linking:twinning", "Twinning")));
        assertTrue(sets.contains(new OaiSet("country:GB", "United Kingdom")));
        assertTrue(sets.contains(new OaiSet("theme:education", "Education")));
    }

    @Test
    void anApproachSetIsItsPathAndTakesInNarrowerApproaches() {
        SetKind.Condition condition = SetKind.conditionOf("approach:social-contact-and-mixing:school-linking", VOCABULARIES)
                .orElseThrow();
        assertEquals(Set.of("school-linking", "twinning"), condition.parameters().get("oaiApproaches"));
        assertTrue(SetKind.conditionOf("approach:school-linking", VOCABULARIES).isEmpty(), "not its path");
        assertTrue(SetKind.conditionOf("approach:sport:school-linking", VOCABULARIES).isEmpty(), "not its parent");
        assertTrue(SetKind.conditionOf("approach:no-such-approach", VOCABULARIES).isEmpty());
        assertEquals(Map.of(), SetKind.conditionOf("approach", VOCABULARIES).orElseThrow().parameters());
    }

    @Test
    void countryAndThemeSetsNameOneValue() {
        assertEquals(Map.of("oaiCountry", "FR"), SetKind.conditionOf("country:FR", VOCABULARIES).orElseThrow().parameters());
        assertTrue(SetKind.conditionOf("country:gb", VOCABULARIES).isEmpty());
        assertTrue(SetKind.conditionOf("country:GB:x", VOCABULARIES).isEmpty());
        assertTrue(SetKind.conditionOf("theme:education", VOCABULARIES).isPresent());
        assertTrue(SetKind.conditionOf("theme:no-such-theme", VOCABULARIES).isEmpty());
    }

    @Test
    void aFrameworkConceptsSetHoldsTheApproachesMappedToItAndThoseUnderThem() {
        assertTrue(SetKind.all(VOCABULARIES).contains(new OaiSet("framework:gcm",
                "Global Compact for Safe, Orderly and Regular Migration")));
        assertTrue(SetKind.all(VOCABULARIES).contains(new OaiSet("framework:gcm:16",
                "16 Empower migrants and societies to realize full inclusion and social cohesion")));
        assertEquals(Set.of("social-contact-and-mixing", "school-linking", "twinning"),
                SetKind.conditionOf("framework:gcm:16", VOCABULARIES).orElseThrow().parameters().get("oaiFrameworkApproaches"));
        assertEquals("1 = 0", SetKind.conditionOf("framework:gcm:23", VOCABULARIES).orElseThrow().jpql(),
                "a concept nothing is mapped to is an empty set");
        assertTrue(SetKind.conditionOf("framework:gcm:99", VOCABULARIES).isEmpty());
        assertTrue(SetKind.conditionOf("framework:cbp:7", VOCABULARIES).isEmpty(), "no such scheme here");
        assertEquals(Set.of("social-contact-and-mixing", "school-linking", "twinning"),
                SetKind.conditionOf("framework", VOCABULARIES).orElseThrow().parameters().get("oaiFrameworkApproaches"),
                "the kind's own set: case studies under any concept");
    }
}
