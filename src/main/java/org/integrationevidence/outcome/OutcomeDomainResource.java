package org.integrationevidence.outcome;

import java.net.URI;
import java.util.function.Supplier;

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
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.Representation;
import org.integrationevidence.http.Validators;
import org.integrationevidence.openapi.FormatExamples;
import org.integrationevidence.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/outcome-domains")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcome domains")
public class OutcomeDomainResource {

    /** What the vocabulary and one of its domains are served as. */
    private static final Representation[] OFFERED = {Representation.JSON, Representation.JSON_LD};

    private static final String NOT_ACCEPTABLE = "Accept names none of application/json and application/ld+json.";
    private static final String NOT_ACCEPTABLE_EXAMPLE = "{\"type\": \"/problems/not-acceptable\", \"title\": \"Not acceptable\", "
            + "\"status\": 406, \"detail\": \"This resource is served as application/json, application/ld+json; send one of "
            + "them in Accept, or none.\", \"instance\": \"/api/v1/outcome-domains\"}";
    private static final String BAD_INPUT = "The outcome domain is invalid; `errors` lists each invalid field (a missing "
            + "name or definition, a parent that is not a group). Nothing was written.";
    private static final String PARENT_NOT_A_GROUP_EXAMPLE = "{\"type\": \"/problems/validation\", \"title\": \"Invalid request\", "
            + "\"status\": 400, \"detail\": \"The request has 1 invalid field.\", \"instance\": \"/api/v1/outcome-domains\", "
            + "\"errors\": [{\"field\": \"parent\", \"message\": \"\\\"bridges\\\" is a domain, not a group: a domain's parent "
            + "must be a group, since outcome domains are at most two levels deep\"}]}";

    @Inject
    OutcomeDomainService service;

    @Inject
    OutcomeDomainLookup lookup;

    @Inject
    PublicUrls urls;

    @Context
    HttpHeaders headers;

    @Inject
    ConditionalReads conditional;

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Operation(operationId = "listOutcomeDomains", summary = "Get the outcome domains",
            description = "The whole vocabulary as a tree, in the order of the Home Office Indicators of Integration "
                    + "framework: its groups in `items`, each with its domains in `children`. `total` counts every group "
                    + "and domain; the tree is never paged.")
    @APIResponse(responseCode = "200", description = "The outcome domains: JSON by default; as JSON-LD, a SKOS "
            + "`ConceptScheme` whose concepts name their broader and narrower concepts, each identified by its URL here.",
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(ref = "#/components/schemas/PageOutcomeDomainNode")),
                    @Content(mediaType = Representation.JSON_LD_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A SKOS concept scheme in JSON-LD."),
                            examples = @ExampleObject(name = "skos", summary = "A scheme of a group and one of its domains",
                                    value = FormatExamples.OUTCOME_DOMAINS_JSON_LD))})
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notAcceptable",
                    summary = "Asked for CSV", value = NOT_ACCEPTABLE_EXAMPLE)))
    public Response tree() {
        Representation representation = Representation.negotiate(headers, OFFERED);
        // A Response of the type chosen here, not a RestResponse: RESTEasy then writes it as that type instead of
        // negotiating again.
        return conditional.answer(validator(), service::tree,
                (tree, response) -> response.type(representation.contentType())).toResponse();
    }

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Path("{slug}")
    @Operation(operationId = "getOutcomeDomain", summary = "Get an outcome domain",
            description = "The domain with its group, or the group with its domains.")
    @APIResponse(responseCode = "200", description = "The outcome domain: JSON by default; as JSON-LD, one SKOS "
            + "`Concept` of the scheme at /api/v1/outcome-domains.",
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(implementation = OutcomeDomainView.class)),
                    @Content(mediaType = Representation.JSON_LD_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A SKOS concept in JSON-LD."),
                            examples = @ExampleObject(name = "skos", summary = "A domain with its group as broader concept",
                                    value = FormatExamples.OUTCOME_DOMAIN_JSON_LD))})
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notAcceptable",
                    summary = "Asked for CSV", value = NOT_ACCEPTABLE_EXAMPLE)))
    public Response get(@Parameter(description = "Slug of the outcome domain.", example = "bridges")
            @PathParam("slug") String slug) {
        Representation representation = Representation.negotiate(headers, OFFERED);
        service.requireExists(slug); // a 404 before any 304: If-None-Match: * matches only what exists
        return conditional.answer(validator(), () -> service.get(slug),
                (domain, response) -> response.type(representation.contentType())).toResponse();
    }

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createOutcomeDomain", summary = "Add an outcome domain",
            description = "Adds a group (no `parent`) or a domain under a group, after its last sibling. A domain's parent "
                    + "must be a group: the vocabulary is two levels deep. The slug is derived from the name unless given.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "Created; Location gives its URL.",
            headers = @Header(name = "Location", description = "URL of the new outcome domain.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeDomainView.class)))
    @APIResponse(responseCode = "400", description = BAD_INPUT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "parentNotAGroup",
                    summary = "A domain put under another domain", value = PARENT_NOT_A_GROUP_EXAMPLE)))
    @APIResponse(responseCode = "409", ref = "SlugTaken")
    public RestResponse<OutcomeDomainView> create(OutcomeDomainInput input) {
        OutcomeDomainView created = service.create(input);
        URI location = urls.location(OutcomeDomainResource.class, created.slug());
        return RestResponse.ResponseBuilder.<OutcomeDomainView>created(location).entity(created).build();
    }

    @PUT
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceOutcomeDomain", summary = "Replace an outcome domain",
            description = "Replaces the name, definition and group of an outcome domain. A domain moved to another group "
                    + "goes after that group's last domain; a group with domains cannot move under another. The slug "
                    + "cannot change.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "200", description = "The outcome domain as replaced.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutcomeDomainView.class)))
    @APIResponse(responseCode = "400", description = BAD_INPUT, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "parentNotAGroup",
                    summary = "A domain put under another domain", value = PARENT_NOT_A_GROUP_EXAMPLE)))
    public OutcomeDomainView replace(@Parameter(description = "Slug of the outcome domain.", example = "bridges")
            @PathParam("slug") String slug, OutcomeDomainInput input) {
        return service.replace(slug, input);
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}")
    @Operation(operationId = "deleteOutcomeDomain", summary = "Delete an outcome domain",
            description = "Deletes a group without domains, or a domain under which no case study finding is filed; "
                    + "otherwise answers 409.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "The group still has domains, or findings are filed under the domain.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "inUse", summary = "A group with domains",
                            value = "{\"type\": \"/problems/in-use\", \"title\": \"Resource in use\", \"status\": 409, "
                                    + "\"detail\": \"The group \\\"social-connections\\\" has 3 outcome domain(s). Delete them "
                                    + "or move them to another group first.\", "
                                    + "\"instance\": \"/api/v1/outcome-domains/social-connections\"}")))
    public void delete(@Parameter(description = "Slug of the outcome domain.", example = "bridges")
            @PathParam("slug") String slug) {
        service.delete(slug);
    }

    /**
     * The validator of a read: the vocabulary's version, read once before the body is built (should it change
     * meanwhile, the tag is older than the body, never newer, and the next conditional GET gets the new one).
     */
    private Supplier<Validators.Validator> validator() {
        OutcomeDomainLookup.Version version = lookup.version();
        return () -> conditional.validator(null, Validators.state(version.version()), version.lastChange());
    }
}
