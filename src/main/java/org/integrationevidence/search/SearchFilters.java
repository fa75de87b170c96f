package org.integrationevidence.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.CountryCode;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.Scale;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.casestudy.Vocabulary;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.openapi.SchemaBounds;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

/**
 * The query parameters that choose case studies, as sent: what a list page, an export and a feed share.
 * {@link #toRequest} checks them all and reports every error at once.
 */
public class SearchFilters {

    /** The longest value of a repeatable filter (FilterValue in the OpenAPI document). */
    static final int MAX_VALUE_LENGTH = 200;
    /** evidence.search.max-filter-values by default: the most values of all filters together. */
    static final int DEFAULT_MAX_FILTER_VALUES = 100;

    @QueryParam("q")
    @Parameter(description = "Free text over title, summary, body, place, organisations, approach names and outcomes; a "
            + "match in the title or an approach name counts most. Case and accents are ignored (`Malmo` finds `Malmö`, "
            + "`Torino` finds `Turin`), words are matched by their stem, and results matching more of the words rank "
            + "first. Syntax: `\"a phrase\"`, `-word` to exclude, `integr*` for a prefix, `a | b` for either, "
            + "`+` to require both, parentheses to group. At most 500 characters (evidence.search.max-query-length).",
            schema = @Schema(type = SchemaType.STRING, maxLength = 500), example = "women football")
    public String q;

