package org.integrationevidence.search;

import java.net.URI;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudyCitations;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.http.Representation;
import org.integrationevidence.http.SparseFields;
import org.integrationevidence.openapi.CslItem;
import org.integrationevidence.openapi.FormatExamples;
import org.integrationevidence.search.CaseStudyPage;
import org.integrationevidence.search.CaseStudySearch;
import org.integrationevidence.search.CatalogueValidators;
import org.integrationevidence.search.RelatedCaseStudy;
import org.integrationevidence.search.SearchParameters;
import org.integrationevidence.search.SearchRequest;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public lists of case studies, answered from the search index: the list and search with filters and facets (as
 * JSON, JSON-LD or CSV), and the case studies like one. The catalogue's own operations on one case study are
 * casestudy.CaseStudyResource's, at the same path.
 */
@Path("/api/v1/case-studies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Case studies")
public class CaseStudyListResource {

    private static final int RELATED_DEFAULT = 5;
    private static final int RELATED_MAX = 20;

    @Inject
    CaseStudySearch search;

    @Inject
    RelatedCaseStudies related;

    @Inject
    CaseStudyCatalogue caseStudies;

    @Inject
    CatalogueValidators catalogue;

    @Inject
    EvidenceConfig config;

    @Inject
    SparseFields sparseFields;

    @Inject
    PublicUrls urls;

    @Context
    HttpHeaders headers;

    @Inject
    ConditionalReads conditional;

    @Inject
    CaseStudyCitations citations;

    private static boolean cited(Representation representation) {
        return representation == Representation.CSL_JSON || representation == Representation.BIBTEX
                || representation == Representation.RIS;
    }

    private CaseStudyRows cite(CaseStudyRows rows) {
        return new CaseStudyRows(rows.items().stream().map(citations::cite).toList(), rows.next());
    }

    @APIResponse(responseCode = "406", ref = "NotAcceptableAsCaseStudies")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "503", ref = "Unavailable")
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
            + "study of the page, in full, with the columns of the export; as GeoJSON, a `FeatureCollection` of a `Point` "
            + "feature per case study of the page whose place has coordinates (`id` the slug, `properties` the summary), "
            + "with `withoutCoordinates`, how many of all the matches have none; as CSL-JSON, BibTeX or RIS, the "
            + "citation of each case study of the page at its current version.",
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
                                    value = FormatExamples.CASE_STUDY_CSV)),
                    @Content(mediaType = Representation.GEO_JSON_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A GeoJSON (RFC 7946) FeatureCollection."),
                            examples = @ExampleObject(name = "geojson", summary = "A page with one located case study",
                                    value = FormatExamples.PAGE_GEO_JSON)),
                    @Content(mediaType = Representation.CSL_JSON_TYPE, schema = @Schema(type = SchemaType.ARRAY, implementation = CslItem.class, maxItems = CslItem.MAX_FOR_PAGE,
                            description = "CSL-JSON items: each case study of the page, at its current version."),
                            examples = @ExampleObject(name = "csl-json", summary = "A page of one case study",
                                    value = FormatExamples.PAGE_CSL_JSON)),
                    @Content(mediaType = Representation.BIBTEX_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "bibtex", summary = "A page of one case study",
                                    value = FormatExamples.PAGE_BIBTEX)),
                    @Content(mediaType = Representation.RIS_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "ris", summary = "A page of one case study",
                                    value = FormatExamples.PAGE_RIS))})
    public Response list(@BeanParam SearchParameters parameters,
            @Parameter(description = SparseFields.DESCRIPTION, example = "slug,title,summary",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SparseFields.MAX_LENGTH))
            @QueryParam(SparseFields.PARAMETER) String fields,
            @Parameter(description = "The format, for links that cannot send Accept: `json`, `jsonld`, `csv`, `geojson`, `csl-json`, "
                    + "`bibtex` or `ris`. Overrides Accept.", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"json", "jsonld", "csv", "geojson", "csl-json", "bibtex", "ris"}))
            @QueryParam(Representation.FORMAT_PARAMETER) String format) {
        Representation representation = Representation.choose(format, headers, Representation.CASE_STUDIES);
        SearchRequest request = parameters.toRequest(config);
        sparseFields.selectInItems(fields, CaseStudySummary.class);
        // A Response of the type chosen here, not a RestResponse: RESTEasy then writes it as that type instead of
        // negotiating again.
        AnswerBasis basis = new AnswerBasis();
        // CSV rows carry every field: the writer gets the case studies in full, read for the whole page at once; so do
        // citations, each with how to cite it.
        Supplier<Object> page = representation == Representation.CSV ? () -> basis.of(search.fullPage(request))
                : representation == Representation.GEO_JSON ? () -> basis.of(search.geoPage(request))
                : cited(representation) ? () -> cite(basis.of(search.fullPage(request)))
                : () -> basis.of(search.search(request));
        return conditional.answer(catalogue.of(basis), page,
                (answer, response) -> {
                    response.type(representation.contentType());
                    String cursor = answer instanceof CaseStudyRows rows ? rows.next()
                            : answer instanceof GeoPage geo ? geo.page().next() : ((CaseStudyPage) answer).next();
                    if (cursor != null) {
                        URI next = urls.requestUriBuilder().replaceQueryParam("cursor", cursor).build();
                        response.header("Link", "<" + next + ">; rel=\"next\"");
                    }
                }).toResponse();
    }

    @APIResponse(responseCode = "200", description = "The related case studies; `next` is always null.")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @PermitAll
    @Path("{slug}/related")
    @Operation(operationId = "listRelatedCaseStudies", summary = "List case studies like this one",
            description = "The published case studies most similar to this one, most similar first: sharing its approaches "
                    + "(or narrower ones), themes, target groups and wording. Each comes with the reasons it was chosen.")
    public RestResponse<Page<RelatedCaseStudy>> related(@Parameter(description = "Slug of the case study.", example = "linking-network-school-linking")
            @PathParam("slug") String slug,
            @Parameter(description = "How many, 1 to 20.",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "20", defaultValue = "5"), example = "5")
            @QueryParam("limit") String limit) {
        int size = QueryParameters.limit(limit, RELATED_DEFAULT, RELATED_MAX);
        caseStudies.servableId(slug); // 404 or 410 before any 304: If-None-Match: * matches only what exists
        AnswerBasis basis = new AnswerBasis();
        return conditional.answer(catalogue.of(basis),
                () -> Page.<RelatedCaseStudy>all(basis.of(related.related(slug, size))));
    }
}
