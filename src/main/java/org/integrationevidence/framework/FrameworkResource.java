package org.integrationevidence.framework;

import java.net.URI;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.Representation;
import org.integrationevidence.http.Validators;
import org.integrationevidence.openapi.SchemaBounds;
import org.integrationevidence.outcome.OutcomeDomainLookup;
import org.integrationevidence.problem.Problem;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Frameworks")
public class FrameworkResource {

    /** What a scheme is served as. */
    private static final Representation[] OFFERED = {Representation.JSON, Representation.JSON_LD};

    private static final String NOT_ACCEPTABLE = "Accept names none of application/json and application/ld+json.";
    private static final String NOT_ACCEPTABLE_EXAMPLE = "{\"type\": \"/problems/not-acceptable\", \"title\": \"Not acceptable\", "
            + "\"status\": 406, \"detail\": \"This resource is served as application/json, application/ld+json; send one of "
            + "them in Accept, or none.\", \"instance\": \"/api/v1/frameworks/cbp\"}";
    private static final String NOT_FOUND_EXAMPLE = "{\"type\": \"/problems/not-found\", \"title\": \"Not found\", "
            + "\"status\": 404, \"detail\": \"The framework \\\"gcm\\\" has no concept with the code \\\"99\\\"; see GET "
            + "/api/v1/frameworks/gcm.\", \"instance\": \"/api/v1/frameworks/gcm/99\"}";
    private static final String BAD_MAPPING_EXAMPLE = "{\"type\": \"/problems/validation\", \"title\": \"Invalid request\", "
            + "\"status\": 400, \"detail\": \"The request has 1 invalid field.\", \"instance\": \"/api/v1/frameworks/cbp/7/mappings\", "
            + "\"errors\": [{\"field\": \"relation\", \"message\": \"must be one of: exactMatch, closeMatch, broadMatch, "
            + "narrowMatch, relatedMatch\"}]}";
    private static final String SCHEME_EXAMPLE = "cbp";
    private static final String CODE_EXAMPLE = "7";

    @Inject
    FrameworkService service;

    @Inject
    FrameworkLookup lookup;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    OutcomeDomainLookup outcomeDomains;

    @Inject
    ConditionalReads conditional;

    @Inject
    PublicUrls urls;

    @Inject
    EvidenceConfig config;

    @Context
    HttpHeaders headers;

