package org.integrationevidence.framework;

import java.util.List;
import java.util.Map;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.integrationevidence.openapi.Schemas;

/**
 * What the frameworks' declarations cannot carry: the most items of their pages (every scheme; a page of case studies
 * at most evidence.paging.max-limit, 100), and the examples of the filters cbp, gcm and sdg as one-item lists of
 * strings (the annotations' "7" and "16" would otherwise be read as bare numbers).
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class FrameworksInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schemas.boundPages(Schemas.named(openAPI),
                Map.of("PageFrameworkSummary", FrameworkLookup.SCHEMES.size(), "PageFrameworkCaseStudy", 100));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(FrameworksInOpenApi::exampleAsList);
            }
        }));
    }

    private static void exampleAsList(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.QUERY && FrameworkLookup.SCHEMES.contains(parameter.getName())
                && parameter.getExample() != null && !(parameter.getExample() instanceof List)) {
            parameter.setExample(List.of(String.valueOf(parameter.getExample())));
        }
    }
}
