package org.integrationevidence.evidencemap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.http.Representation;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.search.EvidenceMaps;
import org.integrationevidence.search.SearchFilters;
import org.integrationevidence.search.SearchRequest;

/** The query parameters of an evidence gap map: the search's filters, which dimensions make rows and columns, and a format. */
public class EvidenceMapParameters extends SearchFilters {

    private static final String DIMENSIONS = "approach, outcomeDomain, theme, targetGroup, country, cbp, gcm, sdg (the "
            + "concepts of a framework, see /api/v1/frameworks)";

    @QueryParam("rows")
    @Parameter(description = "The dimension of the rows: one of " + DIMENSIONS + ". Default `approach`.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"approach", "outcomeDomain", "theme", "targetGroup", "country", "cbp", "gcm", "sdg"},
                    defaultValue = "approach"), example = "approach")
    public String rows;

    @QueryParam("columns")
    @Parameter(description = "The dimension of the columns, other than the rows': one of " + DIMENSIONS
            + ". Default `outcomeDomain`.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"approach", "outcomeDomain", "theme", "targetGroup", "country", "cbp", "gcm", "sdg"},
                    defaultValue = "outcomeDomain"), example = "outcomeDomain")
    public String columns;

    @QueryParam("rowsDepth")
    @Parameter(description = "For `approach`: the depth of the tree the rows are taken at, 1 for the top level (the default); "
            + "narrower approaches are rolled up into their ancestor at this depth. For `outcomeDomain`: 1 for the groups, 2 "
            + "for the domains (the default). Not for other dimensions.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10"), example = "1")
    public String rowsDepth;

    @QueryParam("columnsDepth")
    @Parameter(description = "As `rowsDepth`, for the columns.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10"), example = "2")
    public String columnsDepth;

    @QueryParam("format")
    @Parameter(description = "The format, for links that cannot send Accept: `json`, `csv` or `svg`. Overrides Accept.",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "svg"}), example = "svg")
    public String format;

    /** The map asked for; every bad parameter is reported in one 400, with the filters'. */
    MapRequest toMapRequest(EvidenceConfig config) {
        List<FieldError> errors = new ArrayList<>();
        EvidenceMaps.AxisChoice rowChoice = axis("rows", rows, "approach", "rowsDepth", rowsDepth, errors);
        EvidenceMaps.AxisChoice columnChoice = axis("columns", columns, "outcomeDomain", "columnsDepth", columnsDepth, errors);
        Representation chosen = null;
        if (format != null && !format.isBlank()) {
            chosen = switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> Representation.JSON;
                case "csv" -> Representation.CSV;
                case "svg" -> Representation.SVG;
                default -> {
                    errors.add(new FieldError("format", "\"" + QueryParameters.abbreviate(format) + "\" is not one of: json, csv, svg"));
                    yield null;
                }
            };
        }
        SearchRequest search;
        try {
            search = toRequest(config);
        } catch (ApiException e) {
            errors.addAll(0, e.errors());
            throw ApiException.invalid(errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new MapRequest(search, rowChoice, columnChoice, chosen);
    }

    private static EvidenceMaps.AxisChoice axis(String parameter, String raw, String fallback, String depthParameter,
            String rawDepth, List<FieldError> errors) {
        String name = raw == null || raw.isBlank() ? fallback : raw.strip();
        EvidenceMaps.Dimension dimension = EvidenceMaps.Dimension.of(name);
        if (dimension == null) {
            errors.add(new FieldError(parameter, "\"" + QueryParameters.abbreviate(name) + "\" is not one of: "
                    + EvidenceMaps.Dimension.allowed()));
        }
        Integer depth = null;
        try {
            depth = QueryParameters.wholeNumber(depthParameter, rawDepth, 1, 10);
        } catch (ApiException e) {
            errors.addAll(e.errors());
        }
        return new EvidenceMaps.AxisChoice(dimension == null ? EvidenceMaps.Dimension.of(fallback) : dimension, depth);
    }

    /** A map request, parsed: the selection, the two axes, and the format if the request names one. */
    record MapRequest(SearchRequest search, EvidenceMaps.AxisChoice rows, EvidenceMaps.AxisChoice columns,
            Representation format) {
    }
}
