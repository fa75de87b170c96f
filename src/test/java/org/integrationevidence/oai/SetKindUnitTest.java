package org.integrationevidence.oai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.integrationevidence.approach.TaxonomyLookup.Entry;
import org.junit.jupiter.api.Test;

class SetKindUnitTest {

    private static final SetKind.Vocabularies VOCABULARIES = new SetKind.Vocabularies(Map.of(
            "social-contact-and-mixing", new Entry("social-contact-and-mixing", "Social contact and mixing", null),
            "school-linking", new Entry("school-linking", "School linking", "social-contact-and-mixing"),
            "twinning", new Entry("twinning", "Twinning", "school-linking"),
            "sport", new Entry("sport", "Sport", null)), List.of("GB", "IT"));

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
        assertTrue(SetKind.conditionOf("framework:gcm:16", VOCABULARIES).isEmpty(), "no such kind yet");
    }
}