    @GET
    @PermitAll
    @Operation(operationId = "listFrameworks", summary = "Get the frameworks",
            description = "The concept schemes served beside the approach taxonomy and the outcome domains: the EU Common "
                    + "Basic Principles (`cbp`), the Global Compact for Migration (`gcm`) and the Sustainable Development "
                    + "Goal targets on migration and integration (`sdg`), each with its source and version. Never paged.")
    @APIResponse(responseCode = "200", description = "The frameworks.")
    public RestResponse<Page<FrameworkSummary>> list() {
        return conditional.answer(validator(), service::list);
    }

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Path("{scheme}")
    @Operation(operationId = "getFramework", summary = "Get a framework",
            description = "A scheme with every concept and, for each, the approaches and outcome domains mapped to it. "
                    + "The mappings are the repository's judgement, not the publisher's.")
    @APIResponse(responseCode = "200", description = "The framework: JSON by default; as JSON-LD, a SKOS `ConceptScheme` "
            + "whose concepts name the approaches and outcome domains mapped to them by the inverse SKOS mapping relation "
            + "(a concept `skos:narrowMatch` an approach that is `broadMatch` to it).",
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(implementation = FrameworkView.class)),
                    @Content(mediaType = Representation.JSON_LD_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A SKOS concept scheme in JSON-LD."),
                            examples = @ExampleObject(name = "skos", summary = "A scheme with one concept and one mapping",
                                    value = FrameworkExamples.SCHEME_JSON_LD))})
    @APIResponse(responseCode = "404", description = "There is no framework with this code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "notAcceptable",
                    summary = "Asked for CSV", value = NOT_ACCEPTABLE_EXAMPLE)))
    public Response get(@Parameter(description = "Code of the framework: cbp, gcm or sdg.", example = SCHEME_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 10))
            @PathParam("scheme") String scheme) {
        Representation representation = Representation.negotiate(headers, OFFERED);
        service.requireExists(scheme); // a 404 before any 304: If-None-Match: * matches only what exists
        URI base = urls.base();
        Supplier<Object> body = representation == Representation.JSON_LD ? () -> service.skos(scheme, base) : () -> service.get(scheme);
        return conditional.answer(validator(), body, (view, response) -> response.type(representation.contentType())).toResponse();
    }

    @GET
    @PermitAll
    @Path("{scheme}/{code}")
    @Operation(operationId = "getFrameworkConcept", summary = "Get a concept of a framework",
            description = "A principle, objective, guiding principle or target with its mappings, the approaches mapped "
                    + "to it, and the first page of the published case studies tagged with those approaches or narrower "
                    + "ones: the case studies that the search filter of the scheme (such as `?gcm=16`) finds.")
    @APIResponse(responseCode = "200", description = "The concept; its validators change with the mappings, the names "
            + "shown and the case studies listed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkConceptDetail.class)))
    @APIResponse(responseCode = "404", description = "There is no such framework, or the framework has no concept with this code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "noSuchConcept", summary = "An objective the compact does not have",
                            value = NOT_FOUND_EXAMPLE)))
    public RestResponse<FrameworkConceptDetail> concept(
            @Parameter(description = "Code of the framework: cbp, gcm or sdg.", example = SCHEME_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 10)) @PathParam("scheme") String scheme,
            @Parameter(description = "Code of the concept as published: `7` (a principle), `16` or `a` (an objective or "
                    + "a guiding principle of the compact), `10.7` (a target).", example = CODE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 10)) @PathParam("code") String code) {
        Supplier<Validators.Validator> vocabularies = validator(); // read before the body, as for the other reads
        FrameworkService.ConceptRead read = service.concept(scheme, code, config.paging().defaultLimit());
        return conditional.answer(() -> read.indexState() == null ? vocabularies.get()
                : withIndex(vocabularies.get(), read), read::detail);
    }

    @POST
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{scheme}/{code}/mappings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createFrameworkMapping", summary = "Map an approach or an outcome domain to a concept",
            description = "Adds a SKOS mapping, read as \"subject relation concept\". A mapping of an approach holds for "
                    + "the approaches under it: the case studies tagged with any of them are found by the scheme's search "
                    + "filter once the index has re-read them, which the answer waits for. Audited like every write.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "Created; Location gives the concept's URL, which lists the new mapping.",
            headers = @Header(name = "Location", description = "URL of the concept.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkMappingView.class)))
    @APIResponse(responseCode = "400", description = "The mapping is invalid; `errors` lists each invalid field: neither "
            + "or both of approach and outcomeDomain, an approach or outcome domain that does not exist, an unknown relation. "
            + "Nothing was written.", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknownRelation",
                    summary = "A relation SKOS does not have", value = BAD_MAPPING_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "There is no such framework, or the framework has no concept with this code.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The approach or outcome domain is already mapped to this concept.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<FrameworkMappingView> createMapping(
            @Parameter(description = "Code of the framework.", example = SCHEME_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 10)) @PathParam("scheme") String scheme,
            @Parameter(description = "Code of the concept.", example = CODE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 10)) @PathParam("code") String code,
            FrameworkMappingInput input) {
        FrameworkMappingView created = service.addMapping(scheme, code, input);
        URI location = urls.baseUriBuilder().path("api/v1/frameworks/{scheme}/{code}").build(scheme, code);
        return RestResponse.ResponseBuilder.<FrameworkMappingView>created(location).entity(created).build();
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{scheme}/{code}/mappings/{mapping}")
    @Operation(operationId = "deleteFrameworkMapping", summary = "Remove a mapping from a concept",
            description = "Deletes the mapping; the case studies it brought under the concept leave the scheme's search "
                    + "filter once the index has re-read them, which the answer waits for. Audited like every write.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "404", description = "There is no such framework or concept, or the concept has no mapping "
            + "with this id.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void deleteMapping(
            @Parameter(description = "Code of the framework.", example = SCHEME_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 10)) @PathParam("scheme") String scheme,
            @Parameter(description = "Code of the concept.", example = CODE_EXAMPLE, schema = @Schema(type = SchemaType.STRING, maxLength = 10)) @PathParam("code") String code,
            @Parameter(description = "Id of the mapping, as the concept lists it.", example = "1", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int64", minimum = "1", maximum = SchemaBounds.MAX_LONG)) @PathParam("mapping") long mapping) {
        service.deleteMapping(scheme, code, mapping);
    }

    /** The validator of a concept's read: the vocabularies' and the index's, together. */
    private Validators.Validator withIndex(Validators.Validator vocabularies, FrameworkService.ConceptRead read) {
        Instant last = vocabularies.lastModified() == null || read.indexLastChange().isAfter(vocabularies.lastModified())
                ? read.indexLastChange() : vocabularies.lastModified();
        return conditional.validator(null, Validators.state(vocabularies.etag(), read.indexState()), last);
    }

    /**
     * The validator of a read: the versions of the mappings, the taxonomy and the outcome domains (whose names the
     * answers show), read once before the body is built.
     */
    private Supplier<Validators.Validator> validator() {
        FrameworkLookup.Version mappings = lookup.frameworks().version();
        TaxonomyLookup.Version approaches = taxonomy.version();
        OutcomeDomainLookup.Version domains = outcomeDomains.version();
        Instant last = Stream.of(mappings.lastChange(), approaches.lastChange(), domains.lastChange())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        String state = mappings.version() + "|" + approaches.version() + "|" + domains.version();
        return () -> conditional.validator(null, Validators.state(state), last);
    }
}
