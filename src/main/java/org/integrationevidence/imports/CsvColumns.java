package org.integrationevidence.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.problem.FieldError;

/**
 * The CSV columns of an import and how a row becomes the JSON of a case study (as POST /api/v1/case-studies takes
 * it), so that a CSV row is read and checked exactly as the same case study sent as JSON. Column names are the JSON
 * paths of the fields ({@code place.name}, {@code sources[0].title}), which are also the field names of errors. An
 * empty cell leaves the field out; list fields hold their values separated by {@value #LIST_SEPARATOR}.
 */
final class CsvColumns {

    static final String LIST_SEPARATOR = "|";

    /** How a column's text becomes a JSON value. */
    enum Kind { TEXT, LIST, WHOLE_NUMBER, NUMBER, BOOLEAN }

    /** As many source column groups as a case study may have sources. */
    static final int MAX_SOURCES = 20;

    private static final Map<String, Kind> FIELDS = fields();
    private static final Map<String, Kind> SOURCE_FIELDS = sourceFields();
    private static final Pattern SOURCE_COLUMN = Pattern.compile("sources\\[(0|[1-9]\\d?)]\\.([A-Za-z]+)");
    private static final Map<String, Kind> FINDING_FIELDS = findingFields();
    private static final Pattern FINDING_COLUMN = Pattern.compile("findings\\[(0|[1-9]\\d?)]\\.([A-Za-z.]+)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{1,15})?");

    private final List<String> names;
    private final List<Kind> kinds;

    private CsvColumns(List<String> names, List<Kind> kinds) {
        this.names = names;
        this.kinds = kinds;
    }

