package org.integrationevidence.search;

import static org.integrationevidence.search.SearchFiltersUnitTest.assertErrors;
import static org.integrationevidence.search.SearchFiltersUnitTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.problem.FieldError;
import org.junit.jupiter.api.Test;

class SortedSearchFiltersUnitTest {

    private static final EvidenceConfig CONFIG = config(500, 100);
    private static final String ALLOWED = "relevance, -updated, title, -evidence, -start, distance, similarPlace";

    @Test
    void withoutSortTheOrderIsRelevanceForQAndNewestFirstOtherwise() {
        SortedSearchFilters filters = new SortedSearchFilters();
        assertEquals(SearchSort.UPDATED, filters.toRequest(CONFIG).sort());
        filters.q = "football";
        assertEquals(SearchSort.RELEVANCE, filters.toRequest(CONFIG).sort());
        filters.q = "  ";
        assertEquals(SearchSort.UPDATED, filters.toRequest(CONFIG).sort());
    }

    @Test
    void aBlankSortIsNoSort() {
        SortedSearchFilters filters = new SortedSearchFilters();
        filters.sort = " ";
        assertEquals(SearchSort.UPDATED, filters.toRequest(CONFIG).sort());
        filters.q = "football";
        assertEquals(SearchSort.RELEVANCE, filters.toRequest(CONFIG).sort());
    }

    @Test
    void eachOrderIsChosenByItsParameter() {
        Map<String, SearchSort> orders = Map.of("relevance", SearchSort.RELEVANCE, "-updated", SearchSort.UPDATED,
                "title", SearchSort.TITLE, "-evidence", SearchSort.EVIDENCE, " -start ", SearchSort.START);
        orders.forEach((parameter, order) -> {
            SortedSearchFilters filters = new SortedSearchFilters();
            filters.q = "football";
            filters.sort = parameter;
            assertEquals(order, filters.toRequest(CONFIG).sort(), parameter);
        });
    }

    @Test
    void ordersOtherThanRelevanceNeedNoQ() {
        SortedSearchFilters filters = new SortedSearchFilters();
        filters.sort = "title";
        assertEquals(SearchSort.TITLE, filters.toRequest(CONFIG).sort());
    }

    @Test
    void anUnknownSortIsRefusedWithTheAllowedOnes() {
        for (String sort : List.of("updated", "-title", "Title", "relevance,title")) {
            SortedSearchFilters filters = new SortedSearchFilters();
            filters.q = "football";
            filters.sort = sort;
            assertErrors(filters, CONFIG, new FieldError("sort", "\"" + sort + "\" is not one of: " + ALLOWED));
        }
    }

    @Test
    void relevanceNeedsQ() {
        SortedSearchFilters filters = new SortedSearchFilters();
        filters.sort = "relevance";
        assertErrors(filters, CONFIG, new FieldError("sort", "relevance needs a q to be relevant to"));
        filters.q = " ";
        assertErrors(filters, CONFIG, new FieldError("sort", "relevance needs a q to be relevant to"));
    }

    @Test
    void aSortErrorIsReportedWithTheOthers() {
        SortedSearchFilters filters = new SortedSearchFilters();
        filters.sort = "newest";
        filters.minEvidence = "0";
        assertErrors(filters, CONFIG, new FieldError("minEvidence", "must be a whole number from 1 to 5"),
                new FieldError("sort", "\"newest\" is not one of: " + ALLOWED));
    }
}
