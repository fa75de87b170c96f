package org.integrationevidence.evidencemap;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.http.Representation;
import org.integrationevidence.search.AnswerBasis;
import org.integrationevidence.search.CatalogueValidators;
import org.integrationevidence.search.EvidenceMap;
import org.integrationevidence.search.EvidenceMaps;

/** The evidence gap map: where evidence is thick and where nobody is looking, over the case studies a search selects. */
@Path("/api/v1/evidence-map")
@Tag(name = "Evidence map")
public class EvidenceMapResource {

    /** A bound for the OpenAPI document: a map of the largest axes as CSV or SVG stays well under it. */
    private static final int MAX_TEXT = 500_000_000;

    @Inject
    EvidenceMaps maps;

    @Inject
    CatalogueValidators catalogue;

    @Inject
    ConditionalReads conditional;

    @Inject
    EvidenceConfig config;

    @Inject
    PublicUrls urls;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.WILDCARD) // negotiated by Representation, so that a 406 names what is offered
    @PermitAll
    @Operation(operationId = "getEvidenceMap", summary = "Get an evidence gap map",
            description = "A matrix of the published case studies that the filters select (the same filters as the list, "
                    + "`q` included), by a row and a column dimension: by default approaches (top level, narrower ones rolled "
                    + "up) by outcome domains. Each cell counts the case studies and their findings, the findings by "
                    + "direction, the highest and median evidence level, and links to the search that lists them. Empty "
                    + "cells are part of the answer: they are the gaps. Rows and columns come in taxonomy order; countries "
                    + "by name. Computed from the search index. As CSV, one row per cell; as SVG, a heat map for reports.")
    @APIResponse(responseCode = "200", description = "The map: JSON by default, CSV (a row per cell) or SVG (a heat map).",
            headers = @Header(name = "Content-Disposition", description = "CSV only: `attachment; filename=\"evidence-map.csv\"`.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "attachment; filename=\"evidence-map.csv\"")),
            content = {
                    @Content(mediaType = Representation.JSON_TYPE, schema = @Schema(implementation = EvidenceMap.class)),
                    @Content(mediaType = Representation.CSV_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT,
                            description = "A header, then one row per cell: row, rowLabel, column, columnLabel, caseStudies, "
                                    + "findings, one column per direction, highestLevel, medianLevel, search.")),
                    @Content(mediaType = Representation.SVG_TYPE, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_TEXT,
                            description = "An SVG heat map with a title, description and legend."))})
    @APIResponse(responseCode = "400", ref = "BadQuery")
    @APIResponse(responseCode = "406", ref = "NotAcceptableAsMap")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Response map(@BeanParam EvidenceMapParameters parameters) {
        EvidenceMapParameters.MapRequest request = parameters.toMapRequest(config);
        Representation representation = request.format() != null ? request.format()
                : Representation.negotiate(headers, Representation.EVIDENCE_MAP);
        AnswerBasis basis = new AnswerBasis();
        URI base = urls.base();
        return conditional.answer(catalogue.of(basis), () -> {
            EvidenceMap map = basis.of(maps.map(request.search(), request.rows(), request.columns()));
            return representation == Representation.SVG ? EvidenceMapSvg.render(map, EvidenceMapTexts.title(map),
                    EvidenceMapTexts.description(map), base) : map;
        }, (answer, response) -> response.type(representation.contentType())).toResponse();
    }
}