    /** The columns of a header row; each unknown or repeated column adds an error on row 1. */
    static CsvColumns ofHeader(List<String> header, List<FieldError> errors) {
        List<String> names = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : header) {
            String name = cell.strip();
            Kind kind = kindOf(name);
            if (kind == null) {
                errors.add(new FieldError(1, name, "is not a known column; the columns are " + String.join(", ", FIELDS.keySet())
                        + ", sources[i]." + String.join(", sources[i].", SOURCE_FIELDS.keySet()) + " for i from 0 to "
                        + (MAX_SOURCES - 1) + ", and findings[i]." + String.join(", findings[i].", FINDING_FIELDS.keySet())
                        + " for i from 0 to " + (MAX_SOURCES - 1)));
            } else if (!seen.add(name)) {
                errors.add(new FieldError(1, name, "is a column twice"));
            }
            names.add(name);
            kinds.add(kind);
        }
        return new CsvColumns(names, kinds);
    }

    int size() {
        return names.size();
    }

    /** The row as a JSON object of a case study; each cell that cannot be its field's type adds an error instead. */
    ObjectNode toJson(List<String> cells, List<FieldError> errors) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            JsonNode value = value(names.get(i), kinds.get(i), cell, errors);
            if (value != null) {
                put(root, names.get(i), value);
            }
        }
        return root;
    }

    private static JsonNode value(String column, Kind kind, String cell, List<FieldError> errors) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String trimmed = cell.strip();
        switch (kind) {
            case TEXT:
                return nodes.textNode(cell);
            case LIST:
                ArrayNode list = nodes.arrayNode();
                for (String item : cell.split(Pattern.quote(LIST_SEPARATOR), -1)) {
                    list.add(item.strip());
                }
                return list;
            case WHOLE_NUMBER:
                if (WHOLE_NUMBER.matcher(trimmed).matches()) {
                    return nodes.numberNode(Integer.parseInt(trimmed));
                }
                errors.add(new FieldError(column, "must be a whole number"));
                return null;
            case NUMBER:
                if (DECIMAL.matcher(trimmed).matches()) {
                    return nodes.numberNode(Double.parseDouble(trimmed));
                }
                errors.add(new FieldError(column, "must be a decimal number such as 53.7955"));
                return null;
            default:
                String bool = trimmed.toLowerCase(Locale.ROOT);
                if (bool.equals("true") || bool.equals("false")) {
                    return nodes.booleanNode(bool.equals("true"));
                }
                errors.add(new FieldError(column, "must be true or false"));
                return null;
        }
    }

    /** Sets {@code value} at a column's path: {@code title}, {@code place.name} or {@code sources[2].title}. */
    private static void put(ObjectNode root, String column, JsonNode value) {
        Matcher finding = FINDING_COLUMN.matcher(column);
        if (finding.matches()) {
            ArrayNode findings = root.withArray("/findings");
            int index = Integer.parseInt(finding.group(1));
            while (findings.size() <= index) {
                findings.addNull();
            }
            if (!findings.get(index).isObject()) {
                findings.set(index, JsonNodeFactory.instance.objectNode());
            }
            ObjectNode target = (ObjectNode) findings.get(index);
            String path = finding.group(2);
            int dot = path.indexOf('.');
            if (dot < 0) {
                target.set(path, path.equals("sources") ? sourceIndexes(value) : value);
            } else {
                target.withObject("/" + path.substring(0, dot)).set(path.substring(dot + 1), value);
            }
            return;
        }
        Matcher source = SOURCE_COLUMN.matcher(column);
        if (source.matches()) {
            int index = Integer.parseInt(source.group(1));
            ArrayNode sources = root.withArray("/sources");
            while (sources.size() <= index) {
                sources.addNull();
            }
            if (!sources.get(index).isObject()) {
                sources.set(index, JsonNodeFactory.instance.objectNode());
            }
            ObjectNode target = (ObjectNode) sources.get(index);
            target.set(source.group(2), value);
            return;
        }
        int dot = column.indexOf('.');
        if (dot < 0) {
            root.set(column, value);
        } else {
            root.withObject("/" + column.substring(0, dot)).set(column.substring(dot + 1), value);
        }
    }

    /** A finding's sources in a cell: the positions of the case study's sources, as {@code {"index": n}} objects. */
    private static JsonNode sourceIndexes(JsonNode list) {
        ArrayNode sources = JsonNodeFactory.instance.arrayNode();
        list.forEach(item -> {
            String text = item.asText();
            ObjectNode source = sources.addObject();
            // not a number: left as text, so that the case study's check names the field and says what it must be
            source.set("index", WHOLE_NUMBER.matcher(text).matches() ? JsonNodeFactory.instance.numberNode(Integer.parseInt(text))
                    : JsonNodeFactory.instance.textNode(text));
        });
        return sources;
    }

    private static Kind kindOf(String column) {
        Matcher finding = FINDING_COLUMN.matcher(column);
        if (finding.matches()) {
            return Integer.parseInt(finding.group(1)) < MAX_SOURCES ? FINDING_FIELDS.get(finding.group(2)) : null;
        }
        Matcher source = SOURCE_COLUMN.matcher(column);
        if (source.matches()) {
            return Integer.parseInt(source.group(1)) < MAX_SOURCES ? SOURCE_FIELDS.get(source.group(2)) : null;
        }
        return FIELDS.get(column);
    }

    private static Map<String, Kind> fields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (String text : List.of("slug", "title", "summary", "body", "place.name", "place.localAuthority", "place.region",
                "place.countryCode")) {
            fields.put(text, Kind.TEXT);
        }
        fields.put("place.latitude", Kind.NUMBER);
        fields.put("place.longitude", Kind.NUMBER);
        fields.put("place.scale", Kind.TEXT);
        for (String text : List.of("place.subdivisionCode", "place.nutsCode", "place.degreeOfUrbanisation", "place.populationBand")) {
            fields.put(text, Kind.TEXT);
        }
        fields.put("period.startYear", Kind.WHOLE_NUMBER);
        fields.put("period.endYear", Kind.WHOLE_NUMBER);
        fields.put("period.ongoing", Kind.BOOLEAN);
        for (String list : List.of("leadOrganisations", "partnerOrganisations", "approaches", "themes", "targetGroups", "outcomes")) {
            fields.put(list, Kind.LIST);
        }
        fields.put("evidence.level", Kind.WHOLE_NUMBER);
        fields.put("evidence.rationale", Kind.TEXT);
        fields.put("evaluation.design", Kind.TEXT);
        fields.put("evaluation.independent", Kind.BOOLEAN);
        fields.put("evaluation.reference", Kind.TEXT);
        fields.put("cost.band", Kind.WHOLE_NUMBER);
        fields.put("cost.rationale", Kind.TEXT);
        fields.put("licence", Kind.TEXT);
        fields.put("status", Kind.TEXT);
        return fields;
    }

    /** A finding's columns: its measure and locators are written in NDJSON (see docs/guide/bulk-import.md). */
    private static Map<String, Kind> findingFields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (String text : List.of("domain", "statement", "direction")) {
            fields.put(text, Kind.TEXT);
        }
        fields.put("evidence.level", Kind.WHOLE_NUMBER);
        fields.put("evidence.rationale", Kind.TEXT);
        fields.put("sources", Kind.LIST);
        return fields;
    }

    private static Map<String, Kind> sourceFields() {
        Map<String, Kind> fields = new LinkedHashMap<>();
        for (String text : List.of("title", "author", "publisher", "publishedOn", "url", "contribution")) {
            fields.put(text, Kind.TEXT);
        }
        fields.put("fromReaderComments", Kind.BOOLEAN);
        for (String identifier : List.of("doi", "handle", "isbn")) {
            fields.put(identifier, Kind.TEXT);
        }
        return fields;
    }
}
