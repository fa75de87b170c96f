package org.integrationevidence.casestudy;

import java.net.URI;
import java.util.List;

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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.DeprecatedFields;
import org.integrationevidence.http.IfMatch;
import org.integrationevidence.http.MergePatch;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.Representation;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.http.SparseFields;
import org.integrationevidence.http.Validators;
import org.integrationevidence.openapi.CslItem;
import org.integrationevidence.openapi.FormatExamples;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/case-studies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case studies")
public class CaseStudyResource {

    @Inject
    CaseStudyReads reads;

    @Inject
    CaseStudyWrites writes;

    @Inject
    CaseStudyWorkflow workflow;

    @Inject
    EvidenceConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    SparseFields sparseFields;

    /** {@code attachment; filename="<slug>.csv"} with the longest slug: 22 characters, the slug, then 5. */
    static final int CONTENT_DISPOSITION_MAX_LENGTH = 22 + Slugs.MAX_LENGTH + 5;

    @Inject
    PublicUrls urls;

    @Context
    HttpHeaders headers;

    @Inject
    ConditionalReads conditional;

    @Inject
    CaseStudyCitations citations;

    @DeprecatedFields
    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Path("{slug}")
    @Operation(operationId = "getCaseStudy", summary = "Get a case study",
            description = "The full case study, with its approaches embedded by name, its body as Markdown and as sanitized HTML, "
                    + "its evidence rating and its sources. Withdrawn case studies answer 410 Gone. Drafts are served only "
                    + "to editors and to the curator who owns them; to anyone else they do not exist (404).")
    @APIResponse(responseCode = "200", description = "The case study: JSON by default (with `citeAs`, how to cite its "
            + "current version, when it is published); as JSON-LD, a schema.org `Article`; as CSV, a header and one row "
            + "with the columns of the export; as GeoJSON (`application/geo+json`), a `FeatureCollection` of its "
            + "`Point`, if its place has coordinates; as CSL-JSON, BibTeX or RIS, the citation of its current version "
            + "followed by the works it cites (a draft's, which cannot be cited yet, without version or URL).", headers = {
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
                                    value = FormatExamples.CASE_STUDY_CSV)),
                    @Content(mediaType = Representation.GEO_JSON_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A GeoJSON (RFC 7946) FeatureCollection of one Point feature, or of none "
                                    + "(and `withoutCoordinates` 1) when the place has no coordinates."),
                            examples = @ExampleObject(name = "geojson", summary = "A located case study",
                                    value = FormatExamples.CASE_STUDY_GEO_JSON)),
                    @Content(mediaType = Representation.CSL_JSON_TYPE, schema = @Schema(type = SchemaType.ARRAY, implementation = CslItem.class, maxItems = CslItem.MAX_FOR_CASE_STUDY,
                            description = "CSL-JSON items: the case study's current version, then the works it cites."),
                            examples = @ExampleObject(name = "csl-json", summary = "A case study and a source",
                                    value = FormatExamples.CASE_STUDY_CSL_JSON)),
                    @Content(mediaType = Representation.BIBTEX_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "bibtex", summary = "A case study and a source",
                                    value = FormatExamples.CASE_STUDY_BIBTEX)),
                    @Content(mediaType = Representation.RIS_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "ris", summary = "A case study and a source",
                                    value = FormatExamples.CASE_STUDY_RIS))})

    @APIResponse(responseCode = "406", ref = "NotAcceptableAsCaseStudies")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    public Response get(@BeanParam CaseStudyTarget target,
                        @Parameter(description = "ETags you hold (from an earlier GET): if the one of this representation is still one of "
                    + "them, the answer is 304 with no body.", example = "\"3.mC0Jc8cbSpq9t5mSyCWq5A\"")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Parameter(description = "The Last-Modified of an earlier GET: 304 with no body if the case study has not "
                    + "changed since (ignored when If-None-Match is sent).", example = "Mon, 23 Nov 2026 09:00:00 GMT")
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince,
            @Parameter(description = SparseFields.DESCRIPTION, example = "slug,title,summary",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SparseFields.MAX_LENGTH))
            @QueryParam(SparseFields.PARAMETER) String fields,
            @Parameter(description = "The format, for links that cannot send Accept: `json`, `jsonld`, `csv`, `geojson`, `csl-json`, "
                    + "`bibtex` or `ris`. Overrides Accept.", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"json", "jsonld", "csv", "geojson", "csl-json", "bibtex", "ris"}), example = "bibtex")
            @QueryParam(Representation.FORMAT_PARAMETER) String format) {
        Representation representation = Representation.choose(format, headers, Representation.CASE_STUDIES);
        CaseStudyRead read = reads.read(target.ref(), KeyHolder.of(identity));
        sparseFields.select(fields, CaseStudyView.class);
        // Asked before the body is read, to decide on a 304, and after, so that a 200's tag is its body's.
        return conditional.answer(() -> validator(read), () -> citations.cite(read.view()),
                (body, response) -> response.type(representation.contentType())).toResponse();
    }

    /** The validator of a case study: its version, a dot and a hash of the representation; its last change, or its approaches'. */
    private Validators.Validator validator(CaseStudyRead read) {
        return conditional.validator(Long.toString(read.version()),
                Validators.state(read.version(), read.updatedAt(), read.approaches().version()),
                Validators.latest(read.updatedAt(), read.approaches().lastChange()));
    }

    @DeprecatedFields
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
    @APIResponse(responseCode = "409", ref = "SlugTaken")
    public RestResponse<CaseStudyView> create(@Parameter(description = CaseStudyChange.REASON, example = CaseStudyChange.REASON_EXAMPLE,
                    schema = @Schema(type = SchemaType.STRING, maxLength = CaseStudyWrites.MAX_REASON_LENGTH))
            @QueryParam("reason") String reason,
            CaseStudyInput input) {
        CaseStudyView created = citations.cite(writes.create(input, KeyHolder.of(identity), reason));
        URI location = urls.location(CaseStudyResource.class, created.slug());
        return RestResponse.ResponseBuilder.<CaseStudyView>created(location).entity(created).build();
    }

    @DeprecatedFields
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
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<CaseStudyView> replace(@BeanParam CaseStudyTarget target, @BeanParam CaseStudyChange change,
            CaseStudyInput input) {
        return withETag(citations, writes.replace(target.ref(), input, KeyHolder.of(identity), change.precondition(), change.reason()));
    }

    @DeprecatedFields
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
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<CaseStudyView> patch(@BeanParam CaseStudyTarget target, @BeanParam CaseStudyChange change,
            String patch) throws JsonProcessingException {
        IfMatch precondition = change.precondition();
        JsonNode document = patch == null || patch.isBlank() ? null : json.readTree(patch);
        return withETag(citations, writes.patch(target.ref(), document, KeyHolder.of(identity), precondition, change.reason()));
    }

    @DeprecatedFields
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
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<CaseStudyView> transition(@BeanParam CaseStudyTarget target,
            @Parameter(description = "Optional: the ETag of the version you read; the move fails with 412 if the case study "
                    + "changed since.", example = "\"3\"") @HeaderParam(IfMatch.HEADER) String ifMatch,
            TransitionInput input) {
        return withETag(citations, workflow.transition(target.ref(), input, KeyHolder.of(identity), IfMatch.optional(ifMatch)));
    }

    @GET
    @RolesAllowed(Role.CURATOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Path("{slug}/transitions")
    @Operation(operationId = "listCaseStudyTransitions", summary = "List a case study's review history",
            description = "Every move of the case study through the review workflow, oldest first, with who made it and "
                    + "the reviewer's notes. For editors and the case study's curator.")
    @APIResponse(responseCode = "200", description = "The moves; `next` is always null.")
    public Page<TransitionView> transitions(@BeanParam CaseStudyTarget target) {
        List<TransitionView> moves = workflow.transitions(target.ref(), KeyHolder.of(identity));
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
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public void withdraw(@BeanParam CaseStudyTarget target, @BeanParam CaseStudyChange change) {
        workflow.withdraw(target.ref(), KeyHolder.of(identity), change.precondition(), change.reason());
    }

    /** The case study as a write left it, with how to cite it when it is published, and its ETag. */
    static RestResponse<CaseStudyView> withETag(CaseStudyCitations citations, CaseStudyView view) {
        return RestResponse.ResponseBuilder.ok(citations.cite(view)).header(HttpHeaders.ETAG, IfMatch.etag(view.version()))
                .build();
    }

}
