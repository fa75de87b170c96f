package org.integrationevidence.casestudy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

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
import org.integrationevidence.access.ApiKeyInput;
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.approach.TaxonomyLookup;
import org.integrationevidence.access.Role;
import org.integrationevidence.common.EvidenceConfig;
import org.integrationevidence.common.IfMatch;
import org.integrationevidence.common.MergePatch;
import org.integrationevidence.common.Page;
import org.integrationevidence.common.Problem;
import org.integrationevidence.common.PublicUrls;
import org.integrationevidence.common.QueryParameters;
import org.integrationevidence.common.Slugs;
import org.integrationevidence.common.SparseFields;
import org.integrationevidence.common.Validators;
import org.integrationevidence.export.CaseStudyExportResource;
import org.integrationevidence.formats.FormatExamples;
import org.integrationevidence.formats.Representation;
import org.integrationevidence.search.CaseStudyPage;
import org.integrationevidence.search.CaseStudySearch;
import org.integrationevidence.search.CatalogueValidators;
import org.integrationevidence.search.RelatedCaseStudy;
import org.integrationevidence.search.SearchParameters;
import org.integrationevidence.search.SearchRequest;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/case-studies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case studies")
public class CaseStudyResource {

    static final String IF_MATCH_REQUIRED = "The ETag of the version you read (from GET). Required: without it the "
            + "answer is 428; if the case study changed since, 412.";
    static final String REASON = "Why the change is made, kept with the revision it makes (at most 2,000 characters).";
    static final String OWNER = "Leave out, but when a 409 says that several curators' unpublished case studies share the "
            + "slug: then the owner of the one meant. An unpublished case study's slug is its curator's alone, so two "
            + "curators may each have a draft with the same one; only editors see both.";
    static final String OWNER_EXAMPLE = "Jane Smith, Bradford Council";
    private static final int RELATED_DEFAULT = 5;
    private static final int RELATED_MAX = 20;

    @Inject
    CaseStudyService service;

    @Inject
    CaseStudySearch search;

    @Inject
    EvidenceConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    CatalogueValidators catalogue;

    @Inject
    TaxonomyLookup taxonomy;

    @Inject
    SparseFields sparseFields;

    /** {@code attachment; filename="<slug>.csv"} with the longest slug: 22 characters, the slug, then 5. */
    static final int CONTENT_DISPOSITION_MAX_LENGTH = 22 + Slugs.MAX_LENGTH + 5;

    @Context
    UriInfo uriInfo;

