package org.integrationevidence.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestData.part;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.junit.jupiter.api.Test;

/**
 * Places over HTTP: the bbox, near and similarPlace filters, the distance order and its cursors, GeoJSON of a list, a
 * search, an export and one case study, the place attributes, and the 400s of bad geographic input. Each test tags
 * what it creates with an approach of its own and filters on it, except the one that reads the seed data.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class PlacesTest {

    private static final String LIST = "/api/v1/case-studies";
    private static final String GEO_JSON = "application/geo+json";

    /** The repository's geocoding of Bradford in the seed data (docs/guide/places.md). */
    private static final String NEAR_BRADFORD = "53.79,-1.75";

    private static String located(String approach, String name, String country, Double latitude, Double longitude) {
        Map<String, Object> body = caseStudy(approach);
        body.put("title", "A case study in " + name);
        Map<String, Object> place = part(body, "place");
        place.put("name", name);
        place.put("localAuthority", null);
        place.put("countryCode", country);
        place.put("latitude", latitude);
        place.put("longitude", longitude);
        return create(body);
    }

    @Test
    void nearBradfordFindsTheBradfordCaseStudiesFirst() {
        given().queryParam("near", NEAR_BRADFORD).queryParam("limit", 3)
                .when().get(LIST)
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder("bradford-bangladeshi-women-football",
                        "bradford-mixing-pupils-from-single-group-schools", "bradford-remembrance-commemorations"));
    }

    @Test
    void seedPlacesNamedPreciselyHaveCoordinatesAndOthersNone() {
        given().when().get(LIST + "/san-salvario-turin-joint-campaign-casa-del-quartiere")
                .then().statusCode(200)
                .body("place.latitude", equalTo(45.056f)).body("place.longitude", equalTo(7.681f))
                .body("place.subdivisionCode", equalTo("IT-TO")).body("place.nutsCode", equalTo("ITC11"))
                .body("place.degreeOfUrbanisation", nullValue()).body("place.populationBand", nullValue());
        given().when().get(LIST + "/linking-network-school-linking")
                .then().statusCode(200)
                .body("place.latitude", nullValue()).body("place.longitude", nullValue())
                .body("place.subdivisionCode", nullValue());
    }

    @Test
    void nearSortsByDistanceAndRadiusLimitsIt() {
        String approach = createApproach(null);
        String bradford = located(approach, "Bradford", "GB", 53.792, -1.752);
        String leeds = located(approach, "Leeds", "GB", 53.8, -1.549);
        String manchester = located(approach, "Manchester", "GB", 53.481, -2.243);
        located(approach, "Turin", "IT", 45.07, 7.686);
        located(approach, "Somewhere in England", "GB", null, null);

        given().queryParam("approach", approach).queryParam("near", NEAR_BRADFORD).queryParam("radius", 60)
                .when().get(LIST)
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.slug", contains(bradford, leeds, manchester));
        given().queryParam("approach", approach).queryParam("near", NEAR_BRADFORD).queryParam("radius", 20)
                .when().get(LIST)
                .then().statusCode(200)
                .body("items.slug", contains(bradford, leeds));
        // near alone: every located one, nearest first; the one without coordinates is left out
        given().queryParam("approach", approach).queryParam("near", NEAR_BRADFORD)
                .when().get(LIST)
                .then().statusCode(200)
                .body("total", equalTo(4));
    }

    @Test
    void theDistanceOrderPagesWithCursors() {
        String approach = createApproach(null);
        List<String> expected = List.of(
                located(approach, "Bradford", "GB", 53.792, -1.752),
                located(approach, "Leeds", "GB", 53.8, -1.549),
                located(approach, "Manchester", "GB", 53.481, -2.243),
                located(approach, "London", "GB", 51.507, -0.128),
                located(approach, "Turin", "IT", 45.07, 7.686));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("approach", approach).queryParam("near", NEAR_BRADFORD)
                    .queryParam("sort", "distance").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(LIST).then().statusCode(200).body("total", equalTo(5)).extract().jsonPath();
            seen.addAll(page.getList("items.slug"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(expected, seen);
    }

    @Test
    void aBoxFindsWhatIsInsideItAndMayCrossTheAntimeridian() {
        String approach = createApproach(null);
        String bradford = located(approach, "Bradford", "GB", 53.792, -1.752);
        located(approach, "Turin", "IT", 45.07, 7.686);
        String suva = located(approach, "Suva", "FJ", -18.142, 178.441);
        String apia = located(approach, "Apia", "WS", -13.833, -171.767);
        located(approach, "Somewhere", "GB", null, null);

        given().queryParam("approach", approach).queryParam("bbox", "-2.2,53.5,-1.5,54")
                .when().get(LIST)
                .then().statusCode(200).body("items.slug", contains(bradford));
        given().queryParam("approach", approach).queryParam("bbox", "170,-20,-170,20")
                .when().get(LIST)
                .then().statusCode(200).body("items.slug", containsInAnyOrder(suva, apia));
    }

    @Test
    void badGeographicInputIs400NamingTheParameter() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("bbox=-2,95,-1,96", "bbox"),
                Map.entry("bbox=-2,54,-1,53", "bbox"),
                Map.entry("bbox=-2,53,-1", "bbox"),
                Map.entry("bbox=-200,53,-1,54", "bbox"),
                Map.entry("bbox=a,53,-1,54", "bbox"),
                Map.entry("near=91,0", "near"),
                Map.entry("near=53.8,-1.75,3", "near"),
                Map.entry("near=NaN,1", "near"),
                Map.entry("near=53.8,-1.75&radius=0", "radius"),
                Map.entry("near=53.8,-1.75&radius=-5", "radius"),
                Map.entry("near=53.8,-1.75&radius=20001", "radius"),
                Map.entry("near=53.8,-1.75&radius=ten", "radius"),
                Map.entry("radius=10", "radius"),
                Map.entry("sort=distance", "sort"),
                Map.entry("sort=similarPlace", "sort"),
                Map.entry("similarPlace=Not_A_Slug", "similarPlace"),
                Map.entry("similarPlace=no-such-case-study-anywhere", "similarPlace"));
        cases.forEach((query, parameter) -> given().when().get(LIST + "?" + query)
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem(parameter)));
        given().when().get(LIST + "?near=53.8,-1.75&radius=0")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("must be more than 0 and at most 20000 (kilometres); it is 0"));
        given().when().get(LIST + "?bbox=-2,95,-1,96")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("south must be a latitude from -90 to 90; it is 95"));
        given().when().get("/api/v1/case-studies/export?near=91,0")
                .then().statusCode(400).body("errors.field", hasItem("near"));
    }

    @Test
    void placeAttributesAreWrittenReadAndChecked() {
        String approach = createApproach(null);
        Map<String, Object> body = caseStudy(approach);
        Map<String, Object> place = part(body, "place");
        place.put("subdivisionCode", "GB-BFD");
        place.put("degreeOfUrbanisation", "cities");
        place.put("populationBand", "250k-to-1m");
        place.put("latitude", 53.792);
        place.put("longitude", -1.752);
        String slug = create(body);
        given().when().get(LIST + "/" + slug)
                .then().statusCode(200)
                .body("place.subdivisionCode", equalTo("GB-BFD"))
                .body("place.nutsCode", nullValue())
                .body("place.degreeOfUrbanisation", equalTo("cities"))
                .body("place.populationBand", equalTo("250k-to-1m"));
        given().accept("application/ld+json").when().get(LIST + "/" + slug)
                .then().statusCode(200)
                .body("spatialCoverage.containedInPlace[0].identifier.value", equalTo("GB-BFD"))
                .body("spatialCoverage.additionalProperty.value", contains("cities", "250k-to-1m"));
        String csv = given().accept("text/csv").when().get(LIST + "/" + slug).then().statusCode(200).extract().asString();
        String header = csv.lines().findFirst().orElseThrow();
        assertEquals(true, header.contains(",place.subdivisionCode,place.nutsCode,place.degreeOfUrbanisation,place.populationBand,"),
                header);
        assertEquals(true, csv.lines().skip(1).findFirst().orElseThrow().contains(",GB-BFD,,cities,250k-to-1m,"), csv);

        Map<String, Object> wrong = caseStudy(approach);
        part(wrong, "place").put("subdivisionCode", "IT-TO");
        part(wrong, "place").put("nutsCode", "GB1");
        part(wrong, "place").put("degreeOfUrbanisation", "suburbs");
        given().contentType(ContentType.JSON).body(wrong).when().post(LIST)
                .then().statusCode(400)
                .body("errors.field", hasItem("place.degreeOfUrbanisation"));
        part(wrong, "place").put("degreeOfUrbanisation", null);
        given().contentType(ContentType.JSON).body(wrong).when().post(LIST)
                .then().statusCode(400)
                .body("errors.field", containsInAnyOrder("place.subdivisionCode", "place.nutsCode"))
                .body("errors.message", hasItem("must start with the place's countryCode, GB-"));
    }

    @Test
    void similarPlaceRanksByHowAlikeThePlacesAre() {
        String approach = createApproach(null);
        String reference = withAttributes(approach, "Oldham", "GB", "GB-OLD", "towns-and-semi-dense-areas", "50k-to-250k");
        String sameClassAndBand = withAttributes(approach, "Somewhere else", "SE", null, "towns-and-semi-dense-areas", "50k-to-250k");
        String sameSubdivision = withAttributes(approach, "Chadderton", "GB", "GB-OLD", null, null);
        String sameCountry = withAttributes(approach, "Cardiff", "GB", null, "cities", null);
        withAttributes(approach, "Nowhere alike", "IT", null, "rural-areas", "under-50k");

        given().queryParam("approach", approach).queryParam("similarPlace", reference)
                .when().get(LIST)
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.slug", contains(sameClassAndBand, sameSubdivision, sameCountry));
        // As a filter under another order
        given().queryParam("approach", approach).queryParam("similarPlace", reference).queryParam("sort", "title")
                .when().get(LIST)
                .then().statusCode(200)
                .body("total", equalTo(3)).body("items.slug", not(hasItem(reference)));
    }

    @Test
    void theEvidenceMapTakesTheGeographicFiltersToo() {
        String approach = createApproach(null);
        String reference = withAttributes(approach, "Oldham", "GB", "GB-OLD", "towns-and-semi-dense-areas", null);
        withAttributes(approach, "Chadderton", "GB", "GB-OLD", null, null);
        withAttributes(approach, "Nowhere alike", "IT", null, "rural-areas", null);
        located(approach, "Bradford", "GB", 53.792, -1.752);

        given().queryParam("approach", approach).when().get("/api/v1/evidence-map")
                .then().statusCode(200).body("caseStudies", equalTo(4));
        given().queryParam("approach", approach).queryParam("similarPlace", reference).when().get("/api/v1/evidence-map")
                .then().statusCode(200).body("caseStudies", equalTo(2));
        given().queryParam("approach", approach).queryParam("near", NEAR_BRADFORD).queryParam("radius", 10)
                .when().get("/api/v1/evidence-map")
                .then().statusCode(200).body("caseStudies", equalTo(1));
        given().queryParam("similarPlace", "no-such-case-study-anywhere").when().get("/api/v1/evidence-map")
                .then().statusCode(400).body("errors.field", hasItem("similarPlace"));
    }

    private static String withAttributes(String approach, String name, String country, String subdivision, String degurba,
            String band) {
        Map<String, Object> body = caseStudy(approach);
        body.put("title", "A case study in " + name);
        Map<String, Object> place = part(body, "place");
        place.put("name", name);
        place.put("localAuthority", null);
        place.put("countryCode", country);
        place.put("subdivisionCode", subdivision);
        place.put("degreeOfUrbanisation", degurba);
        place.put("populationBand", band);
        return create(body);
    }

    @Test
    void aListASearchAnExportAndOneCaseStudyAreGeoJson() {
        String approach = createApproach(null);
        String bradford = located(approach, "Bradford", "GB", 53.792, -1.752);
        String nowhere = located(approach, "Somewhere in England", "GB", null, null);

        for (String query : List.of("?approach=" + approach, "?q=case+study&approach=" + approach)) {
            given().accept(GEO_JSON).when().get(LIST + query)
                    .then().statusCode(200)
                    .contentType(startsWith(GEO_JSON))
                    .body("type", equalTo("FeatureCollection"))
                    .body("$", not(hasKey("crs")))
                    .body("features.id", contains(bradford))
                    .body("features[0].type", equalTo("Feature"))
                    .body("features[0].geometry.type", equalTo("Point"))
                    .body("features[0].geometry.coordinates", contains(-1.752f, 53.792f))
                    .body("features[0].properties.title", equalTo("A case study in Bradford"))
                    .body("features[0].properties.evidenceLevel", equalTo(2))
                    .body("features[0].properties", not(hasKey("body")))
                    .body("withoutCoordinates", equalTo(1));
        }
        given().queryParam("approach", approach).queryParam("format", "geojson")
                .when().get(LIST + "/export")
                .then().statusCode(200)
                .contentType(equalTo(GEO_JSON))
                .header("Content-Disposition", containsString("case-studies.geojson"))
                .body("type", equalTo("FeatureCollection"))
                .body("features.id", contains(bradford))
                .body("features[0].properties.evidenceLevel", equalTo(2))
                .body("features[0].properties", not(hasKey("body")))
                .body("withoutCoordinates", equalTo(1));
        given().accept(GEO_JSON).queryParam("approach", approach)
                .when().get(LIST + "/export")
                .then().statusCode(200).contentType(equalTo(GEO_JSON)).body("features.id", contains(bradford));
        given().accept(GEO_JSON).when().get(LIST + "/" + bradford)
                .then().statusCode(200)
                .contentType(startsWith(GEO_JSON))
                .body("features.id", contains(bradford))
                .body("features[0].properties.slug", equalTo(bradford))
                .body("withoutCoordinates", equalTo(0));
        given().accept(GEO_JSON).when().get(LIST + "/" + nowhere)
                .then().statusCode(200)
                .body("features.size()", equalTo(0))
                .body("withoutCoordinates", equalTo(1));
    }

    @Test
    void aGeoJsonPageLinksToTheNextPage() {
        String approach = createApproach(null);
        located(approach, "Bradford", "GB", 53.792, -1.752);
        located(approach, "Leeds", "GB", 53.8, -1.549);
        given().accept(GEO_JSON).queryParam("approach", approach).queryParam("near", NEAR_BRADFORD).queryParam("limit", 1)
                .when().get(LIST)
                .then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .body("features.size()", equalTo(1))
                .body("withoutCoordinates", equalTo(0));
    }
}
