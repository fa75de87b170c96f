package org.integrationevidence.casestudy;

import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.integrationevidence.openapi.Schemas;

/**
 * The most items of the pages the case study feature serves, which its declarations cannot carry: revisions up to
 * the largest page size (evidence.paging.max-limit, 100), and the evidence levels, a fixed list.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class CaseStudiesInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schemas.boundPages(Schemas.named(openAPI),
                Map.of("PageRevisionSummary", 100, "PageEvidenceLevelView", EvidenceLevel.values().length,
                        "PageCostBandView", CostBand.values().length));
    }
}
