package org.integrationevidence.audit;

import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.integrationevidence.openapi.Schemas;

/**
 * The most items of a page of audit events, which its declarations cannot carry: the largest page size
 * (evidence.paging.max-limit, 100).
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class AuditInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schemas.boundPages(Schemas.named(openAPI), Map.of("PageAuditEventView", 100));
    }
}