    @Inject
    PublicUrls urls;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Operation(operationId = "listCaseStudies", summary = "List and search case studies",
            description = "Published case studies, a page at a time: all of them, or those matching free text (`q`) and "
                    + "filters. Values of one filter are alternatives (OR); different filters must all match (AND). With "
                    + "`q`, results are ranked by relevance and each carries `highlights`. `facets` adds counts per value "
                    + "for building filter menus. Follow `next` (or the `Link: rel=\"next\"` header) for the next page, "
                    + "to the last one; `total` counts all matches. Paging runs on a snapshot of the index, so pages never "
                    + "repeat or skip a case study while others are written.")
    @APIResponse(responseCode = "200", description = "A page of case study summaries: JSON by default; as JSON-LD, a "
            + "schema.org `ItemList` of `Article`s with the next page as a Hydra view; as CSV, a header and a row per case "
            + "study of the page, in full, with the columns of the export.",
            headers = {@Header(name = "Link", description = "`<url>; rel=\"next\"` when there is a next page, whatever the format.",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Content-Disposition", description = "CSV only: `attachment; filename=\"case-studies.csv\"`.",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "attachment; filename=\"case-studies.csv\""))},
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(implementation = CaseStudyPage.class)),
                    @Content(mediaType = Representation.JSON_LD_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A schema.org ItemList in JSON-LD."),
                            examples = @ExampleObject(name = "jsonld", summary = "A page of one case study, with a next page",
                                    value = FormatExamples.PAGE_JSON_LD)),
                    @Content(mediaType = Representation.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", summary = "A header and one row",
                                    value = CaseStudyExportResource.CSV_EXAMPLE))})
    @APIResponse(responseCode = "406", ref = "NotAcceptableInThreeFormats")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response list(@BeanParam SearchParameters parameters,
            @Parameter(description = SparseFields.DESCRIPTION, example = "slug,title,summary",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SparseFields.MAX_LENGTH))
            @QueryParam(SparseFields.PARAMETER) String fields) {
        Representation representation = Representation.negotiate(headers, Representation.CASE_STUDIES);
        SearchRequest request = parameters.toRequest(config);
        sparseFields.selectInItems(fields, CaseStudySummary.class);
        // A Response of the type chosen here, not a RestResponse: RESTEasy then writes it as that type instead of
        // negotiating again.
        return Validators.conditional(headers, catalogue.of(headers, uriInfo), () -> search.search(request),
                (page, response) -> {
                    response.type(representation.contentType());
                    if (page.next() != null) {
                        URI next = urls.requestUriBuilder(uriInfo).replaceQueryParam("cursor", page.next()).build();
                        response.header("Link", "<" + next + ">; rel=\"next\"");
                    }
                }).toResponse();
    }

    @GET
    @PermitAll
    @Path("{slug}/related")
    @Operation(operationId = "listRelatedCaseStudies", summary = "List case studies like this one",
            description = "The published case studies most similar to this one, most similar first: sharing its approaches "
                    + "(or narrower ones), themes, target groups and wording. Each comes with the reasons it was chosen.")
    @APIResponse(responseCode = "200", description = "The related case studies; `next` is always null.")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public RestResponse<Page<RelatedCaseStudy>> related(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = "How many, 1 to 20.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "5"), example = "5")
            @QueryParam("limit") String limit) {
        int size = QueryParameters.limit(limit, RELATED_DEFAULT, RELATED_MAX);
        service.servableId(slug); // 404 or 410 before any 304: If-None-Match: * matches only what exists
        return Validators.conditional(headers, catalogue.of(headers, uriInfo),
                () -> Page.<RelatedCaseStudy>all(search.related(slug, size)));
    }

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Path("{slug}")
    @Operation(operationId = "getCaseStudy", summary = "Get a case study",
            description = "The full case study, with its approaches embedded by name, its body as Markdown and as sanitized HTML, "
                    + "its evidence rating and its sources. Withdrawn case studies answer 410 Gone. Drafts are served only "
                    + "to editors and to the curator who owns them; to anyone else they do not exist (404).")
    @APIResponse(responseCode = "200", description = "The case study: JSON by default; as JSON-LD, a schema.org "
            + "`Article`; as CSV, a header and one row with the columns of the export.", headers = {
            @Header(name = "ETag", description = "The case study's version, a dot and a hash of this representation "
                    + "(media type, `fields`, the names of its approaches), quoted: send it back in If-Match to change or "
                    + "withdraw it (only the version counts there), or in If-None-Match to read it again only if it changed.",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Last-Modified", description = "When it, or the name of one of its approaches, last changed, for "
                    + "If-Modified-Since.",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Disposition", description = "CSV only: `attachment; filename=\"{slug}.csv\"`.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = CONTENT_DISPOSITION_MAX_LENGTH))},
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(implementation = CaseStudyView.class)),
                    @Content(mediaType = Representation.JSON_LD_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A schema.org Article in JSON-LD."),
                            examples = @ExampleObject(name = "jsonld", summary = "A case study as a schema.org Article",
                                    value = FormatExamples.CASE_STUDY_JSON_LD)),
                    @Content(mediaType = Representation.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", summary = "A header and one row",
                                    value = CaseStudyExportResource.CSV_EXAMPLE))})
    @APIResponse(responseCode = "406", ref = "NotAcceptableInThreeFormats")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response get(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = "ETags you hold (from an earlier GET): if the one of this representation is still one of "
                    + "them, the answer is 304 with no body.", example = "\"3.mC0Jc8cbSpq9t5mSyCWq5A\"")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "The Last-Modified of an earlier GET: 304 with no body if the case study has not "
                    + "changed since (ignored when If-None-Match is sent).", example = "Mon, 23 Nov 2026 09:00:00 GMT")
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
            @Parameter(description = SparseFields.DESCRIPTION, example = "slug,title,summary",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SparseFields.MAX_LENGTH))
            @QueryParam(SparseFields.PARAMETER) String fields,
            @Parameter(description = OWNER, example = OWNER_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, maxLength = ApiKeyInput.MAX_OWNER))
            @QueryParam(CaseStudyRef.OWNER_PARAMETER) String owner) {
        Representation representation = Representation.negotiate(headers, Representation.CASE_STUDIES);
        CaseStudyRef ref = CaseStudyRef.of(slug, owner);
        // The approaches are embedded by name: renaming one changes the answer, so the taxonomy's version counts too.
        // Read first: should a rename commit in between, the tag is older than the body, never newer.
        TaxonomyLookup.Version approaches = taxonomy.version();
        KeyHolder viewer = KeyHolder.of(identity);
        // A published case study's validators come from a light read of its version, so that a client holding the
        // current representation gets its 304 without the case study being read, and a 200 can reuse the view read
        // before. Anything else (a draft, a withdrawn or renamed one, none) is read in full first, for its 404, 410
        // or redirect.
        CaseStudyService.PublishedState published = ref.owner() == null ? service.publishedState(slug).orElse(null) : null;
        AtomicReference<CaseStudyView> read = new AtomicReference<>(published == null ? service.get(ref, viewer) : null);
        sparseFields.select(fields, CaseStudyView.class);
        // Asked before the body is read, to decide on a 304, and after, so that a 200's tag is its body's.
        Supplier<Validators.Validator> validator = () -> read.get() == null
                ? validator(published.version(), published.updatedAt(), approaches)
                : validator(read.get().version(), read.get().updatedAt(), approaches);
        return Validators.conditional(headers, validator,
                () -> read.updateAndGet(view -> view != null ? view : service.get(ref, viewer, published, approaches.version())),
                (body, response) -> response.type(representation.contentType())).toResponse();
    }

    private Validators.Validator validator(long version, Instant updatedAt, TaxonomyLookup.Version approaches) {
        return Validators.of(headers, uriInfo, Long.toString(version), Validators.state(version, updatedAt, approaches.version()),
                Validators.latest(updatedAt, approaches.lastChange()));
    }

    @POST
    @RolesAllowed(Role.CURATOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCaseStudy", summary = "Create a case study",
            description = "Adds a case study, owned by the key's holder. The slug is derived from the title unless given. "
                    + "Curators create drafts (`status` may only be `draft`); editors may also create published ones, and "
                    + "do by default. Server-owned fields (version, timestamps, owner, rendered HTML) cannot be sent; unknown "
                    + "fields are rejected. Curators and above.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "201", description = "Created; Location gives its URL.",
            headers = @Header(name = "Location", description = "URL of the new case study.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseStudyView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "SlugTaken")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public RestResponse<CaseStudyView> create(@Parameter(description = REASON, example = "Added the council's 2019 evaluation as a source.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = CaseStudyService.MAX_REASON_LENGTH))
            @QueryParam("reason") String reason,
            CaseStudyInput input) {
        CaseStudyView created = service.create(input, KeyHolder.of(identity), reason);
        URI location = urls.baseUriBuilder(uriInfo).path(CaseStudyResource.class).path(created.slug()).build();
        return RestResponse.ResponseBuilder.<CaseStudyView>created(location).entity(created).build();
    }

    @PUT
    @RolesAllowed(Role.CURATOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceCaseStudy", summary = "Replace a case study",
            description = "Replaces every client-owned field of the case study; fields left out take their defaults (a left-out "
                    + "status keeps the current one). A new `slug` renames the case study: the old slug then answers 308 Permanent "
                    + "Redirect to the new one for good, and is never given to another case study. The version increases by "
                    + "one, and the change is kept as a revision. Editors replace "
                    + "any case study; curators only their own drafts, and cannot publish them.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "200", description = "The case study as replaced, with its new ETag.")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public RestResponse<CaseStudyView> replace(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH_REQUIRED, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Parameter(description = REASON, example = "Added the council's 2019 evaluation as a source.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = CaseStudyService.MAX_REASON_LENGTH))
            @QueryParam("reason") String reason,
            @Parameter(description = OWNER, example = OWNER_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, maxLength = ApiKeyInput.MAX_OWNER))
            @QueryParam(CaseStudyRef.OWNER_PARAMETER) String owner,
            CaseStudyInput input) {
        return withETag(service.replace(CaseStudyRef.of(slug, owner), input, KeyHolder.of(identity), IfMatch.required(ifMatch), reason));
    }

    @PATCH
    @RolesAllowed(Role.CURATOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchCaseStudy", summary = "Change some fields of a case study",
            description = "A JSON Merge Patch (RFC 7386, `application/merge-patch+json`) of the fields PUT takes: members "
                    + "given replace the current ones, objects merge member by member, `null` clears a member (and "
                    + "restores its default). The result is checked as a PUT of it would be. Needs If-Match, as PUT does. "
                    + "Editors patch any case study; curators only their own drafts.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.OBJECT, description = "Any subset of the fields of CaseStudyInput."),
            examples = @ExampleObject(name = "example", summary = "Retitle and mark as still running",
                    value = "{\"title\": \"Bradford's football sessions for Bangladeshi women\", \"period\": {\"ongoing\": true, \"endYear\": null}}")))
    @APIResponse(responseCode = "200", description = "The case study as patched, with its new ETag.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<CaseStudyView> patch(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH_REQUIRED, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Parameter(description = REASON, example = "Added the council's 2019 evaluation as a source.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = CaseStudyService.MAX_REASON_LENGTH))
            @QueryParam("reason") String reason,
            @Parameter(description = OWNER, example = OWNER_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, maxLength = ApiKeyInput.MAX_OWNER))
            @QueryParam(CaseStudyRef.OWNER_PARAMETER) String owner,
            String patch) throws JsonProcessingException {
        IfMatch precondition = IfMatch.required(ifMatch);
        JsonNode document = patch == null || patch.isBlank() ? null : json.readTree(patch);
        return withETag(service.patch(CaseStudyRef.of(slug, owner), document, KeyHolder.of(identity), precondition, reason));
    }

    @POST
    @RolesAllowed(Role.CURATOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "transitionCaseStudy", summary = "Move a case study through review",
            description = "The review workflow: `draft` -> `in-review` -> `published` -> `withdrawn`, and back to `draft` "
                    + "for changes. Actions: `submit` (a draft, for review; its curator or an editor), `publish` (a draft or "
                    + "one in review), `return` (one in review, to its curator as a draft, with a `note` saying what to "
                    + "change), `withdraw`, `restore` (a withdrawn one, as a draft). All but `submit` are for editors. A move "
                    + "that the current status does not allow is 409, naming the moves that are allowed.")
    @RequestBody(required = true)
    @APIResponse(responseCode = "200", description = "The case study after the move, with its new ETag.")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "410", ref = "Gone")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public RestResponse<CaseStudyView> transition(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = "Optional: the ETag of the version you read; the move fails with 412 if the case study "
                    + "changed since.", example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Parameter(description = OWNER, example = OWNER_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, maxLength = ApiKeyInput.MAX_OWNER))
            @QueryParam(CaseStudyRef.OWNER_PARAMETER) String owner,
            TransitionInput input) {
        return withETag(service.transition(CaseStudyRef.of(slug, owner), input, KeyHolder.of(identity), IfMatch.optional(ifMatch)));
    }

    @GET
    @RolesAllowed(Role.CURATOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}/transitions")
    @Operation(operationId = "listCaseStudyTransitions", summary = "List a case study's review history",
            description = "Every move of the case study through the review workflow, oldest first, with who made it and "
                    + "the reviewer's notes. For editors and the case study's curator.")
    @APIResponse(responseCode = "200", description = "The moves; `next` is always null.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Page<TransitionView> transitions(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = OWNER, example = OWNER_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, maxLength = ApiKeyInput.MAX_OWNER))
            @QueryParam(CaseStudyRef.OWNER_PARAMETER) String owner) {
        List<TransitionView> moves = service.transitions(CaseStudyRef.of(slug, owner), KeyHolder.of(identity));
        return Page.all(moves);
    }

    @DELETE
    @RolesAllowed(Role.EDITOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}")
    @Operation(operationId = "withdrawCaseStudy", summary = "Withdraw a case study",
            description = "Withdraws the case study: it leaves lists and its URL answers 410 Gone, but the record is kept "
                    + "and its slug is never reused. Editors only.")
    @APIResponse(responseCode = "204", description = "Withdrawn.")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public void withdraw(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = IF_MATCH_REQUIRED, example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Parameter(description = REASON, example = "Added the council's 2019 evaluation as a source.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = CaseStudyService.MAX_REASON_LENGTH))
            @QueryParam("reason") String reason,
            @Parameter(description = OWNER, example = OWNER_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, maxLength = ApiKeyInput.MAX_OWNER))
            @QueryParam(CaseStudyRef.OWNER_PARAMETER) String owner) {
        service.withdraw(CaseStudyRef.of(slug, owner), KeyHolder.of(identity), IfMatch.required(ifMatch), reason);
    }

    static RestResponse<CaseStudyView> withETag(CaseStudyView view) {
        return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, IfMatch.etag(view.version())).build();
    }

}
