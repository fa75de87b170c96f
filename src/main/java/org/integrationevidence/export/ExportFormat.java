package org.integrationevidence.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;

import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/** What an export is written as, chosen by the {@code format} parameter or else by the Accept header. */
enum ExportFormat {
    CSV("csv", "text/csv"),
    NDJSON("ndjson", "application/x-ndjson"),
    GEOJSON("geojson", "application/geo+json");

    static final String CSV_TYPE = "text/csv";
    static final String NDJSON_TYPE = "application/x-ndjson";
    static final String GEOJSON_TYPE = "application/geo+json";

    final String parameter;
    final MediaType mediaType;

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
                            + "\" is not one of: csv, ndjson, geojson"))));
        }
        List<Variant> offered = Variant.mediaTypes(CSV.mediaType, NDJSON.mediaType, GEOJSON.mediaType).build();
        Variant chosen = request.selectVariant(offered);
        return Optional.ofNullable(chosen).map(variant -> Arrays.stream(values())
                        .filter(f -> variant.getMediaType().isCompatible(f.mediaType)).findFirst().orElse(CSV))
                .orElseThrow(() -> new ApiException(ProblemType.NOT_ACCEPTABLE, "Exports are served as " + CSV_TYPE
                        + ", " + NDJSON_TYPE + " and " + GEOJSON_TYPE + " (or choose with format=csv, format=ndjson or "
                        + "format=geojson)."));
    }
}
