package org.integrationevidence.access;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The rate limit headers in the OpenAPI document: defined once under components, with the longest values
 * {@link RateLimits} can send; web.OpenApiConventions puts them on every response.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 100)
public class RateLimitsInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader("RateLimit-Policy", OASFactory.createHeader()
                        .description("The rate limit that applies (draft-ietf-httpapi-ratelimit-headers): `\"key\";q=600;w=60` is 600 "
                                + "requests a minute per API key, `\"address\"` the limit per client address for requests without a "
                                + "key. Sent on every response while rate limits are on (evidence.rate-limit.enabled, the default), "
                                + "except a 413 for a body whose declared length is over the limit and the 401 or 429 of a refused key, "
                                + "which are answered before the limit is counted.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(RateLimits.MAX_POLICY_LENGTH))
                        .example("\"key\";q=600;w=60"))
                .addHeader("RateLimit", OASFactory.createHeader()
                        .description("What is left of the limit in RateLimit-Policy: `\"key\";r=599;t=1` is 599 requests now, and "
                                + "the whole quota again in 1 second. Sent with RateLimit-Policy.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(RateLimits.MAX_LIMIT_LENGTH))
                        .example("\"key\";r=599;t=1"));
    }
}
