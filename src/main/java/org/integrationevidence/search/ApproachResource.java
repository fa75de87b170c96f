package org.integrationevidence.search;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.access.Role;
import org.integrationevidence.approach.ApproachInput;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.Representation;
import org.integrationevidence.openapi.FormatExamples;
import org.integrationevidence.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/approaches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Approaches")
public class ApproachResource {

    @Inject
    ApproachPages service;

    @Inject
    CatalogueValidators validators;

    @Inject
    PublicUrls urls;

    @Context
    HttpHeaders headers;

    @Inject
    ConditionalReads conditional;

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Operation(operationId = "listApproaches", summary = "Get the approach taxonomy",
            description = "The whole taxonomy as a tree: top-level approaches in `items`, each with its narrower approaches in "
                    + "`children`, and each node with the number of published case studies tagged with it or below it. "
                    + "`total` counts every approach in the tree; the tree is never paged.")
    @APIResponse(responseCode = "200", description = "The taxonomy tree: JSON by default; as JSON-LD, a SKOS "
            + "`ConceptScheme` whose concepts name their broader and narrower concepts, each identified by its URL here; "
            + "as CSV, a row per approach (parents first) with its broader and narrower approaches and its count.",
            headers = @Header(name = "Content-Disposition", description = "CSV only: `attachment; filename=\"approaches.csv\"`.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "attachment; filename=\"approaches.csv\"")),
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(ref = "#/components/schemas/PageApproachNode")),
                    @Content(mediaType = Representation.JSON_LD_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A SKOS concept scheme in JSON-LD."),
                            examples = @ExampleObject(name = "skos", summary = "A scheme of two concepts",
                                    value = FormatExamples.TAXONOMY_JSON_LD)),
                    @Content(mediaType = Representation.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", summary = "Two approaches, one under the other",
                                    value = FormatExamples.TAXONOMY_CSV))})
    @APIResponse(responseCode = "406", ref = "NotAcceptableInThreeFormats")
    public Response tree() {
        Representation representation = Representation.negotiate(headers, Representation.TAXONOMY);
        // A Response of the type chosen here, not a RestResponse: RESTEasy then writes it as that type instead of
        // negotiating again.
        return conditional.answer(validators.of(new AnswerBasis()), service::tree,
                (tree, response) -> response.type(representation.contentType())).toResponse();
    }

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Path("{slug}")
    @Operation(operationId = "getApproach", summary = "Get an approach",
            description = "The approach with its broader and narrower approaches, and the first page of published case studies "
                    + "tagged with it or any narrower approach.")
    @APIResponse(responseCode = "200", description = "The approach: JSON by default; as JSON-LD, one SKOS `Concept` "
            + "of the scheme at /api/v1/approaches.",
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(implementation = ApproachDetail.class)),
                    @Content(mediaType = Representation.JSON_LD_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A SKOS concept in JSON-LD."),
                            examples = @ExampleObject(name = "skos", summary = "A concept with its broader concept",
                                    value = FormatExamples.APPROACH_JSON_LD))})
    @APIResponse(responseCode = "406", description = "Accept names none of application/json and application/ld+json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "notAcceptable", summary = "Asked for HTML",
                            value = "{\"type\": \"/problems/not-acceptable\", \"title\": \"Not acceptable\", \"status\": 406, "
                                    + "\"detail\": \"This resource is served as application/json, application/ld+json; send one of them in Accept, or none.\", "
                                    + "\"instance\": \"/api/v1/approaches/school-linking\"}")))
    public Response get(@Parameter(description = "Slug of the approach.", example = "school-linking")
            @PathParam("slug") String slug) {
        Representation representation = Representation.negotiate(headers, Representation.APPROACH);
        service.requireExists(slug); // a 404 before any 304: If-None-Match: * matches only what exists
        AnswerBasis basis = new AnswerBasis();
        return conditional.answer(validators.of(basis), () -> basis.of(service.get(slug)),
                (approach, response) -> response.type(representation.contentType())).toResponse();
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
    @APIResponse(responseCode = "409", ref = "SlugTaken")
    public RestResponse<ApproachDetail> create(ApproachInput input) {
        ApproachDetail created = service.create(input);
        URI location = urls.location(ApproachResource.class, created.slug());
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
    @APIResponse(responseCode = "409", ref = "InUse")
    public void delete(@Parameter(description = "Slug of the approach.", example = "school-linking")
            @PathParam("slug") String slug) {
        service.delete(slug);
    }
}
