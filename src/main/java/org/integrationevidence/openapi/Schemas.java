package org.integrationevidence.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the OpenAPI filters of the features share: each feature states what its declarations cannot carry (the most
 * items of the pages it serves, other bounds only it knows) in a build-time filter of its own package
 * ({@code @OpenApiFilter(value = BUILD, priority = 100)}, implementing {@code OASFilter} itself, as Quarkus looks
 * for), so that no shared class needs to know the features.
 */
public final class Schemas {

    private Schemas() {
    }

    /** The document's named schemas; empty when it has none. */
    public static Map<String, Schema> named(OpenAPI openAPI) {
        return openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
    }

    /**
     * Sets the most items of each named page schema ({@code Page<T>} is one schema per T, named Page and T's schema),
     * unless its declaration set a bound.
     */
    public static void boundPages(Map<String, Schema> schemas, Map<String, Integer> maxItemsByPage) {
        maxItemsByPage.forEach((name, maxItems) -> {
            Schema page = schemas.get(name);
            Schema items = page == null || page.getProperties() == null ? null : page.getProperties().get("items");
            if (items != null && items.getMaxItems() == null) {
                items.setMaxItems(maxItems);
            }
        });
    }
}
