package org.integrationevidence.approach;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.access.Role;
import org.integrationevidence.common.Page;
import org.integrationevidence.common.Validators;
import org.integrationevidence.search.CatalogueValidators;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/approaches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approaches")
public class ApproachResource {

    @Inject
    ApproachService service;

    @Inject
    CatalogueValidators validators;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @PermitAll
    @Operation(operationId = "listApproaches", summary = "Get the approach taxonomy",
            description = "The whole taxonomy as a tree: top-level approaches in `items`, each with its narrower approaches in "
                    + "`children`, and each node with the number of published case studies tagged with it or below it. "
                    + "`total` counts every approach in the tree; the tree is never paged.")
    @APIResponse(responseCode = "200", description = "The taxonomy tree.")
    public RestResponse<Page<ApproachNode>> tree() {
        return Validators.conditional(headers, validators.of(headers, uriInfo), service::tree);
    }

    @GET
    @PermitAll
    @Path("{slug}")
    @Operation(operationId = "getApproach", summary = "Get an approach",
            description = "The approach with its broader and narrower approaches, and the first page of published case studies "
                    + "tagged with it or any narrower approach.")
    @APIResponse(responseCode = "200", description = "The approach.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<ApproachDetail> get(@Parameter(description = "Slug of the approach.", example = "school-linking")
            @PathParam("slug") String slug) {
        service.requireExists(slug); // a 404 before any 304: If-None-Match: * matches only what exists
        return Validators.conditional(headers, validators.of(headers, uriInfo), () -> service.get(slug));
    }

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApproach", summary = "Add an approach",
            description = "Adds an approach to the taxonomy, at the top level or under `parent`. The slug is derived from the "
                    + "name unless given.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "Created; Location gives its URL.",
            headers = @Header(name = "Location", description = "URL of the new approach.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApproachDetail.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "SlugTaken")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public RestResponse<ApproachDetail> create(ApproachInput input) {
        ApproachDetail created = service.create(input);
        URI location = uriInfo.getBaseUriBuilder().path(ApproachResource.class).path(created.slug()).build();
        return RestResponse.ResponseBuilder.<ApproachDetail>created(location).entity(created).build();
    }

    @PUT
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceApproach", summary = "Replace an approach",
            description = "Replaces the name, definition and parent of an approach. Moving it under itself or under one of "
                    + "its narrower approaches is refused. The slug cannot change.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "200", description = "The approach as replaced.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public ApproachDetail replace(@Parameter(description = "Slug of the approach.", example = "school-linking")
            @PathParam("slug") String slug, ApproachInput input) {
        return service.replace(slug, input);
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}")
    @Operation(operationId = "deleteApproach", summary = "Delete an approach",
            description = "Deletes an approach that has no narrower approaches and tags no case study (of any status); "
                    + "otherwise answers 409.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "InUse")
    public void delete(@Parameter(description = "Slug of the approach.", example = "school-linking")
            @PathParam("slug") String slug) {
        service.delete(slug);
    }
}
