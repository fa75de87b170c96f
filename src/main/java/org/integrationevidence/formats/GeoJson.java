package org.integrationevidence.formats;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.casestudy.CaseStudyView;
import org.integrationevidence.casestudy.Place;

/**
 * Case studies as GeoJSON (RFC 7946): a FeatureCollection of Point features, one per case study whose place has
 * coordinates, in WGS 84 as [longitude, latitude] and with no {@code crs} member. Each feature's {@code id} is the
 * slug and its {@code properties} are the summary's fields (those of a list's items). The foreign member
 * {@value #WITHOUT_COORDINATES} says how many matches had no coordinates, and so are not in the collection.
 */
public final class GeoJson {

    /** The foreign member of a FeatureCollection: how many matches it leaves out for want of coordinates. */
    public static final String WITHOUT_COORDINATES = "withoutCoordinates";

    /** The summary's fields: a feature's properties, whichever shape the case study came in. */
    private static final Set<String> SUMMARY_FIELDS = Arrays.stream(CaseStudySummary.class.getRecordComponents())
            .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());

    private final ObjectMapper json;

    public GeoJson(ObjectMapper json) {
        this.json = json;
    }

    /** A collection of the summaries that have coordinates; {@code withoutCoordinates} is told by the caller. */
    public ObjectNode collection(List<CaseStudySummary> items, long withoutCoordinates) {
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (CaseStudySummary item : items) {
            if (item.place() != null && item.place().hasCoordinates()) {
                features.add(feature(item.slug(), item.place(), json.valueToTree(item)));
            }
        }
        collection.put(WITHOUT_COORDINATES, withoutCoordinates);
        return collection;
    }

    /** A collection of one case study: one feature, or none and a count of one when it has no coordinates. */
    public ObjectNode collection(CaseStudyView caseStudy) {
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        ObjectNode feature = feature(caseStudy);
        if (feature != null) {
            features.add(feature);
        }
        collection.put(WITHOUT_COORDINATES, feature == null ? 1 : 0);
        return collection;
    }

    /** The feature of a case study in full, its properties cut to the summary's fields; null without coordinates. */
    public ObjectNode feature(CaseStudyView caseStudy) {
        if (caseStudy.place() == null || !caseStudy.place().hasCoordinates()) {
            return null;
        }
        ObjectNode tree = json.valueToTree(caseStudy);
        if (caseStudy.evidence() != null) {
            tree.put("evidenceLevel", caseStudy.evidence().level());
        }
        return feature(caseStudy.slug(), caseStudy.place(), tree);
    }

    /** Writes the start of a streamed collection, up to its first feature. */
    public static void writeStart(Writer out) throws IOException {
        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
    }

    /** Writes the end of a streamed collection, with its count of matches without coordinates. */
    public static void writeEnd(Writer out, long withoutCoordinates) throws IOException {
        out.write("],\"" + WITHOUT_COORDINATES + "\":" + withoutCoordinates + "}");
    }

    private ObjectNode feature(String slug, Place place, JsonNode fields) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature").put("id", slug);
        ArrayNode coordinates = feature.putObject("geometry").put("type", "Point").putArray("coordinates");
        coordinates.add(place.longitude()).add(place.latitude());
        ObjectNode properties = feature.putObject("properties");
        fields.fields().forEachRemaining(field -> {
            if (SUMMARY_FIELDS.contains(field.getKey())) {
                properties.set(field.getKey(), field.getValue());
            }
        });
        return feature;
    }
}
