package org.integrationevidence.export;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.DeprecatedFields;
import org.integrationevidence.http.Representation;
import org.integrationevidence.openapi.CslItem;
import org.integrationevidence.openapi.FormatExamples;
import org.integrationevidence.search.AnswerBasis;
import org.integrationevidence.search.CatalogueValidators;
import org.integrationevidence.search.SearchRequest;
import org.integrationevidence.search.SortedSearchFilters;

@Path("/api/v1/case-studies/export")
@Tag(name = "Case studies")
public class CaseStudyExportResource {

    /** A header and one row of the CSV of case studies, as exports, lists and single case studies serve it. */
    /** One line of an export; the document keeps it as an object, checked against the CaseStudy schema. */
    private static final String NDJSON_EXAMPLE = "{\"slug\":\"example-language-cafe\",\"title\":\"Example: a sample language "
            + "café\",\"summary\":\"A sample row that describes no real initiative.\",\"version\":1}\n";

    @Inject
    CaseStudyExport export;

    @Inject
    EvidenceConfig config;

    @Inject
    CatalogueValidators validators;

    @Context
    HttpHeaders headers;

    @Inject
    ConditionalReads conditional;

    @DeprecatedFields
    @GET
    @PermitAll
    @Operation(operationId = "exportCaseStudies", summary = "Export case studies as CSV, NDJSON, GeoJSON or citations",
            description = "Every published case study a search matches, in full and in the search's order, streamed: the "
                    + "same `q`, filters and `sort` as listing case studies, with no paging and no limit, read from one "
                    + "snapshot of the index so that nothing repeats or goes missing while others write. Choose the format "
                    + "with `format`, or with the Accept header (`text/csv`, `application/x-ndjson`, "
                    + "`application/geo+json` or one of the citation formats; CSV when any of them or anything is "
                    + "accepted); any other Accept is 406.\n\n"
                    + "**GeoJSON** (RFC 7946): one `FeatureCollection` with a `Point` feature (`[longitude, latitude]`, "
                    + "WGS 84) per case study whose place has coordinates, its `id` the slug and its `properties` the "
                    + "fields of a list's summary; `withoutCoordinates` counts the matches left out for want of them.\n\n"
                    + "**Citations** (`application/vnd.citationstyles.csl+json`, `application/x-bibtex`, "
                    + "`application/x-research-info-systems`): each case study's citation at its current version, as one "
                    + "CSL-JSON array, BibTeX entries or RIS records.\n\n"
                    + "**NDJSON:** one case study per line, each as `GET /api/v1/case-studies/{slug}` serves it (the "
                    + "CaseStudy schema).\n\n"
                    + "**CSV** (RFC 4180, UTF-8, CRLF): a header row, then one row per case study. The columns, in order: "
                    + "`slug`, `title`, `summary`, `body` (Markdown), `place.name`, `place.localAuthority`, `place.region`, "
                    + "`place.countryCode`, `place.latitude`, `place.longitude`, `place.scale`, `period.startYear`, "
                    + "`period.endYear`, `period.ongoing`, `leadOrganisations`, `partnerOrganisations`, `approaches` "
                    + "(slugs), `themes`, `targetGroups`, `outcomes`, `evidence.level`, `evidence.rationale`, "
                    + "`sources.title`, `sources.url` (in the order of the sources; empty for a source without URL), "
                    + "`licence`, `createdAt`, `updatedAt`, `version`, `findings.domain`, `findings.direction`, "
                    + "`findings.evidence.level`, `evaluation.design`, `evaluation.independent`, `evaluation.reference`, "
                    + "`cost.band`, `cost.rationale`, `place.subdivisionCode`, `place.nutsCode`, "
                    + "`place.degreeOfUrbanisation`, `place.populationBand`, `sources.doi`, `sources.handle`, "
                    + "`sources.isbn`. Lists are joined with `|`. Empty cells are "
                    + "unknown values. A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a "
                    + "leading apostrophe, so that a spreadsheet shows it instead of running it as a formula.")
    @APIResponse(responseCode = "200", description = "The export, streamed.",
            headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"case-studies.csv\"` "
                    + "(or `.ndjson`, `.geojson`, `.json`, `.bib`, `.ris`), so that a browser saves it.",
                    schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"attachment; filename=\"case-studies.csv\"", "attachment; filename=\"case-studies.ndjson\"",
                            "attachment; filename=\"case-studies.geojson\"", "attachment; filename=\"case-studies.json\"",
                            "attachment; filename=\"case-studies.bib\"", "attachment; filename=\"case-studies.ris\""})),
            content = {
                    @Content(mediaType = ExportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "csv", summary = "A header and one row", value = FormatExamples.CASE_STUDY_CSV)),
                    @Content(mediaType = ExportFormat.NDJSON_TYPE, schema = @Schema(implementation = CaseStudyView.class),
                            examples = @ExampleObject(name = "ndjson", summary = "A line: one case study (shortened)",
                                    value = NDJSON_EXAMPLE)),
                    @Content(mediaType = ExportFormat.GEOJSON_TYPE, schema = @Schema(type = SchemaType.OBJECT,
                            description = "A GeoJSON (RFC 7946) FeatureCollection."),
                            examples = @ExampleObject(name = "geojson", summary = "One located case study, three without "
                                    + "coordinates", value = FormatExamples.PAGE_GEO_JSON)),
                    @Content(mediaType = Representation.CSL_JSON_TYPE, schema = @Schema(type = SchemaType.ARRAY, implementation = CslItem.class,
                            description = "CSL-JSON items: each case study at its current version."),
                            examples = @ExampleObject(name = "csl-json", summary = "One case study",
                                    value = FormatExamples.PAGE_CSL_JSON)),
                    @Content(mediaType = Representation.BIBTEX_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "bibtex", summary = "One case study",
                                    value = FormatExamples.PAGE_BIBTEX)),
                    @Content(mediaType = Representation.RIS_TYPE, schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "ris", summary = "One case study",
                                    value = FormatExamples.PAGE_RIS))})
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response exportCaseStudies(@BeanParam SortedSearchFilters filters,
            @Parameter(description = "`csv`, `ndjson`, `geojson`, `csl-json`, `bibtex` or `ris`. Overrides the Accept "
                    + "header.", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"csv", "ndjson", "geojson", "csl-json", "bibtex", "ris"}), example = "csv")
            @QueryParam("format") String format,
            @Context Request request, @Context RoutingContext routing) {
        ExportFormat chosen = ExportFormat.choose(format, request);
        SearchRequest search = filters.toRequest(config);
        AnswerBasis basis = new AnswerBasis();
        return conditional.answer(validators.of(basis), () -> {
            CaseStudyExport.Export started = basis.of(export.start(search, chosen));
            routing.addEndHandler(ended -> started.close());
            return (StreamingOutput) started::writeTo;
        }, (body, response) -> response.type(chosen == ExportFormat.GEOJSON || chosen == ExportFormat.CSL_JSON
                        ? chosen.mediaType : chosen.mediaType.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-studies." + chosen.extension() + "\"")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)).toResponse();
    }
}
