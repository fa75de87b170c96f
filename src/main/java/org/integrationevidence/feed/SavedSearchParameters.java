package org.integrationevidence.feed;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.casestudy.Direction;
import org.integrationevidence.casestudy.Scale;
import org.integrationevidence.casestudy.TargetGroup;
import org.integrationevidence.casestudy.Theme;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.search.FilterValue;
import org.integrationevidence.search.GeoQuery;
import org.integrationevidence.search.SearchFilters;

/**
 * The filters of a saved search: the query parameters of the case studies list that choose case studies, with the
 * same names and the same rules (checked by {@link SearchFilters#toRequest}). Paging and ordering (cursor, limit,
 * sort, facets) are no part of it, and {@code updatedSince} is refused: a feed reader keeps track of what it has seen.
 * Repeatable filters are arrays; the others single values.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "The filters of a saved search: query parameters of GET /api/v1/case-studies, by the same names "
        + "and with the same meaning and rules. At least one is needed. In answers, the canonical form: values "
        + "trimmed, without repeats, sorted, country codes in capitals.")
public record SavedSearchParameters(
        @Schema(description = "Free text, as `q` of the list.", maxLength = 500, examples = "language café") String q,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "Approach slugs.", examples = "[\"school-linking\"]") List<String> approach,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "ISO 3166-1 alpha-2 country codes.", examples = "[\"GB\"]") List<String> country,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "Regions as written in case studies.") List<String> region,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "Place names or local authorities.") List<String> place,
        @Schema(type = SchemaType.ARRAY, implementation = Theme.class, maxItems = MAX_VALUES,
                description = "Themes (values of the Theme schema).") List<String> theme,
        @Schema(type = SchemaType.ARRAY, implementation = TargetGroup.class, maxItems = MAX_VALUES,
                description = "Target groups (values of the TargetGroup schema).") List<String> targetGroup,
        @Schema(type = SchemaType.ARRAY, implementation = Scale.class, maxItems = MAX_VALUES,
                description = "Scales (values of the Scale schema).") List<String> scale,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "Outcome domains or groups of domains.") List<String> outcomeDomain,
        @Schema(type = SchemaType.ARRAY, implementation = Direction.class, maxItems = MAX_VALUES,
                description = "Directions of a finding (values of the Direction schema).") List<String> direction,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "Common Basic Principles, by number.") List<String> cbp,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "Objectives or guiding principles of the Global Compact for Migration.") List<String> gcm,
        @Schema(type = SchemaType.ARRAY, implementation = FilterValue.class, maxItems = MAX_VALUES,
                description = "Sustainable Development Goal targets.") List<String> sdg,
        @Schema(description = "Lowest evidence level, 1 to 5.", minimum = "1", maximum = "5") Integer minEvidence,
        @Schema(description = "Year: case studies whose period reaches it or later.", minimum = "1900",
                maximum = "2100") Integer activeFrom,
        @Schema(description = "Year: case studies whose period started in it or earlier.", minimum = "1900",
                maximum = "2100") Integer activeTo,
        @Schema(description = "Bounding box `west,south,east,north`, as `bbox` of the list.",
                maxLength = GeoQuery.MAX_COORDINATES_LENGTH) String bbox,
        @Schema(description = "Point `lat,lon`, as `near` of the list.", maxLength = GeoQuery.MAX_COORDINATES_LENGTH) String near,
        @Schema(description = "With `near`: kilometres, more than 0 and at most 20000.", minimum = "0", exclusiveMinimum = true,
                maximum = "20000") BigDecimal radius,
        @Schema(description = "Slug of a published case study, as `similarPlace` of the list.", maxLength = Slugs.MAX_LENGTH)
        String similarPlace,
        @Schema(hidden = true) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String updatedSince) {

    /** The most values of all filters together, by default (evidence.search.max-filter-values). */
    static final int MAX_VALUES = 100;
    /** The largest radius the list takes, in kilometres. */
    private static final double MAX_RADIUS_KM = 20_000;

    /** The same filters in canonical form: trimmed, blanks dropped, repeatable values distinct and sorted. */
    SavedSearchParameters canonical() {
        return new SavedSearchParameters(text(q), values(approach), countries(country), values(region), values(place),
                values(theme), values(targetGroup), values(scale), values(outcomeDomain), values(direction), values(cbp),
                values(gcm), values(sdg), minEvidence, activeFrom, activeTo, text(bbox), text(near),
                radius == null ? null : canonical(radius), text(similarPlace), text(updatedSince));
    }

    /** Each parameter and its values, in the order of the list's parameters: what the query string is made of. */
    Map<String, List<String>> asQuery() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        single(query, "q", q);
        query.put("approach", nonNull(approach));
        query.put("country", nonNull(country));
        query.put("region", nonNull(region));
        query.put("place", nonNull(place));
        query.put("theme", nonNull(theme));
        query.put("targetGroup", nonNull(targetGroup));
        query.put("scale", nonNull(scale));
        query.put("outcomeDomain", nonNull(outcomeDomain));
        query.put("direction", nonNull(direction));
        query.put("cbp", nonNull(cbp));
        query.put("gcm", nonNull(gcm));
        query.put("sdg", nonNull(sdg));
        single(query, "minEvidence", minEvidence);
        single(query, "activeFrom", activeFrom);
        single(query, "activeTo", activeTo);
        single(query, "bbox", bbox);
        single(query, "near", near);
        single(query, "radius", radius == null ? null : text(radius));
        single(query, "similarPlace", similarPlace);
        single(query, "updatedSince", updatedSince);
        query.values().removeIf(List::isEmpty);
        return query;
    }

    /** The query string of these filters (form-encoded, in {@link #asQuery} order); empty when there are none. */
    String queryString() {
        List<String> pairs = new ArrayList<>();
        asQuery().forEach((name, values) -> values.forEach(value -> pairs.add(name + "=" + encode(value))));
        return String.join("&", pairs);
    }

    /** The filters of a query string that {@link #queryString} wrote. */
    static SavedSearchParameters fromQueryString(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            values.computeIfAbsent(pair.substring(0, equals), name -> new ArrayList<>())
                    .add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return new SavedSearchParameters(first(values, "q"), values.get("approach"), values.get("country"),
                values.get("region"), values.get("place"), values.get("theme"), values.get("targetGroup"),
                values.get("scale"), values.get("outcomeDomain"), values.get("direction"), values.get("cbp"),
                values.get("gcm"), values.get("sdg"), integer(first(values, "minEvidence")),
                integer(first(values, "activeFrom")), integer(first(values, "activeTo")), first(values, "bbox"),
                first(values, "near"), first(values, "radius") == null ? null : new BigDecimal(first(values, "radius")),
                first(values, "similarPlace"), first(values, "updatedSince"));
    }

    /** The list's filters with these values, for {@link SearchFilters#toRequest} to check and turn into a search. */
    SearchFilters toFilters() {
        SearchFilters filters = new SearchFilters();
        filters.q = q;
        filters.approach = approach;
        filters.country = country;
        filters.region = region;
        filters.place = place;
        filters.theme = theme;
        filters.targetGroup = targetGroup;
        filters.scale = scale;
        filters.outcomeDomain = outcomeDomain;
        filters.direction = direction;
        filters.cbp = cbp;
        filters.gcm = gcm;
        filters.sdg = sdg;
        filters.minEvidence = minEvidence == null ? null : minEvidence.toString();
        filters.activeFrom = activeFrom == null ? null : activeFrom.toString();
        filters.activeTo = activeTo == null ? null : activeTo.toString();
        filters.bbox = bbox;
        filters.near = near;
        filters.radius = radius == null ? null : text(radius);
        filters.similarPlace = similarPlace;
        filters.updatedSince = updatedSince;
        return filters;
    }

    /**
     * A radius as the double the list parses it into, without trailing zeros (50.0 and 5E+1 are 50); one out of
     * range is kept as sent, for the check to refuse.
     */
    private static BigDecimal canonical(BigDecimal radius) {
        double kilometres = radius.doubleValue();
        return Double.isFinite(kilometres) && kilometres > 0 && kilometres <= MAX_RADIUS_KM
                ? BigDecimal.valueOf(kilometres).stripTrailingZeros() : radius;
    }

    /** A radius as a query parameter: in plain digits when in range, else in scientific notation (1E+999999999). */
    private static String text(BigDecimal radius) {
        double kilometres = radius.doubleValue();
        return Double.isFinite(kilometres) && kilometres != 0 && Math.abs(kilometres) <= MAX_RADIUS_KM
                ? radius.toPlainString() : radius.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void single(Map<String, List<String>> query, String name, Object value) {
        query.put(name, value == null ? List.of() : List.of(value.toString()));
    }

    private static String first(Map<String, List<String>> values, String name) {
        List<String> all = values.get(name);
        return all == null ? null : all.get(0);
    }

    private static Integer integer(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static List<String> values(List<String> raw) {
        if (raw == null) {
            return null;
        }
        TreeSet<String> kept = new TreeSet<>();
        raw.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).forEach(kept::add);
        return kept.isEmpty() ? null : List.copyOf(kept);
    }

    private static List<String> countries(List<String> raw) {
        return values(raw == null ? null : raw.stream().map(value -> value == null ? null : value.toUpperCase(Locale.ROOT)).toList());
    }
}