    @QueryParam("approach")
    @Parameter(description = "Approach slug, such as `school-linking`; matches case studies tagged with it or any narrower "
            + "approach. Repeatable.", example = "sport",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES))
    public List<String> approach;

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 country code, in any case. Repeatable.", example = "GB",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES))
    public List<String> country;

    @QueryParam("region")
    @Parameter(description = "Region as written in case studies, for example `Piedmont`; case and accents are ignored. "
            + "Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES))
    public List<String> region;

    @QueryParam("place")
    @Parameter(description = "Place name or local authority, such as `Bradford`; case and accents are ignored. Repeatable.",
            example = "Bradford",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES))
    public List<String> place;

    @QueryParam("theme")
    @Parameter(description = "Theme, one of the values of the Theme schema. Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Theme.class, maxItems = DEFAULT_MAX_FILTER_VALUES), example = "social-contact")
    public List<String> theme;

    @QueryParam("targetGroup")
    @Parameter(description = "Target group, one of the values of the TargetGroup schema. Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = TargetGroup.class, maxItems = DEFAULT_MAX_FILTER_VALUES), example = "women")
    public List<String> targetGroup;

    @QueryParam("scale")
    @Parameter(description = "Scale, one of the values of the Scale schema. Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Scale.class, maxItems = DEFAULT_MAX_FILTER_VALUES), example = "city")
    public List<String> scale;

    @QueryParam("outcomeDomain")
    @Parameter(description = "Outcome domain or group of domains (see /api/v1/outcome-domains): case studies with a finding "
            + "in it, or in a domain of the group. Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES),
            example = "leisure")
    public List<String> outcomeDomain;

    @QueryParam("direction")
    @Parameter(description = "Direction of a finding, one of the values of the Direction schema: case studies with a finding "
            + "that went this way (with `outcomeDomain`, a finding in one of those domains that went this way). Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Direction.class, maxItems = DEFAULT_MAX_FILTER_VALUES),
            example = "not-reported")
    public List<String> direction;

    @QueryParam("cbp")
    @Parameter(description = "Common Basic Principle, by number (see /api/v1/frameworks/cbp): case studies tagged with an "
            + "approach mapped to it, or under one. Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES),
            example = "7")
    public List<String> cbp;

    @QueryParam("gcm")
    @Parameter(description = "Objective (1 to 23) or guiding principle (a to j) of the Global Compact for Migration (see "
            + "/api/v1/frameworks/gcm): case studies tagged with an approach mapped to it, or under one. Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES),
            example = "16")
    public List<String> gcm;

    @QueryParam("sdg")
    @Parameter(description = "Sustainable Development Goal target, such as `10.7` (see /api/v1/frameworks/sdg): case "
            + "studies tagged with an approach mapped to it, or under one. Repeatable.",
            schema = @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = DEFAULT_MAX_FILTER_VALUES),
            example = "10.2")
    public List<String> sdg;

    @QueryParam("minEvidence")
    @Parameter(description = "Lowest evidence level, 1 to 5 (see /api/v1/evidence-levels).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "5"), example = "1")
    public String minEvidence;

    @QueryParam("activeFrom")
    @Parameter(description = "Year, for example `2005`: only case studies whose period reaches this year or later. Case "
            + "studies with no known years are left out when this or `activeTo` is given.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
    public String activeFrom;

    @QueryParam("activeTo")
    @Parameter(description = "Year, for example `2015`: only case studies whose period started in this year or earlier.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1900", maximum = "2100"))
    public String activeTo;

    @QueryParam("updatedSince")
    @Parameter(description = "Only case studies changed at or after this instant (ISO 8601, such as "
            + "`2026-11-01T00:00:00Z`) or date (`2026-11-01`, from its start in UTC).",
            schema = @Schema(type = SchemaType.STRING, maxLength = SchemaBounds.MAX_INSTANT_LENGTH), example = "2020-01-01")
    public String updatedSince;

    // Places: geographic filters and the place-similarity ranking (GeoQuery, PlaceQueries; docs/guide/places.md)

    @QueryParam("bbox")
    @Parameter(description = "Only case studies whose place has coordinates inside this box: `west,south,east,north` in "
            + "decimal degrees (WGS 84), as RFC 7946 writes a bounding box. A box with west greater than east crosses the "
            + "antimeridian (`170,-20,-170,20`). Case studies without coordinates are left out.",
            schema = @Schema(type = SchemaType.STRING, maxLength = GeoQuery.MAX_COORDINATES_LENGTH), example = "-2.2,53.5,-1.5,54")
    public String bbox;

    @QueryParam("near")
    @Parameter(description = "Only case studies whose place has coordinates, nearest this point first unless `sort` says "
            + "otherwise: `lat,lon` in decimal degrees (WGS 84). With `radius`, only those within that many kilometres.",
            schema = @Schema(type = SchemaType.STRING, maxLength = GeoQuery.MAX_COORDINATES_LENGTH), example = "53.79,-1.75")
    public String near;

    @QueryParam("radius")
    @Parameter(description = "With `near`: the largest distance from it, in kilometres, more than 0 and at most 20000.",
            schema = @Schema(type = SchemaType.NUMBER, minimum = "0", exclusiveMinimum = true, maximum = "20000"),
            example = "50")
    public String radius;

    @QueryParam("similarPlace")
    @Parameter(description = "Slug of a published case study: only case studies whose place is like its place in some "
            + "way (the same Degree of Urbanisation class, population band, subdivision or country, or coordinates), "
            + "the most alike first unless `sort` says otherwise; the case study itself is left out. See "
            + "docs/guide/places.md for the score.",
            schema = @Schema(type = SchemaType.STRING, maxLength = org.integrationevidence.http.Slugs.MAX_LENGTH,
                    pattern = org.integrationevidence.http.Slugs.PATTERN),
            example = "hewstone-oldham-schoolchildren-contact-study")
    public String similarPlace;


    /** Checks every parameter; all problems are reported in one 400. Only published case studies are searched. */
    public SearchRequest toRequest(EvidenceConfig config) {
        List<FieldError> errors = new ArrayList<>();
        EvidenceConfig.Search limits = config.search();
        String text = blankToNull(q);
        if (text != null && text.length() > limits.maxQueryLength()) {
            errors.add(new FieldError("q", "must be at most " + limits.maxQueryLength() + " characters"));
        }
        List<String> approaches = values("approach", approach, errors, Function.identity());
        List<String> countries = values("country", country, errors, value -> {
            String code = value.toUpperCase(Locale.ROOT);
            return CountryCode.Validator.isValid(code) ? code : null;
        }, "is not an ISO 3166-1 alpha-2 country code, such as GB or IT");
        List<String> regions = values("region", region, errors, SearchAnalyzers::fold);
        List<String> places = values("place", place, errors, SearchAnalyzers::fold);
        List<Theme> themes = vocabulary("theme", theme, Theme.class, errors);
        List<TargetGroup> groups = vocabulary("targetGroup", targetGroup, TargetGroup.class, errors);
        List<Scale> scales = vocabulary("scale", scale, Scale.class, errors);
        List<String> domains = values("outcomeDomain", outcomeDomain, errors, Function.identity());
        List<Direction> directions = vocabulary("direction", direction, Direction.class, errors);
        Map<String, List<String>> frameworks = new LinkedHashMap<>();
        Map.of("cbp", nonNull(cbp), "gcm", nonNull(gcm), "sdg", nonNull(sdg)).forEach((scheme, raw) -> {
            List<String> codes = values(scheme, raw, errors, Function.identity());
            if (!codes.isEmpty()) {
                frameworks.put(scheme, codes);
            }
        });
        int filterValues = Stream.of(approach, country, region, place, theme, targetGroup, scale, outcomeDomain, direction,
                        cbp, gcm, sdg)
                .mapToInt(values -> values == null ? 0 : values.size()).sum();
        if (filterValues > limits.maxFilterValues()) {
            errors.add(new FieldError("$", "at most " + limits.maxFilterValues() + " filter values are allowed in one "
                    + "request; this one has " + filterValues));
        }
        Integer minimumEvidence = integer("minEvidence", minEvidence, 1, 5, errors);
        Integer from = integer("activeFrom", activeFrom, 1900, 2100, errors);
        Integer to = integer("activeTo", activeTo, 1900, 2100, errors);
        if (from != null && to != null && to < from) {
            errors.add(new FieldError("activeTo", "must not be before activeFrom"));
        }
        Instant since = QueryParameters.instant("updatedSince", updatedSince, errors);
        GeoQuery geo = GeoQuery.parse(bbox, near, radius, similarPlace, errors);
        SearchSort order = order(text, geo, errors);
        List<String> facetNames = facetNames(errors);
        int pageSize = pageSize(config, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new SearchRequest(text, approaches, countries, regions, places, themes, groups, scales, domains, directions,
                minimumEvidence,
                from, to, since, Set.of(CaseStudyStatus.PUBLISHED), order, facetNames, pageSize, cursor(), geo,
                Map.copyOf(frameworks));
    }

    /** The order: newest change first, unless the request lets the client choose. */
    SearchSort order(String text, GeoQuery geo, List<FieldError> errors) {
        return SearchSort.UPDATED;
    }

    /** Facets to count: none, unless the request pages through results. */
    List<String> facetNames(List<FieldError> errors) {
        return List.of();
    }

    /** Page size: whatever the caller asks batches of, unless the request pages through results. */
    int pageSize(EvidenceConfig config, List<FieldError> errors) {
        return config.paging().maxLimit();
    }

    String cursor() {
        return null;
    }


    private static List<String> values(String parameter, List<String> raw, List<FieldError> errors,
            Function<String, String> normalize) {
        return values(parameter, raw, errors, normalize, "is not a valid value");
    }

    /** Distinct, sorted, normalized values; a value that normalizes to null is reported with {@code invalidMessage}. */
    private static List<String> values(String parameter, List<String> raw, List<FieldError> errors,
            Function<String, String> normalize, String invalidMessage) {
        Set<String> values = new TreeSet<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.length() > MAX_VALUE_LENGTH) {
                errors.add(new FieldError(parameter, "values must be at most " + MAX_VALUE_LENGTH + " characters"));
                continue;
            }
            String normalized = normalize.apply(trimmed);
            if (normalized == null) {
                errors.add(new FieldError(parameter, "\"" + trimmed + "\" " + invalidMessage));
            } else {
                values.add(normalized);
            }
        }
        return List.copyOf(values);
    }

    private static <E extends Enum<E>> List<E> vocabulary(String parameter, List<String> raw, Class<E> type,
            List<FieldError> errors) {
        List<E> parsed = new ArrayList<>();
        for (String value : values(parameter, raw, errors, Function.identity())) {
            Vocabulary.parse(type, value).ifPresentOrElse(parsed::add, () -> errors.add(new FieldError(parameter,
                    "\"" + QueryParameters.abbreviate(value) + "\" is not one of: " + Vocabulary.allowed(type))));
        }
        return parsed;
    }

    /** A whole number in range, or null; a bad one adds its error to the others. */
    private static Integer integer(String parameter, String raw, int min, int max, List<FieldError> errors) {
        try {
            return QueryParameters.wholeNumber(parameter, raw, min, max);
        } catch (ApiException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
