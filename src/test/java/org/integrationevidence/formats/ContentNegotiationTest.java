package org.integrationevidence.formats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestData.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.CsvAssertions;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Case studies, lists and the taxonomy in the three forms they are served in: JSON (the default), JSON-LD
 * (schema.org, and SKOS for the taxonomy) and CSV; anything else is a 406 naming those forms. Each test creates the
 * case studies and approaches it reads, under an approach of its own.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class ContentNegotiationTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final String APPROACHES = "/api/v1/approaches";
    private static final String JSON_LD = "application/ld+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonIsServedWithoutAcceptAndForAnyType() throws Exception {
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        for (String path : List.of(CASE_STUDIES + "/" + slug, CASE_STUDIES, APPROACHES)) {
            HttpResponse<String> withoutAccept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, withoutAccept.statusCode(), path);
            assertEquals("application/json", withoutAccept.headers().firstValue("Content-Type").orElse(""), path);
            assertTrue(withoutAccept.body().startsWith("{\""), path);
            assertFalse(withoutAccept.body().contains("@context"), path);

            HttpResponse<String> blankAccept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + path)).header("Accept", "").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, blankAccept.statusCode(), path);
            assertEquals("application/json", blankAccept.headers().firstValue("Content-Type").orElse(""), path);

            given().accept("*/*").when().get(path)
                    .then().statusCode(200).contentType(startsWith("application/json")).body(not(containsString("@context")));
            // What browsers send: nothing offered is named, so anything goes, and that is JSON.
            given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").when().get(path)
                    .then().statusCode(200).contentType(startsWith("application/json"));
        }
        given().accept("*/*").when().get(CASE_STUDIES + "/" + slug).then().body("slug", equalTo(slug));
    }

    @Test
    void aCaseStudyInJsonLdIsASchemaOrgArticle() throws IOException {
        String approach = createApproach(null);
        Map<String, Object> located = caseStudy(approach);
        part(located, "place").put("region", "Yorkshire and the Humber");
        part(located, "place").put("latitude", 53.7938);
        part(located, "place").put("longitude", -1.7564);
        String slug = create(located);
        TestKeys.actAnonymously();
        String updatedAt = given().accept("application/json").when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).extract().path("updatedAt");

        JsonNode article = jsonLd(given().accept(JSON_LD).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).contentType(startsWith(JSON_LD)).extract());

        assertEquals("https://schema.org", article.path("@context").asText());
        assertEquals("Article", article.path("@type").asText());
        String id = article.path("@id").asText();
        assertTrue(id.matches("https?://[^/]+/api/v1/case-studies/" + slug), id);
        assertEquals("A test case study", article.path("name").asText());
        assertEquals("A case study made for a test.", article.path("abstract").asText());

        JsonNode place = article.path("spatialCoverage");
        assertEquals("Place", place.path("@type").asText());
        assertEquals("Bradford", place.path("name").asText());
        assertEquals("GB", place.path("address").path("addressCountry").asText());
        assertEquals("Yorkshire and the Humber", place.path("address").path("addressRegion").asText());
        assertEquals("GeoCoordinates", place.path("geo").path("@type").asText());
        assertEquals(53.7938, place.path("geo").path("latitude").asDouble());
        assertEquals(-1.7564, place.path("geo").path("longitude").asDouble());

        assertEquals("2015/2017", article.path("temporalCoverage").asText());
        JsonNode citation = article.path("citation").get(0);
        assertEquals("CreativeWork", citation.path("@type").asText());
        assertEquals("A test source", citation.path("name").asText());
        assertEquals("https://example.org/source", citation.path("url").asText());
        assertEquals("A test publisher", citation.path("publisher").asText());
        assertEquals("2017-08-25", citation.path("datePublished").asText());
        assertTrue(citation.path("author").isMissingNode(), "the source names no author");
        assertEquals("https://spdx.org/licenses/CC-BY-4.0", article.path("license").asText());
        assertEquals(updatedAt, article.path("dateModified").asText());

        JsonNode about = article.path("about");
        JsonNode term = about.get(0);
        assertEquals("DefinedTerm", term.path("@type").asText());
        assertTrue(term.path("@id").asText().endsWith(APPROACHES + "/" + approach), term.toString());
        assertTrue(term.path("inDefinedTermSet").path("@id").asText().endsWith(APPROACHES), term.toString());
        List<String> codes = new ArrayList<>();
        about.forEach(node -> codes.add(node.path("termCode").asText()));
        assertEquals(List.of(approach, "education", "social-contact", "children"), codes);
    }

    @Test
    void jsonLdSaysOnlyWhatTheCaseStudyHolds() throws IOException {
        Map<String, Object> unlocated = caseStudy(createApproach(null));
        part(unlocated, "period").put("startYear", 2019);
        part(unlocated, "period").put("endYear", null);
        part(unlocated, "period").put("ongoing", true);
        part(unlocated, "place").remove("countryCode");
        String slug = create(unlocated);
        TestKeys.actAnonymously();

        JsonNode article = jsonLd(given().accept(JSON_LD).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200).extract());

        assertTrue(article.path("spatialCoverage").path("geo").isMissingNode(), "no coordinates, so no geo");
        assertTrue(article.path("spatialCoverage").path("address").isMissingNode(), "no country or region, so no address");
        assertEquals("2019/..", article.path("temporalCoverage").asText());
    }

    @Test
    void eachRepresentationOfACaseStudyHasItsOwnETag() {
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        String json = given().accept("application/json").when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).extract().header("ETag");
        String jsonLd = given().accept(JSON_LD).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).extract().header("ETag");
        String csv = given().accept("text/csv").when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).extract().header("ETag");
        assertTrue(json.startsWith("\"0.") && jsonLd.startsWith("\"0.") && csv.startsWith("\"0."),
                "each tag names the version, which is what writes read from If-Match: " + json + " " + jsonLd + " " + csv);
        assertEquals(3, Set.of(json, jsonLd, csv).size(), json + " " + jsonLd + " " + csv);

        given().accept(JSON_LD).header("If-None-Match", jsonLd).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(304).header("ETag", jsonLd).body(emptyString());
        given().accept(JSON_LD).header("If-None-Match", json).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).contentType(startsWith(JSON_LD));
        given().accept("text/csv").header("If-None-Match", json).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().accept("application/json").header("If-None-Match", csv).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void aListInJsonLdIsAnItemListWithItsNextPage() throws IOException {
        String approach = createApproach(null);
        for (int i = 0; i < 3; i++) {
            create(caseStudy(approach));
        }
        TestKeys.actAnonymously();
        List<String> firstPage = given().queryParam("approach", approach).queryParam("limit", 2).when().get(CASE_STUDIES)
                .then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);

        ExtractableResponse<Response> response = given().accept(JSON_LD).queryParam("approach", approach).queryParam("limit", 2)
                .when().get(CASE_STUDIES)
                .then().statusCode(200).contentType(startsWith(JSON_LD)).header("Link", containsString("rel=\"next\""))
                .extract();
        JsonNode list = jsonLd(response);

        assertEquals("https://schema.org", list.path("@context").get(0).asText());
        assertEquals("ItemList", list.path("@type").asText());
        assertEquals(3, list.path("numberOfItems").asInt());
        List<String> listed = new ArrayList<>();
        for (JsonNode item : list.path("itemListElement")) {
            assertEquals("Article", item.path("@type").asText());
            assertEquals("2015/2017", item.path("temporalCoverage").asText());
            listed.add(item.path("identifier").asText());
        }
        assertEquals(firstPage, listed);
        String next = list.path("hydra:view").path("hydra:next").path("@id").asText();
        assertTrue(next.contains("cursor="), next);
        assertTrue(response.header("Link").contains("<" + next + ">"), response.header("Link") + " vs " + next);

        JsonNode last = jsonLd(given().accept(JSON_LD).when().get(URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery())
                .then().statusCode(200).extract());
        assertEquals(1, last.path("itemListElement").size());
        assertTrue(last.path("hydra:view").isMissingNode(), "the last page has no next page");
    }

    @Test
    void theTaxonomyInJsonLdIsASkosConceptSchemeThatMatchesTheTree() throws IOException {
        String broader = createApproach(null);
        String narrower = createApproach(broader);
        TestKeys.actAnonymously();
        JsonNode tree = JSON.readTree(given().accept("application/json").when().get(APPROACHES)
                .then().statusCode(200).extract().asString());

        JsonNode document = jsonLd(given().accept(JSON_LD).when().get(APPROACHES)
                .then().statusCode(200).contentType(startsWith(JSON_LD)).extract());

        assertEquals("http://www.w3.org/2004/02/skos/core#", document.path("@context").path("skos").asText());
        JsonNode scheme = document.path("@graph").get(0);
        assertEquals("skos:ConceptScheme", scheme.path("@type").asText());
        String schemeId = scheme.path("@id").asText();
        assertTrue(schemeId.matches("https?://[^/]+" + APPROACHES), schemeId);
        Map<String, JsonNode> concepts = new HashMap<>();
        for (int i = 1; i < document.path("@graph").size(); i++) {
            JsonNode concept = document.path("@graph").get(i);
            assertEquals("skos:Concept", concept.path("@type").asText());
            assertEquals(schemeId, concept.path("skos:inScheme").path("@id").asText());
            concepts.put(concept.path("@id").asText(), concept);
        }
        assertEquals(tree.path("total").asInt(), concepts.size());

        // Every node of the JSON tree is a concept with its name, definition, broader and narrower concepts.
        Set<String> topConcepts = ids(scheme.path("skos:hasTopConcept"));
        List<JsonNode> pending = new ArrayList<>();
        tree.path("items").forEach(pending::add);
        for (JsonNode root : tree.path("items")) {
            assertTrue(topConcepts.contains(schemeId + "/" + root.path("slug").asText()), root.path("slug").asText());
        }
        assertEquals(tree.path("items").size(), topConcepts.size());
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(0);
            JsonNode concept = concepts.get(schemeId + "/" + node.path("slug").asText());
            assertEquals(node.path("name").asText(), concept.path("skos:prefLabel").asText());
            assertEquals(node.path("definition").asText(), concept.path("skos:definition").asText());
            Set<String> children = new HashSet<>();
            for (JsonNode child : node.path("children")) {
                children.add(schemeId + "/" + child.path("slug").asText());
                pending.add(child);
                assertEquals(Set.of(concept.path("@id").asText()), ids(concepts.get(schemeId + "/" + child.path("slug").asText())
                        .path("skos:broader")));
            }
            assertEquals(children, ids(concept.path("skos:narrower")), node.path("slug").asText());
        }
        assertEquals(Set.of(schemeId + "/" + broader), ids(concepts.get(schemeId + "/" + narrower).path("skos:broader")));

        JsonNode one = jsonLd(given().accept(JSON_LD).when().get(APPROACHES + "/" + narrower)
                .then().statusCode(200).contentType(startsWith(JSON_LD)).extract());
        assertEquals("skos:Concept", one.path("@type").asText());
        assertEquals(schemeId + "/" + narrower, one.path("@id").asText());
        assertEquals(schemeId, one.path("skos:inScheme").path("@id").asText());
        assertEquals(Set.of(schemeId + "/" + broader), ids(one.path("skos:broader")));
        JsonNode top = jsonLd(given().accept(JSON_LD).when().get(APPROACHES + "/" + broader).then().statusCode(200).extract());
        assertEquals(schemeId, top.path("skos:topConceptOf").path("@id").asText());
        assertEquals(Set.of(schemeId + "/" + narrower), ids(top.path("skos:narrower")));
    }

    @Test
    void aCaseStudyInCsvIsAHeaderAndOneRow() throws IOException {
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();

        String csv = given().accept("text/csv").when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200)
                .contentType(equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"" + slug + ".csv\""))
                .extract().asString();

        List<Map<String, String>> rows = CsvAssertions.caseStudyRows(csv);
        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        assertEquals(slug, row.get("slug"));
        assertEquals("Bradford", row.get("place.name"));
        assertEquals("education|social-contact", row.get("themes"));
        assertEquals("https://example.org/source", row.get("sources.url"));
    }

    @Test
    void aListInCsvHasARowPerItemOfThePageAndKeepsTheNextLink() throws IOException {
        String approach = createApproach(null);
        for (int i = 0; i < 3; i++) {
            create(caseStudy(approach));
        }
        TestKeys.actAnonymously();
        List<String> firstPage = given().queryParam("approach", approach).queryParam("limit", 2).when().get(CASE_STUDIES)
                .then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);

        ExtractableResponse<Response> response = given().accept("text/csv").queryParam("approach", approach).queryParam("limit", 2)
                .when().get(CASE_STUDIES)
                .then().statusCode(200)
                .contentType(equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"case-studies.csv\""))
                .header("Link", containsString("rel=\"next\""))
                .extract();

        assertEquals(firstPage, CsvAssertions.slugs(response.asString()));
    }

    @Test
    void theTaxonomyInCsvIsARowPerApproach() throws IOException {
        String broader = createApproach(null);
        String narrower = createApproach(broader);
        TestKeys.actAnonymously();
        int total = given().when().get(APPROACHES).then().statusCode(200).extract().path("total");

        List<List<String>> rows = CsvAssertions.records(given().accept("text/csv").when().get(APPROACHES)
                .then().statusCode(200)
                .contentType(equalTo("text/csv;charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"approaches.csv\""))
                .extract().asString());

        assertEquals(List.of("slug", "name", "definition", "broader", "narrower", "caseStudyCount"), rows.get(0));
        assertEquals(total, rows.size() - 1);
        List<String> child = rows.stream().filter(row -> row.get(0).equals(narrower)).findFirst().orElseThrow();
        assertEquals(broader, child.get(3));
        List<String> parent = rows.stream().filter(row -> row.get(0).equals(broader)).findFirst().orElseThrow();
        assertEquals(narrower, parent.get(4));
        assertEquals("", parent.get(3));
    }

    @Test
    void anythingElseIs406NamingTheTypesOffered() {
        String approach = createApproach(null);
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        for (String path : List.of(CASE_STUDIES, CASE_STUDIES + "/" + slug, APPROACHES)) {
            String offered = path.equals(APPROACHES) ? "application/json, application/ld+json, text/csv"
                    : "application/json, application/ld+json, text/csv, application/geo+json, "
                            + "application/vnd.citationstyles.csl+json, application/x-bibtex, application/x-research-info-systems";
            given().accept("text/html").when().get(path)
                    .then().statusCode(406)
                    .contentType(equalTo("application/problem+json"))
                    .header("Cache-Control", equalTo("no-store"))
                    .body("type", equalTo("/problems/not-acceptable"))
                    .body("detail", equalTo("This resource is served as " + offered + "; "
                            + "send one of them in Accept, or none."));
        }
        given().accept("text/csv").when().get(APPROACHES + "/" + approach)
                .then().statusCode(406)
                .contentType(equalTo("application/problem+json"))
                .body("detail", equalTo("This resource is served as application/json, application/ld+json; "
                        + "send one of them in Accept, or none."));
    }

    @Test
    void errorsAreProblemDocumentsWhateverTheAccept() {
        for (String accept : List.of(JSON_LD, "text/csv", "application/json")) {
            given().accept(accept).when().get(CASE_STUDIES + "/no-such-case-study")
                    .then().statusCode(404).contentType(equalTo("application/problem+json"))
                    .body("type", equalTo("/problems/not-found"));
            given().accept(accept).queryParam("limit", 0).when().get(CASE_STUDIES)
                    .then().statusCode(400).contentType(equalTo("application/problem+json"));
        }
        given().accept(JSON_LD).when().get(APPROACHES + "/no-such-approach")
                .then().statusCode(404).contentType(equalTo("application/problem+json"));
    }

    @Test
    void qValuesChooseTheRepresentation() {
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        for (String path : List.of(CASE_STUDIES + "/" + slug, CASE_STUDIES, APPROACHES)) {
            given().accept("application/ld+json;q=0.9, text/csv;q=0.5").when().get(path)
                    .then().statusCode(200).contentType(startsWith(JSON_LD));
            given().accept("application/ld+json;q=0.4, text/csv;q=0.5").when().get(path)
                    .then().statusCode(200).contentType(startsWith("text/csv"));
            given().accept("text/html, application/json;q=0.2, application/ld+json;q=0.1").when().get(path)
                    .then().statusCode(200).contentType(startsWith("application/json"));
            given().accept("application/ld+json;q=0, */*").when().get(path)
                    .then().statusCode(200).contentType(startsWith("application/json"));
            // The most specific range that matches gives the q-value: application/json is 0.1 here, JSON-LD 0.5.
            given().accept("text/csv;q=0.3, application/*;q=0.5, application/json;q=0.1").when().get(path)
                    .then().statusCode(200).contentType(startsWith(JSON_LD));
            given().accept("text/csv;q=0.3, application/*;q=0.2, application/ld+json;q=0.1").when().get(path)
                    .then().statusCode(200).contentType(startsWith("text/csv"));
            given().accept("text/*").when().get(path)
                    .then().statusCode(200).contentType(startsWith("text/csv"));
            given().accept("text/*;q=0.3, application/*;q=0.5, application/json;q=0.1").when().get(path)
                    .then().statusCode(200).contentType(startsWith(JSON_LD));
        }
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        for (String path : List.of(CASE_STUDIES + "/" + slug, CASE_STUDIES, APPROACHES)) {
            for (String type : List.of("application/json", JSON_LD, "text/csv")) {
                given().accept(type).when().head(path)
                        .then().statusCode(200).contentType(startsWith(type)).body(emptyString());
            }
            given().accept("text/html").when().head(path).then().statusCode(406);
        }
        String etag = given().accept("text/csv").when().head(CASE_STUDIES + "/" + slug).then().extract().header("ETag");
        assertNotEquals("\"0\"", etag);
    }

    private static JsonNode jsonLd(ExtractableResponse<Response> response) throws IOException {
        return JSON.readTree(response.asString());
    }

    private static Set<String> ids(JsonNode references) {
        Set<String> ids = new HashSet<>();
        references.forEach(reference -> ids.add(reference.path("@id").asText()));
        return ids;
    }
}
