package org.integrationevidence.search;

import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.integrationevidence.casestudy.Place;
import org.integrationevidence.problem.ApiException;

/**
 * Places in the index and in searches: a case study's coordinates as a Lucene geo point (for boxes and distances)
 * with doc values (for the distance order), its place attributes as keywords, the {@code bbox} and {@code near}
 * filters, the distance order, and the place-similarity score of {@code similarPlace} (docs/guide/places.md).
 */
final class PlaceQueries {

    /** The coordinates: a LatLonPoint and a LatLonDocValuesField under the same name. */
    static final String LOCATION = "place.location";
    static final String SUBDIVISION = "place.subdivision";
    static final String DEGREE_OF_URBANISATION = "place.degurba";
    static final String POPULATION_BAND = "place.populationBand";

    /** The filters' keys in a search's filter map: not facet dimensions, so every facet count is narrowed by them. */
    static final String BBOX_FILTER = "bbox";
    static final String NEAR_FILTER = "near";
    static final String SIMILAR_PLACE_FILTER = "similarPlace";

    /** What each shared attribute adds to the place-similarity score. */
    static final float SAME_DEGREE_OF_URBANISATION = 4;
    static final float SAME_POPULATION_BAND = 3;
    static final float SAME_SUBDIVISION = 2;
    static final float SAME_COUNTRY = 1;
    /** The most that nearness adds: this much for the same point, half of it at {@link #NEARNESS_PIVOT_KM}. */
    static final float NEARNESS = 2;
    static final double NEARNESS_PIVOT_KM = 100;

    private PlaceQueries() {
    }

    /** The place's fields of a case study's document; what the place does not have is not indexed. */
    static void addFields(Document doc, Place place) {
        if (place == null) {
            return;
        }
        if (place.hasCoordinates()) {
            doc.add(new LatLonPoint(LOCATION, place.latitude(), place.longitude()));
            doc.add(new LatLonDocValuesField(LOCATION, place.latitude(), place.longitude()));
        }
        if (place.subdivisionCode() != null) {
            doc.add(new StringField(SUBDIVISION, place.subdivisionCode(), Field.Store.NO));
        }
        if (place.degreeOfUrbanisation() != null) {
            doc.add(new StringField(DEGREE_OF_URBANISATION, place.degreeOfUrbanisation().toString(), Field.Store.NO));
        }
        if (place.populationBand() != null) {
            doc.add(new StringField(POPULATION_BAND, place.populationBand().toString(), Field.Store.NO));
        }
    }

    /** Adds the {@code bbox} and {@code near} filters of a search to its filters. */
    static void addFilters(Map<String, Query> filters, GeoQuery geo) {
        if (geo.bbox() != null) {
            GeoQuery.BoundingBox box = geo.bbox();
            // Lucene reads a box whose west is east of its east as crossing the antimeridian, as RFC 7946 does.
            filters.put(BBOX_FILTER, LatLonPoint.newBoxQuery(LOCATION, box.south(), box.north(), box.west(), box.east()));
        }
        if (geo.near() != null) {
            GeoQuery.Near near = geo.near();
            filters.put(NEAR_FILTER, near.radiusKm() == null ? located()
                    : LatLonPoint.newDistanceQuery(LOCATION, near.latitude(), near.longitude(), near.radiusKm() * 1000));
        }
    }

    /** Case studies whose place has coordinates. */
    static Query located() {
        return new FieldExistsQuery(LOCATION);
    }

    /** Nearest the point first, in metres; a case study without coordinates last. */
    static SortField distanceSort(GeoQuery.Near near) {
        return LatLonDocValuesField.newDistanceSort(LOCATION, near.latitude(), near.longitude());
    }

    /**
     * The place-similarity score of other case studies' places to {@code reference}: the sum of a weight for each
     * attribute they share (Degree of Urbanisation class 4, population band 3, ISO 3166-2 subdivision 2, country 1)
     * and, when both have coordinates, a nearness of 2 × 100 / (100 + distance in km). An attribute that either place
     * lacks adds nothing. Its filter, added to {@code filters}, keeps the case studies that score above zero, other than
     * the reference itself ({@code slug}).
     */
    static Query similarity(Place reference, String slug, Map<String, Query> filters) {
        BooleanQuery.Builder score = new BooleanQuery.Builder();
        int clauses = 0;
        if (reference.degreeOfUrbanisation() != null) {
            score.add(weighted(DEGREE_OF_URBANISATION, reference.degreeOfUrbanisation().toString(), SAME_DEGREE_OF_URBANISATION),
                    BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (reference.populationBand() != null) {
            score.add(weighted(POPULATION_BAND, reference.populationBand().toString(), SAME_POPULATION_BAND), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (reference.subdivisionCode() != null) {
            score.add(weighted(SUBDIVISION, reference.subdivisionCode(), SAME_SUBDIVISION), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (reference.countryCode() != null) {
            score.add(weighted(CaseStudyDocuments.COUNTRY, reference.countryCode(), SAME_COUNTRY), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (reference.hasCoordinates()) {
            score.add(LatLonPoint.newDistanceFeatureQuery(LOCATION, NEARNESS, reference.latitude(), reference.longitude(),
                    NEARNESS_PIVOT_KM * 1000), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        if (clauses == 0) {
            throw ApiException.invalid("similarPlace", "the place of \"" + slug + "\" has no country, coordinates or place "
                    + "attributes to compare other places with");
        }
        Query similarity = score.build();
        filters.put(SIMILAR_PLACE_FILTER, new BooleanQuery.Builder()
                .add(similarity, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(CaseStudyDocuments.SLUG, slug)), BooleanClause.Occur.MUST_NOT)
                .build());
        return similarity;
    }

    /** The query a search runs: its text and filters, scored by place similarity when it is sorted by it. */
    static Query ranked(Query textAndFilters, Query similarity, SearchSort sort) {
        if (similarity == null || sort != SearchSort.SIMILAR_PLACE) {
            return textAndFilters;
        }
        return new BooleanQuery.Builder()
                .add(similarity, BooleanClause.Occur.MUST)
                .add(textAndFilters, BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query weighted(String field, String value, float weight) {
        return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(field, value))), weight);
    }
}
