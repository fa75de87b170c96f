package org.integrationevidence.casestudy;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.http.Representation;
import org.integrationevidence.http.Validators;
import org.integrationevidence.openapi.CslItem;
import org.integrationevidence.openapi.FormatExamples;
import org.integrationevidence.openapi.SchemaBounds;
import org.integrationevidence.problem.ApiException;

/** The published versions of a case study: public, unchanging, the URLs its citations give. */
@Path("/api/v1/case-studies/{slug}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case studies")
public class CaseStudyVersionResource {

    @Inject
    PublishedVersions versions;

    @Inject
    ConditionalReads conditional;

    @Context
    HttpHeaders headers;

    @GET
    @Path("{version}")
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Operation(operationId = "getCaseStudyVersion", summary = "Get a published version of a case study",
            description = "The case study as it was published at this version, for good: the stable URL that citations "
                    + "give (see `citeAs` in a case study). Only versions at which the case study was published are "
                    + "served; a draft's or one in review's, or one never made, is 404; a withdrawn case study's versions "
                    + "are 410, as the case study is. As JSON, the version with its citation and the content as it was "
                    + "(the shape PUT takes); as CSL-JSON, BibTeX or RIS, its citation followed by the works it cites. "
                    + "Choose with Accept, or with `format` for a link.")
    @APIResponse(responseCode = "200", description = "The published version.", headers = {
            @Header(name = "ETag", description = "A tag of this representation, for If-None-Match.",
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Last-Modified", description = "When this version was made.",
                    schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(implementation = PublishedVersion.class)),
                    @Content(mediaType = Representation.CSL_JSON_TYPE, schema = @Schema(type = SchemaType.ARRAY, implementation = CslItem.class, maxItems = CslItem.MAX_FOR_CASE_STUDY,
                            description = "CSL-JSON items: the version, then the works it cites."),
                            examples = @ExampleObject(name = "csl-json", summary = "A case study's version and a source",
                                    value = FormatExamples.CASE_STUDY_CSL_JSON)),
                    @Content(mediaType = Representation.BIBTEX_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "bibtex", summary = "A case study's version and a source",
                                    value = FormatExamples.CASE_STUDY_BIBTEX)),
                    @Content(mediaType = Representation.RIS_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "ris", summary = "A case study's version and a source",
                                    value = FormatExamples.CASE_STUDY_RIS))})
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "406", ref = "NotAcceptableAsVersion")
    public Response get(
            @Parameter(description = "Slug of the case study.", example = "linking-network-school-linking") @PathParam("slug") String slug,
            @Parameter(description = "The version: a case study's `version` at which it was published.", example = "0",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = SchemaBounds.MAX_LONG))
            @PathParam("version") String version,
            @Parameter(description = "`json`, `csl-json`, `bibtex` or `ris`, for links that cannot send Accept. Overrides Accept.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csl-json", "bibtex", "ris"}),
                    example = "bibtex") @QueryParam(Representation.FORMAT_PARAMETER) String format,
            @Parameter(description = "ETags you hold: 304 with no body if this one is among them.")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Representation representation = Representation.choose(format, headers, Representation.VERSION);
        PublishedVersion published = versions.version(slug, versionNumber(version));
        // What a version's answer is made of never changes but for its slug (a rename) and whether it is current.
        return conditional.answer(() -> conditional.validator(Long.toString(published.version()),
                        published.slug() + "|" + published.version() + "|" + published.current(), published.madeAt()),
                () -> published, (body, response) -> response.type(representation.contentType())).toResponse();
    }

    /** A version in the path: anything but a whole number from 0 names no version (404). */
    private static long versionNumber(String value) {
        if (value != null && value.matches("[0-9]{1,18}")) {
            return Long.parseLong(value);
        }
        throw ApiException.notFound("There is no version \"" + QueryParameters.abbreviate(value) + "\".");
    }
}
