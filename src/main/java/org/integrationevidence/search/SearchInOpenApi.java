package org.integrationevidence.search;

import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.openapi.Schemas;

/**
 * What the OpenAPI document cannot read from search's declarations: the most items of its pages (lists and searches
 * up to the largest page size, evidence.paging.max-limit, 100; related case studies and completions up to theirs,
 * 20) and the size of the highlights of a summary.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class SearchInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = Schemas.named(openAPI);
        Schemas.boundPages(schemas, Map.of("PageCaseStudySummary", 100, "PageRelatedCaseStudy", 20,
                "PageSuggestion", 20));
        Schema summary = schemas.get("CaseStudySummary");
        Schema highlights = summary == null || summary.getProperties() == null ? null : summary.getProperties().get("highlights");
        if (highlights != null && highlights.getAdditionalPropertiesSchema() != null) {
            Schema fragments = highlights.getAdditionalPropertiesSchema();
            highlights.setMaxProperties(CaseStudySummary.HIGHLIGHTED_FIELDS);
            fragments.setMaxItems(1);
            if (fragments.getItems() != null) {
                fragments.getItems().setMaxLength(CaseStudySummary.MAX_HIGHLIGHT_LENGTH);
            }
        }
    }
}
