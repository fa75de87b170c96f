package org.integrationevidence.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.apache.lucene.util.BytesRef;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.Theme;
import org.junit.jupiter.api.Test;

/** The parts of the evidence map that need no index: the link of a cell, the packed findings. */
class EvidenceMapsUnitTest {

    @Test
    void aCellsLinkKeepsTheMapsFiltersAndPutsTheCellsValuesInPlaceOfThoseOfItsDimensions() {
        SearchRequest request = new SearchRequest("sport & youth", List.of("media-and-public-attitudes"), List.of("GB"),
                List.of(), List.of(), List.of(Theme.EDUCATION), List.of(), List.of(), List.of("work"),
                List.of(Direction.IMPROVED), 2, null, null, null, Set.of(CaseStudyStatus.PUBLISHED), SearchSort.UPDATED,
                List.of(), 20, null, GeoQuery.NONE);
        assertEquals("/api/v1/case-studies?q=sport%20%26%20youth&approach=social-contact-and-mixing&country=GB&theme=education"
                + "&outcomeDomain=bridges&direction=improved&minEvidence=2",
                EvidenceMaps.searchLink(request, EvidenceMaps.Dimension.APPROACH, "social-contact-and-mixing",
                        EvidenceMaps.Dimension.OUTCOME_DOMAIN, "bridges"));
    }

    /** The findings as the index packs them: domain, a tab, the direction's ordinal and the level, a newline. */
    @Test
    void packedFindingsAreReadWithTheirDomainsAsIndexes() {
        PackedFindings findings = new PackedFindings(List.of("work", "bridges"));
        findings.read(new BytesRef("bridges\t41\n\t43\nwork\t02\nhappiness\t15\n"));
        assertEquals(4, findings.count);
        assertArrayEquals(new int[] {1, -1, 0, -1}, Arrays.copyOf(findings.domain, 4));
        assertArrayEquals(new int[] {4, 4, 0, 1}, Arrays.copyOf(findings.direction, 4));
        assertArrayEquals(new int[] {1, 3, 2, 5}, Arrays.copyOf(findings.level, 4));
        findings.read(null);
        assertEquals(0, findings.count);
        // More findings than the arrays first hold.
        findings.read(new BytesRef("work\t01\n".repeat(20)));
        assertEquals(20, findings.count);
        assertEquals(0, findings.domain[19]);
    }

    @Test
    void dimensionsAreNamedAsTheSearchFiltersAre() {
        assertEquals(EvidenceMaps.Dimension.TARGET_GROUP, EvidenceMaps.Dimension.of("targetGroup"));
        assertEquals(null, EvidenceMaps.Dimension.of("target-group"));
        assertEquals("approach, outcomeDomain, theme, targetGroup, country, cbp, gcm, sdg", EvidenceMaps.Dimension.allowed());
    }
}
