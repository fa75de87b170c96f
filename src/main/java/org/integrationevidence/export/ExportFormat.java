package org.integrationevidence.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;

import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.http.Representation;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/** What an export is written as, chosen by the {@code format} parameter or else by the Accept header. */
enum ExportFormat {
    CSV("csv", "text/csv"),
    NDJSON("ndjson", "application/x-ndjson"),
    GEOJSON("geojson", "application/geo+json"),
    CSL_JSON("csl-json", Representation.CSL_JSON_TYPE),
    BIBTEX("bibtex", Representation.BIBTEX_TYPE),
    RIS("ris", Representation.RIS_TYPE);

    static final String CSV_TYPE = "text/csv";
    static final String NDJSON_TYPE = "application/x-ndjson";
    static final String GEOJSON_TYPE = "application/geo+json";
    /** The values of the format parameter. */
    static final String NAMES = "csv, ndjson, geojson, csl-json, bibtex, ris";

    final String parameter;
    final MediaType mediaType;

    /** The representation a citation format is written as; null for CSV and NDJSON. */
    Representation citation() {
        return switch (this) {
            case CSL_JSON -> Representation.CSL_JSON;
            case BIBTEX -> Representation.BIBTEX;
            case RIS -> Representation.RIS;
            default -> null;
        };
    }

    /** The extension of the file an export in this format is saved as. */
    String extension() {
        return switch (this) {
            case CSL_JSON -> "json";
            case BIBTEX -> "bib";
            default -> parameter;
        };
    }

    ExportFormat(String parameter, String mediaType) {
        this.parameter = parameter;
        this.mediaType = MediaType.valueOf(mediaType);
    }

    /**
     * {@code format} wins when given; otherwise the Accept header is negotiated (with its q-values), CSV first when
     * the client takes either or sends no Accept. Anything else is 406, naming what is offered.
     */
    static ExportFormat choose(String format, Request request) {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(f -> f.parameter.equals(wanted)).findFirst()
                    .orElseThrow(() -> ApiException.invalid(List.of(new FieldError("format", "\"" + QueryParameters.abbreviate(format)
                            + "\" is not one of: " + NAMES))));
        }
        List<Variant> offered = Variant.mediaTypes(Arrays.stream(values()).map(f -> f.mediaType).toArray(MediaType[]::new))
                .build();
        Variant chosen = request.selectVariant(offered);
        return Optional.ofNullable(chosen).flatMap(variant -> Arrays.stream(values())
                        .filter(f -> f.mediaType.isCompatible(variant.getMediaType())).findFirst())
                .orElseThrow(() -> new ApiException(ProblemType.NOT_ACCEPTABLE, "Exports are served as " + CSV_TYPE
                        + ", " + NDJSON_TYPE + ", " + GEOJSON_TYPE + ", " + Representation.CSL_JSON_TYPE + ", "
                        + Representation.BIBTEX_TYPE + " and " + Representation.RIS_TYPE + " (or choose with format="
                        + NAMES.replace(", ", ", format=") + ")."));
    }
}
