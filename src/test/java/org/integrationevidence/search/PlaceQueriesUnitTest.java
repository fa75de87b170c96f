package org.integrationevidence.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.integrationevidence.casestudy.DegreeOfUrbanisation;
import org.integrationevidence.casestudy.Place;
import org.integrationevidence.casestudy.PopulationBand;
import org.integrationevidence.problem.ApiException;
import org.junit.jupiter.api.Test;

/** The place-similarity score, the box across the antimeridian and the distance order, on an index in memory. */
class PlaceQueriesUnitTest {

    private static Place place(String country, String subdivision, DegreeOfUrbanisation degurba, PopulationBand band,
            Double latitude, Double longitude) {
        return new Place("A place", null, null, country, latitude, longitude, null, subdivision, null, degurba, band);
    }

    /** Slugs with their scores, best first, for a query over the places. */
    private static Map<String, Float> ranked(Map<String, Place> places, Query query, Sort sort) throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (Map.Entry<String, Place> entry : places.entrySet()) {
                Document doc = new Document();
                doc.add(new StringField(CaseStudyDocuments.SLUG, entry.getKey(), Field.Store.YES));
                doc.add(new SortedDocValuesField(CaseStudyDocuments.SLUG, new BytesRef(entry.getKey())));
                if (entry.getValue().countryCode() != null) {
                    doc.add(new StringField(CaseStudyDocuments.COUNTRY, entry.getValue().countryCode(), Field.Store.NO));
                }
                PlaceQueries.addFields(doc, entry.getValue());
                writer.addDocument(doc);
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TopDocs top = sort == null ? searcher.search(query, 100) : searcher.search(query, 100, sort, true);
                Map<String, Float> result = new LinkedHashMap<>();
                for (ScoreDoc hit : top.scoreDocs) {
                    result.put(searcher.storedFields().document(hit.doc).get(CaseStudyDocuments.SLUG), hit.score);
                }
                return result;
            }
        }
    }

    private static Map<String, Float> similarTo(String reference, Map<String, Place> places) throws IOException {
        Map<String, Query> filters = new HashMap<>();
        Query similarity = PlaceQueries.similarity(places.get(reference), reference, filters);
        Query query = PlaceQueries.ranked(new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST)
                .add(filters.get(PlaceQueries.SIMILAR_PLACE_FILTER), BooleanClause.Occur.FILTER).build(),
                similarity, SearchSort.SIMILAR_PLACE);
        return ranked(places, query, null);
    }

    @Test
    void theScoreIsTheSumOfTheWeightsOfWhatThePlacesShare() throws IOException {
        Map<String, Place> places = new LinkedHashMap<>();
        places.put("reference", place("GB", "GB-OLD", DegreeOfUrbanisation.TOWNS_AND_SEMI_DENSE_AREAS,
                PopulationBand.FROM_50K_TO_250K, null, null));
        places.put("class-and-band", place("SE", null, DegreeOfUrbanisation.TOWNS_AND_SEMI_DENSE_AREAS,
                PopulationBand.FROM_50K_TO_250K, null, null));
        places.put("class", place(null, null, DegreeOfUrbanisation.TOWNS_AND_SEMI_DENSE_AREAS, null, null, null));
        places.put("band", place("IT", null, null, PopulationBand.FROM_50K_TO_250K, null, null));
        places.put("subdivision", place("GB", "GB-OLD", null, null, null, null));
        places.put("country", place("GB", null, DegreeOfUrbanisation.CITIES, PopulationBand.OVER_1M, null, null));
        places.put("nothing", place("IT", "IT-TO", DegreeOfUrbanisation.RURAL_AREAS, PopulationBand.UNDER_50K, 45.07, 7.686));

        Map<String, Float> ranked = similarTo("reference", places);
        assertEquals(List.of("class-and-band", "class", "band", "subdivision", "country"), new ArrayList<>(ranked.keySet()));
        assertEquals(List.of(7f, 4f, 3f, 3f, 1f), new ArrayList<>(ranked.values()));
    }

    @Test
    void nearnessAddsUpToTwoHalvingAtOneHundredKilometres() throws IOException {
        Map<String, Place> places = new LinkedHashMap<>();
        places.put("reference", place(null, null, null, null, 53.792, -1.752));
        places.put("same-point", place(null, null, null, null, 53.792, -1.752));
        // about 100 km due north: one degree of latitude is 111.2 km
        places.put("a-hundred-km", place(null, null, null, null, 53.792 + 100 / 111.195, -1.752));
        places.put("far", place(null, null, null, null, -33.9, 151.2));
        places.put("unlocated", place(null, null, null, null, null, null));

        Map<String, Float> ranked = similarTo("reference", places);
        assertEquals(List.of("same-point", "a-hundred-km", "far"), new ArrayList<>(ranked.keySet()));
        assertEquals(2f, ranked.get("same-point"), 0.01f);
        assertEquals(1f, ranked.get("a-hundred-km"), 0.02f);
        assertEquals(0f, ranked.get("far"), 0.02f);
    }

    @Test
    void aPlaceWithNothingToCompareIsRefused() {
        ApiException refused = assertThrows(ApiException.class,
                () -> PlaceQueries.similarity(place(null, null, null, null, null, null), "nowhere", new HashMap<>()));
        assertEquals("similarPlace", refused.errors().get(0).field());
    }

    @Test
    void aBoxAcrossTheAntimeridianAndTheDistanceOrder() throws IOException {
        Map<String, Place> places = new LinkedHashMap<>();
        places.put("suva", place("FJ", null, null, null, -18.142, 178.441));
        places.put("apia", place("WS", null, null, null, -13.833, -171.767));
        places.put("greenwich", place("GB", null, null, null, 51.477, 0.0));
        places.put("unlocated", place("GB", null, null, null, null, null));
        Map<String, Query> filters = new LinkedHashMap<>();
        PlaceQueries.addFilters(filters, new GeoQuery(new GeoQuery.BoundingBox(170, -20, -170, 20), null, null));
        assertEquals(List.of("suva", "apia"), new ArrayList<>(ranked(places, filters.get(PlaceQueries.BBOX_FILTER), null).keySet()));

        filters.clear();
        GeoQuery.Near nearGreenwich = new GeoQuery.Near(51.5, 0, null);
        PlaceQueries.addFilters(filters, new GeoQuery(null, nearGreenwich, null));
        Sort byDistance = new Sort(PlaceQueries.distanceSort(nearGreenwich), new SortField(CaseStudyDocuments.SLUG, SortField.Type.STRING));
        assertEquals(List.of("greenwich", "apia", "suva"),
                new ArrayList<>(ranked(places, filters.get(PlaceQueries.NEAR_FILTER), byDistance).keySet()));
    }
}
