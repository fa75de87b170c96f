package org.integrationevidence.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;

/**
 * The forms in which case studies, lists of them and the approach taxonomy are served, chosen by the Accept header.
 * Negotiated here rather than by {@code @Produces}, so that JSON wins whenever the client takes anything (no Accept,
 * {@code *}{@code /*}) and a 406 names exactly the types that the resource offers.
 */
public enum Representation {
    JSON(MediaType.APPLICATION_JSON_TYPE, "json"),
    JSON_LD(new MediaType("application", "ld+json"), "jsonld"),
    CSV(new MediaType("text", "csv"), "csv"),
    SVG(new MediaType("image", "svg+xml"), "svg"),
    GEO_JSON(new MediaType("application", "geo+json"), "geojson"),
    CSL_JSON(new MediaType("application", "vnd.citationstyles.csl+json"), "csl-json"),
    BIBTEX(new MediaType("application", "x-bibtex"), "bibtex"),
    RIS(new MediaType("application", "x-research-info-systems"), "ris");

    public static final String JSON_TYPE = MediaType.APPLICATION_JSON;
    public static final String JSON_LD_TYPE = "application/ld+json";
    public static final String CSV_TYPE = "text/csv";
    public static final String SVG_TYPE = "image/svg+xml";
    /** GeoJSON, RFC 7946. */
    public static final String GEO_JSON_TYPE = "application/geo+json";
    public static final String CSL_JSON_TYPE = "application/vnd.citationstyles.csl+json";
    public static final String BIBTEX_TYPE = "application/x-bibtex";
    public static final String RIS_TYPE = "application/x-research-info-systems";

    /** What a case study and a list of them are served as. */
    public static final Representation[] CASE_STUDIES = {JSON, JSON_LD, CSV, GEO_JSON, CSL_JSON, BIBTEX, RIS};
    /** What a published version of a case study is served as: its snapshot, or its citation. */
    public static final Representation[] VERSION = {JSON, CSL_JSON, BIBTEX, RIS};
    /** The name of the query parameter that chooses a representation where a link cannot send Accept. */
    public static final String FORMAT_PARAMETER = "format";
    /** What the taxonomy tree is served as. */
    public static final Representation[] TAXONOMY = {JSON, JSON_LD, CSV};
    /** What one approach is served as: a row of CSV would leave out its case studies. */
    public static final Representation[] APPROACH = {JSON, JSON_LD};
    /** What an evidence gap map is served as: the matrix, a row per cell, or a heat map. */
    public static final Representation[] EVIDENCE_MAP = {JSON, CSV, SVG};

    public final MediaType mediaType;
    /** Its name as the value of {@link #FORMAT_PARAMETER}. */
    public final String parameter;

    Representation(MediaType mediaType, String parameter) {
        this.mediaType = mediaType;
        this.parameter = parameter;
    }

    /**
     * The representation {@code format} names, when given (for links, which cannot send Accept): one of those offered,
     * else 400 naming the parameter; without it, the one Accept prefers ({@link #negotiate}).
     */
    public static Representation choose(String format, HttpHeaders headers, Representation... offered) {
        if (format == null || format.isBlank()) {
            return negotiate(headers, offered);
        }
        String wanted = format.strip().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(offered).filter(r -> r.parameter.equals(wanted)).findFirst()
                .orElseThrow(() -> ApiException.invalid(FORMAT_PARAMETER,
                        "\"" + QueryParameters.abbreviate(format) + "\" is not one of: " + names(offered)));
    }

    /** The names of {@code offered} as {@link #FORMAT_PARAMETER} takes them, for a parameter's description. */
    public static String names(Representation... offered) {
        return Arrays.stream(offered).map(r -> r.parameter).collect(Collectors.joining(", "));
    }

    /**
     * The offered representation that the Accept header prefers, as RFC 9110 weighs it: each offer takes the q-value
     * of the most specific media range that matches it ({@code text/csv} over {@code text/*} over {@code *}{@code /*});
     * the highest wins, and on a tie the first offered, so JSON when the client sends no Accept or takes anything. A
     * range that cannot be parsed is skipped. None acceptable is 406, naming the offers.
     */
    public static Representation negotiate(HttpHeaders headers, Representation... offered) {
        List<MediaType> ranges = ranges(headers.getRequestHeader(HttpHeaders.ACCEPT));
        if (ranges.isEmpty()) {
            return offered[0];
        }
        Representation best = null;
        double bestQuality = 0;
        for (Representation representation : offered) {
            double quality = representation.quality(ranges);
            if (quality > bestQuality) {
                best = representation;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new ApiException(ProblemType.NOT_ACCEPTABLE, "This resource is served as " + Arrays.stream(offered)
                    .map(r -> r.mediaType.toString()).collect(Collectors.joining(", "))
                    + "; send one of them in Accept, or none.");
        }
        return best;
    }

    private double quality(List<MediaType> ranges) {
        double quality = 0;
        int specificity = -1;
        for (MediaType range : ranges) {
            int rangeSpecificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
            if (range.isCompatible(mediaType) && rangeSpecificity > specificity) {
                specificity = rangeSpecificity;
                quality = qualityOf(range);
            }
        }
        return quality;
    }

    private static List<MediaType> ranges(List<String> acceptHeaders) {
        List<MediaType> ranges = new ArrayList<>();
        for (String header : acceptHeaders == null ? List.<String>of() : acceptHeaders) {
            for (String range : header.split(",")) {
                if (range.isBlank()) {
                    continue;
                }
                try {
                    MediaType parsed = MediaType.valueOf(range.strip());
                    if (qualityOf(parsed) >= 0) {
                        ranges.add(parsed);
                    }
                } catch (IllegalArgumentException e) {
                    // not a media range: it names nothing we could serve
                }
            }
        }
        return ranges;
    }

    /** The range's q-value, 1 when it has none; -1 when it is not a number from 0 to 1. */
    private static double qualityOf(MediaType range) {
        String q = range.getParameters().get("q");
        if (q == null) {
            return 1;
        }
        try {
            double value = Double.parseDouble(q.strip());
            return value >= 0 && value <= 1 ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The Content-Type of a response in this representation: text formats say their charset, JSON's is always UTF-8. */
    public MediaType contentType() {
        return this == CSV || this == SVG || this == BIBTEX || this == RIS ? mediaType.withCharset("UTF-8") : mediaType;
    }
}
