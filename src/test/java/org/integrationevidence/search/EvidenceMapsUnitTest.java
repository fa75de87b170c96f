package org.integrationevidence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.Theme;
import org.junit.jupiter.api.Test;

/** The parts of the evidence map that need no index: the link of a cell. */
class EvidenceMapsUnitTest {

    @Test
    void aCellsLinkKeepsTheMapsFiltersAndPutsTheCellsValuesInPlaceOfThoseOfItsDimensions() {
        SearchRequest request = new SearchRequest("sport & youth", List.of("media-and-public-attitudes"), List.of("GB"),
                List.of(), List.of(), List.of(Theme.EDUCATION), List.of(), List.of(), List.of("work"),
                List.of(Direction.IMPROVED), 2, null, null, null, Set.of(CaseStudyStatus.PUBLISHED), SearchSort.UPDATED,
                List.of(), 20, null);
        assertEquals("/api/v1/case-studies?q=sport%20%26%20youth&approach=social-contact-and-mixing&country=GB&theme=education"
                + "&outcomeDomain=bridges&direction=improved&minEvidence=2",
                EvidenceMaps.searchLink(request, EvidenceMaps.Dimension.APPROACH, "social-contact-and-mixing",
                        EvidenceMaps.Dimension.OUTCOME_DOMAIN, "bridges"));
    }

    @Test
    void dimensionsAreNamedAsTheSearchFiltersAre() {
        assertEquals(EvidenceMaps.Dimension.TARGET_GROUP, EvidenceMaps.Dimension.of("targetGroup"));
        assertEquals(null, EvidenceMaps.Dimension.of("target-group"));
        assertEquals("approach, outcomeDomain, theme, targetGroup, country", EvidenceMaps.Dimension.allowed());
    }
}
