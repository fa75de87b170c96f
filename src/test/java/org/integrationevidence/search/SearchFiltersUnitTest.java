package org.integrationevidence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.Scale;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;
import org.junit.jupiter.api.Test;

class SearchFiltersUnitTest {

    private static final EvidenceConfig CONFIG = config(500, 100);

    @Test
    void noParametersSearchAllPublishedCaseStudiesNewestFirstInBatchesOfTheLargestPage() {
        SearchRequest request = new SearchFilters().toRequest(CONFIG);
        assertEquals(new SearchRequest(null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), null, null, null, null, Set.of(CaseStudyStatus.PUBLISHED), SearchSort.UPDATED, List.of(),
                100, null, GeoQuery.NONE), request);
    }

    @Test
    void qIsStrippedAndABlankOneIsNone() {
        SearchFilters filters = new SearchFilters();
        filters.q = "  women football ";
        assertEquals("women football", filters.toRequest(CONFIG).q());
        filters.q = " \t ";
        assertNull(filters.toRequest(CONFIG).q());
    }

    @Test
    void qLongerThanTheConfiguredMaximumIsRefused() {
        SearchFilters filters = new SearchFilters();
        filters.q = "a".repeat(10);
        assertEquals("a".repeat(10), filters.toRequest(config(10, 100)).q());
        filters.q = "a".repeat(11);
        assertErrors(filters, config(10, 100), new FieldError("q", "must be at most 10 characters"));
    }

    @Test
    void theFeedOrderIsNewestFirstEvenWithQ() {
        SearchFilters filters = new SearchFilters();
        filters.q = "football";
        assertEquals(SearchSort.UPDATED, filters.toRequest(CONFIG).sort());
    }

    @Test
    void filterValuesAreStrippedDistinctAndSortedAndBlankOnesLeftOut() {
        SearchFilters filters = new SearchFilters();
        filters.approach = List.of(" sport", "education", "sport ", "", "  ");
        assertEquals(List.of("education", "sport"), filters.toRequest(CONFIG).approaches());
    }

    @Test
    void countriesAreCodesInAnyCase() {
        SearchFilters filters = new SearchFilters();
        filters.country = List.of("it", "GB", "gB");
        assertEquals(List.of("GB", "IT"), filters.toRequest(CONFIG).countries());
        filters.country = List.of("gb", "xx", "England");
        assertErrors(filters, CONFIG,
                new FieldError("country", "\"xx\" is not an ISO 3166-1 alpha-2 country code, such as GB or IT"),
                new FieldError("country", "\"England\" is not an ISO 3166-1 alpha-2 country code, such as GB or IT"));
    }

    @Test
    void regionsAndPlacesAreFoldedToLowerCaseWithoutAccents() {
        SearchFilters filters = new SearchFilters();
        filters.region = List.of(" Piedmont ", "Skåne");
        filters.place = List.of("Malmö", "MALMO", "Bradford");
        SearchRequest request = filters.toRequest(CONFIG);
        assertEquals(List.of("piedmont", "skane"), request.regions());
        assertEquals(List.of("bradford", "malmo"), request.places());
    }

    @Test
    void aValueLongerThan200CharactersIsRefused() {
        SearchFilters filters = new SearchFilters();
        filters.place = List.of("p".repeat(200));
        assertEquals(List.of("p".repeat(200)), filters.toRequest(CONFIG).places());
        filters.place = List.of("p".repeat(201));
        assertErrors(filters, CONFIG, new FieldError("place", "values must be at most 200 characters"));
    }

    @Test
    void vocabularyValuesAreTheirSlugs() {
        SearchFilters filters = new SearchFilters();
        filters.theme = List.of("social-contact", "health");
        filters.targetGroup = List.of("women");
        filters.scale = List.of("city", "neighbourhood");
        SearchRequest request = filters.toRequest(CONFIG);
        assertEquals(List.of(Theme.HEALTH, Theme.SOCIAL_CONTACT), request.themes());
        assertEquals(List.of(TargetGroup.WOMEN), request.targetGroups());
        assertEquals(List.of(Scale.CITY, Scale.NEIGHBOURHOOD), request.scales());
    }

    @Test
    void aValueOutsideAVocabularyIsRefusedWithTheAllowedOnes() {
        SearchFilters filters = new SearchFilters();
        filters.scale = List.of("CITY", "town");
        assertErrors(filters, CONFIG,
                new FieldError("scale", "\"CITY\" is not one of: neighbourhood, city, region, national, international"),
                new FieldError("scale",
                        "\"town\" is not one of: neighbourhood, city, region, national, international"));
    }

    @Test
    void aLongInvalidVocabularyValueIsQuotedAbbreviated() {
        SearchFilters filters = new SearchFilters();
        filters.targetGroup = List.of("x".repeat(100));
        ApiException e = assertThrows(ApiException.class, () -> filters.toRequest(CONFIG));
        assertEquals("\"" + "x".repeat(40) + "…\" is not one of: refugees, asylum-seekers, labour-migrants, migrants, "
                + "women, young-people, children, minority-ethnic-communities, receiving-communities, whole-community",
                e.errors().get(0).message());
    }

    @Test
    void allFiltersTogetherHoldAtMostTheConfiguredNumberOfValuesAsSent() {
        SearchFilters filters = new SearchFilters();
        filters.approach = List.of("sport", "sport");
        filters.theme = List.of("health");
        assertEquals(List.of("sport"), filters.toRequest(config(500, 3)).approaches());
        filters.place = List.of(" ");
        assertErrors(filters, config(500, 3),
                new FieldError("$", "at most 3 filter values are allowed in one request; this one has 4"));
    }

    @Test
    void minEvidenceIsALevelFrom1To5() {
        SearchFilters filters = new SearchFilters();
        filters.minEvidence = " 5 ";
        assertEquals(5, filters.toRequest(CONFIG).minEvidence());
        filters.minEvidence = "1";
        assertEquals(1, filters.toRequest(CONFIG).minEvidence());
        for (String level : List.of("0", "6", "three", "2.5")) {
            filters.minEvidence = level;
            assertErrors(filters, CONFIG, new FieldError("minEvidence", "must be a whole number from 1 to 5"));
        }
    }

    @Test
    void activeYearsAreFrom1900To2100AndInOrder() {
        SearchFilters filters = new SearchFilters();
        filters.activeFrom = "2005";
        filters.activeTo = "2005";
        SearchRequest request = filters.toRequest(CONFIG);
        assertEquals(2005, request.activeFrom());
        assertEquals(2005, request.activeTo());
        filters.activeTo = "2004";
        assertErrors(filters, CONFIG, new FieldError("activeTo", "must not be before activeFrom"));
        filters.activeFrom = "1899";
        filters.activeTo = "2101";
        assertErrors(filters, CONFIG, new FieldError("activeFrom", "must be a whole number from 1900 to 2100"),
                new FieldError("activeTo", "must be a whole number from 1900 to 2100"));
    }

    @Test
    void updatedSinceIsAnInstantOrTheStartOfADateInUtc() {
        SearchFilters filters = new SearchFilters();
        filters.updatedSince = "2026-11-01";
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), filters.toRequest(CONFIG).updatedSince());
        filters.updatedSince = "2026-11-01T12:30:00Z";
        assertEquals(Instant.parse("2026-11-01T12:30:00Z"), filters.toRequest(CONFIG).updatedSince());
        filters.updatedSince = "1 November";
        assertErrors(filters, CONFIG, new FieldError("updatedSince", "must be an ISO 8601 instant, such as "
                + "2026-11-01T00:00:00Z, or a date, such as 2026-11-01"));
    }

    @Test
    void everyErrorIsReportedAtOnceInTheOrderOfTheParameters() {
        SearchFilters filters = new SearchFilters();
        filters.q = "a".repeat(501);
        filters.country = List.of("xx");
        filters.theme = List.of("sport");
        filters.minEvidence = "9";
        filters.updatedSince = "later";
        ApiException e = assertThrows(ApiException.class, () -> filters.toRequest(CONFIG));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals("The request has 5 invalid fields.", e.getMessage());
        assertEquals(List.of("q", "country", "theme", "minEvidence", "updatedSince"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void oneErrorIsDescribedInTheDetail() {
        SearchFilters filters = new SearchFilters();
        filters.minEvidence = "9";
        ApiException e = assertThrows(ApiException.class, () -> filters.toRequest(CONFIG));
        assertEquals("The request has 1 invalid field: minEvidence must be a whole number from 1 to 5.",
                e.getMessage());
    }

    static void assertErrors(SearchFilters filters, EvidenceConfig config, FieldError... expected) {
        ApiException e = assertThrows(ApiException.class, () -> filters.toRequest(config));
        assertEquals(ProblemType.VALIDATION, e.type());
        assertEquals(List.of(expected), e.errors());
    }

    /** The settings a search reads, with pages of 20 and at most 100. */
    static EvidenceConfig config(int maxQueryLength, int maxFilterValues) {
        EvidenceConfig.Search search = settings(EvidenceConfig.Search.class,
                Map.of("maxQueryLength", maxQueryLength, "maxFilterValues", maxFilterValues));
        EvidenceConfig.Paging paging = settings(EvidenceConfig.Paging.class,
                Map.of("defaultLimit", 20, "maxLimit", 100));
        return settings(EvidenceConfig.class, Map.of("search", search, "paging", paging));
    }

    private static <T> T settings(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object value = values.get(method.getName());
            if (value == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return value;
        }));
    }
}
