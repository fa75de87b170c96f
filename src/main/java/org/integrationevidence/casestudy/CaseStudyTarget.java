package org.integrationevidence.casestudy;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.integrationevidence.access.ApiKeyInput;

/**
 * The case study a request names ({@code @BeanParam}): the slug in its path, and the owner that tells apart
 * curators' unpublished case studies sharing that slug.
 */
public class CaseStudyTarget {

    static final String OWNER = "Leave out, but when a 409 says that several curators' unpublished case studies share the "
            + "slug: then the owner of the one meant. An unpublished case study's slug is its curator's alone, so two "
            + "curators may each have a draft with the same one; only editors see both.";

    @Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
    @PathParam("slug")
    String slug;

    @Parameter(description = OWNER, example = "Jane Smith, Bradford Council",
            schema = @Schema(type = SchemaType.STRING, maxLength = ApiKeyInput.MAX_OWNER))
    @QueryParam(CaseStudyRef.OWNER_PARAMETER)
    String owner;

    CaseStudyRef ref() {
        return CaseStudyRef.of(slug, owner);
    }
}
