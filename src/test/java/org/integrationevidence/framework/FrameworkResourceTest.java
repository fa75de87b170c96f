package org.integrationevidence.framework;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The frameworks: the three seeded schemes and their published codes, SKOS, a concept with its case studies, the
 * search filters and facets through the mappings, and editors' mappings with their rules. Tests that add mappings use
 * approaches and case studies of their own and a concept no seed mapping reaches, and remove what they add.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class FrameworkResourceTest {

    private static final String FRAMEWORKS = "/api/v1/frameworks";
    private static final String CASE_STUDIES = "/api/v1/case-studies";

    /** The social contact and mixing approaches' seed case studies: what CBP 7 must find. */
    private static final List<String> MIXING = List.of("bradford-bangladeshi-women-football", "bradford-remembrance-commemorations",
            "bradford-mixing-pupils-from-single-group-schools", "linking-network-school-linking",
            "hewstone-oldham-schoolchildren-contact-study");

    @Test
    void theThreeSchemesAreListedWithTheirSourcesAndSizes() {
        given().when().get(FRAMEWORKS)
                .then().statusCode(200)
                .body("items.code", equalTo(List.of("cbp", "gcm", "sdg")))
                .body("total", equalTo(3))
                .body("items[0].conceptCount", equalTo(11))
                .body("items[1].conceptCount", equalTo(33))
                .body("items[2].conceptCount", equalTo(15))
                .body("items[0].source", containsString("14615/04"))
                .body("items[0].source", containsString("19 November 2004"))
                .body("items[1].source", containsString("73/195"))
                .body("items[2].source", containsString("70/1"))
                .body("items.description", everyItem(containsString("the repository's judgement")));
    }

    @Test
    void theCodesAndTitlesAreThePublishedOnes() {
        JsonPath cbp = given().when().get(FRAMEWORKS + "/cbp").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), cbp.getList("concepts.code"));
        assertEquals("Integration is a dynamic, two-way process of mutual accommodation by all immigrants and residents of "
                + "Member States.", cbp.getString("concepts[0].title"));
        assertTrue(cbp.getString("concepts[6].title").startsWith("Frequent interaction between immigrants and Member State "
                + "citizens is a fundamental mechanism for integration."));

        JsonPath gcm = given().when().get(FRAMEWORKS + "/gcm").then().statusCode(200).extract().jsonPath();
        List<String> codes = gcm.getList("concepts.code");
        assertEquals(33, codes.size());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), codes.subList(23, 33));
        assertEquals("Empower migrants and societies to realize full inclusion and social cohesion",
                gcm.getString("concepts[15].title"));
        assertEquals("objective", gcm.getString("concepts[15].kind"));
        assertEquals("Whole-of-society approach", gcm.getString("concepts[32].title"));
        assertEquals("guiding-principle", gcm.getString("concepts[32].kind"));

        JsonPath sdg = given().when().get(FRAMEWORKS + "/sdg").then().statusCode(200).extract().jsonPath();
        assertTrue(sdg.getList("concepts.code").containsAll(List.of("10.7", "10.2", "10.3", "8.8", "4.5", "8.5", "1.3", "3.8",
                "11.1", "16.9", "16.b", "17.18", "5.2", "8.7", "10.c")));
        assertEquals("Facilitate orderly, safe, regular and responsible migration and mobility of people, including through "
                + "the implementation of planned and well-managed migration policies",
                sdg.getString("concepts.find { it.code == '10.7' }.title"));
    }

    @Test
    void aConceptListsItsMappingsApproachesAndTheCaseStudiesUnderThem() {
        given().when().get(FRAMEWORKS + "/cbp/7")
                .then().statusCode(200)
                .body("scheme", equalTo("cbp"))
                .body("code", equalTo("7"))
                .body("approaches.slug", hasItem("social-contact-and-mixing"))
                .body("approaches.find { it.slug == 'social-contact-and-mixing' }.name", equalTo("Social contact and mixing"))
                .body("mappings.find { it.approach?.slug == 'social-contact-and-mixing' }.relation", equalTo("closeMatch"))
                .body("mappings.find { it.outcomeDomain?.slug == 'bridges' }.relation", equalTo("closeMatch"))
                .body("caseStudies.total", equalTo(matching(Map.of("cbp", "7")).size()));
        // Other suites add case studies under the same approaches: the seed's are among all the matches.
        assertTrue(matching(Map.of("cbp", "7")).containsAll(MIXING), matching(Map.of("cbp", "7")).toString());
    }

    /** The slugs of every case study a search with these parameters finds, page after page. */
    private static List<String> matching(Map<String, String> parameters) {
        List<String> slugs = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(parameters).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get(CASE_STUDIES).then().statusCode(200).extract().jsonPath();
            slugs.addAll(page.getList("items.slug", String.class));
            cursor = page.getString("next");
        } while (cursor != null);
        return slugs;
    }

    @Test
    void theSearchFiltersFindTheCaseStudiesWhoseApproachesMapToTheConcept() {
        List<String> cbp7 = given().queryParam("cbp", "7").queryParam("limit", 100).when().get(CASE_STUDIES)
                .then().statusCode(200).extract().path("items.slug");
        assertTrue(cbp7.containsAll(MIXING), "CBP 7 finds the social contact and mixing case studies: " + cbp7);
        assertTrue(!cbp7.contains("canada-refugee-community-sponsorship"), "and not the others: " + cbp7);

        List<String> gcm16 = given().queryParam("gcm", "16").queryParam("limit", 100).when().get(CASE_STUDIES)
                .then().statusCode(200).extract().path("items.slug");
        assertTrue(gcm16.containsAll(MIXING), "GCM 16 finds the mixing case studies: " + gcm16);
        assertTrue(gcm16.containsAll(List.of("san-salvario-turin-joint-campaign-casa-del-quartiere",
                "citizens-uk-living-wage-and-city-safe-campaigns", "austria-integration-fund-and-centres")),
                "and those of participation and language learning: " + gcm16);
        assertTrue(!gcm16.contains("canada-refugee-community-sponsorship"), "and not the others: " + gcm16);
    }

    @Test
    void theFacetsCountTheConceptsWithTheirTitles() {
        given().queryParam("facets", "cbp,gcm,sdg").queryParam("gcm", "16").when().get(CASE_STUDIES)
                .then().statusCode(200)
                .body("facets.gcm.find { it.value == '16' }.selected", equalTo(true))
                .body("facets.gcm.find { it.value == '16' }.label", startsWith("16 Empower migrants and societies"))
                .body("facets.cbp.find { it.value == '7' }.count", equalTo(matching(Map.of("gcm", "16", "cbp", "7")).size()))
                .body("facets.sdg.value", hasItem("10.2"));
    }

    @Test
    void anUnknownCodeInAFilterIsA400NamingTheParameter() {
        given().queryParam("gcm", "24").queryParam("cbp", "7").when().get(CASE_STUDIES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("gcm"))
                .body("errors[0].message", equalTo("\"24\" is not a concept of the scheme \"gcm\"; see GET /api/v1/frameworks/gcm"));
        given().queryParam("sdg", "10.77").when().get(CASE_STUDIES + "/export")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("sdg"));
    }

    @Test
    void anUnknownSchemeOrCodeInThePathIsA404() {
        given().when().get(FRAMEWORKS + "/unhcr")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no framework with the code \"unhcr\"; see GET /api/v1/frameworks."));
        given().when().get(FRAMEWORKS + "/gcm/24")
                .then().statusCode(404)
                .body("detail", equalTo("The framework \"gcm\" has no concept with the code \"24\"; see GET /api/v1/frameworks/gcm."));
    }

    @Test
    void aSchemeIsSkosInJsonLd() {
        JsonPath skos = given().accept("application/ld+json").when().get(FRAMEWORKS + "/cbp")
                .then().statusCode(200)
                .contentType("application/ld+json")
                .extract().jsonPath();
        assertEquals("skos:ConceptScheme", skos.getString("'@graph'[0].'@type'"));
        assertTrue(skos.getString("'@graph'[0].'@id'").endsWith("/api/v1/frameworks/cbp"));
        assertTrue(skos.getString("'@graph'[0].'dct:source'").contains("14615/04"));
        Map<String, Object> seven = skos.getMap("'@graph'.find { it.'skos:notation' == '7' }");
        assertEquals("skos:Concept", seven.get("@type"));
        assertTrue(String.valueOf(seven.get("skos:closeMatch")).contains("/api/v1/approaches/social-contact-and-mixing"),
                String.valueOf(seven));
        assertTrue(String.valueOf(seven.get("skos:closeMatch")).contains("/api/v1/outcome-domains/bridges"), String.valueOf(seven));
    }

    @Test
    void aMappingBroaderThanItsApproachIsNarrowerSeenFromTheConcept() {
        JsonPath skos = given().accept("application/ld+json").when().get(FRAMEWORKS + "/gcm")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> sixteen = skos.getMap("'@graph'.find { it.'skos:notation' == '16' }");
        assertTrue(String.valueOf(sixteen.get("skos:narrowMatch")).contains("/api/v1/approaches/social-contact-and-mixing"),
                String.valueOf(sixteen));
    }

    @Test
    void aSchemeReadIsConditional() {
        String etag = given().when().get(FRAMEWORKS + "/sdg").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(FRAMEWORKS + "/sdg")
                .then().statusCode(304);
        given().accept("text/csv").when().get(FRAMEWORKS + "/sdg")
                .then().statusCode(406);
    }

    @Test
    void anEditorsMappingBringsTheCaseStudiesOfItsApproachUnderTheConceptAndItsRemovalTakesThemOut() {
        String parent = TestData.createApproach(null);
        String child = TestData.createApproach(parent);
        String slug = TestData.create(TestData.caseStudy(child));
        assertEquals(List.of(), found("sdg", "16.9", slug), "no seed mapping reaches SDG 16.9 from a new approach");

        int id = given().contentType(ContentType.JSON)
                .body(Map.of("approach", parent, "relation", "broadMatch", "note", "A test mapping."))
                .when().post(FRAMEWORKS + "/sdg/16.9/mappings")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/frameworks/sdg/16.9"))
                .body("relation", equalTo("broadMatch"))
                .body("approach.slug", equalTo(parent))
                .body("outcomeDomain", nullValue())
                .body("note", equalTo("A test mapping."))
                .extract().path("id");
        assertEquals(List.of(slug), found("sdg", "16.9", slug), "a mapping of an approach holds for the approaches under it");
        given().when().get(FRAMEWORKS + "/sdg/16.9")
                .then().statusCode(200)
                .body("approaches.slug", hasItem(parent))
                .body("caseStudies.items.slug", hasItem(slug));

        given().contentType(ContentType.JSON).body(Map.of("approach", parent, "relation", "closeMatch"))
                .when().post(FRAMEWORKS + "/sdg/16.9/mappings")
                .then().statusCode(409)
                .body("detail", containsString("is already mapped to sdg 16.9"));

        given().when().delete(FRAMEWORKS + "/sdg/16.9/mappings/" + id).then().statusCode(204);
        assertEquals(List.of(), found("sdg", "16.9", slug), "the case study leaves the concept with the mapping");
        given().when().delete(FRAMEWORKS + "/sdg/16.9/mappings/" + id).then().statusCode(404);
    }

    @Test
    void anOutcomeDomainMayBeMappedAndTheAuditLogKeepsTheChange() throws InterruptedException {
        String before = java.time.Instant.now().minusSeconds(1).toString();
        int id = given().contentType(ContentType.JSON).body(Map.of("outcomeDomain", "digital-skills", "relation", "relatedMatch"))
                .when().post(FRAMEWORKS + "/gcm/3/mappings")
                .then().statusCode(201)
                .body("outcomeDomain.slug", equalTo("digital-skills"))
                .body("outcomeDomain.name", equalTo("Digital skills"))
                .body("approach", nullValue())
                .extract().path("id");
        given().when().get(FRAMEWORKS + "/gcm")
                .then().body("concepts.find { it.code == '3' }.mappings.id", hasItem(id));
        given().when().delete(FRAMEWORKS + "/gcm/3/mappings/" + id).then().statusCode(204);
        // The audit log is written a moment after each request: poll for the two writes.
        boolean logged = false;
        for (int attempt = 0; attempt < 50 && !logged; attempt++) {
            List<Map<String, Object>> events = given().auth().oauth2(TestKeys.admin()).queryParam("kind", "write")
                    .queryParam("since", before).queryParam("limit", 100)
                    .when().get("/api/v1/audit-events").then().statusCode(200).extract().path("items");
            logged = events.stream().anyMatch(e -> (FRAMEWORKS + "/gcm/3/mappings").equals(e.get("path"))
                    && Integer.valueOf(201).equals(e.get("status")))
                    && events.stream().anyMatch(e -> (FRAMEWORKS + "/gcm/3/mappings/" + id).equals(e.get("path"))
                    && Integer.valueOf(204).equals(e.get("status")));
            if (!logged) {
                Thread.sleep(100);
            }
        }
        assertTrue(logged, "the audit log has the mapping's creation and deletion");
    }

    @Test
    void aBadMappingIsA400NamingEachField() {
        given().contentType(ContentType.JSON).body(Map.of("approach", "no-such-approach", "relation", "sameAs"))
                .when().post(FRAMEWORKS + "/cbp/7/mappings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("approach", "relation")))
                .body("errors[0].message", equalTo("\"no-such-approach\" is not an approach in the taxonomy; see GET /api/v1/approaches"))
                .body("errors[1].message", equalTo("must be one of: exactMatch, closeMatch, broadMatch, narrowMatch, relatedMatch"));
        given().contentType(ContentType.JSON).body(Map.of("approach", "sport", "outcomeDomain", "bridges", "relation", "closeMatch"))
                .when().post(FRAMEWORKS + "/cbp/7/mappings")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("approach"))
                .body("errors[0].message", equalTo("give exactly one of approach and outcomeDomain"));
        given().contentType(ContentType.JSON).body(Map.of("outcomeDomain", "no-such-domain", "relation", "closeMatch"))
                .when().post(FRAMEWORKS + "/cbp/7/mappings")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("outcomeDomain"));
        given().contentType(ContentType.JSON).body(Map.of("approach", "sport", "relation", "closeMatch"))
                .when().post(FRAMEWORKS + "/cbp/12/mappings")
                .then().statusCode(404);
    }

    @Test
    @ActingAs(Role.ANONYMOUS)
    void mappingsNeedAnEditorsKey() {
        given().contentType(ContentType.JSON).body(Map.of("approach", "sport", "relation", "closeMatch"))
                .when().post(FRAMEWORKS + "/cbp/7/mappings")
                .then().statusCode(401);
        given().when().delete(FRAMEWORKS + "/cbp/7/mappings/1").then().statusCode(401);
    }

    @Test
    void theEvidenceGapMapTakesAFrameworkAsRowsOrColumns() {
        JsonPath map = given().queryParam("rows", "cbp").queryParam("columns", "theme").when().get("/api/v1/evidence-map")
                .then().statusCode(200)
                .body("rows.dimension", equalTo("cbp"))
                .body("rows.values.key", equalTo(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")))
                .body("rows.values[6].label", startsWith("7 Frequent interaction"))
                .extract().jsonPath();
        int mixing = map.getList("cells.findAll { it.row == '7' }.caseStudies", Integer.class).stream()
                .mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(mixing > 0, "CBP 7's row has case studies: " + map.getList("cells.findAll { it.row == '7' }"));
        given().queryParam("rows", "approach").queryParam("columns", "gcm").queryParam("gcm", "16").when().get("/api/v1/evidence-map")
                .then().statusCode(200)
                .body("columns.dimension", equalTo("gcm"))
                .body("columns.values", hasSize(33))
                .body("cells.find { it.row == 'social-contact-and-mixing' && it.column == '16' }.caseStudies",
                        equalTo(matching(Map.of("gcm", "16", "approach", "social-contact-and-mixing")).size()));
        given().queryParam("rows", "sdg").queryParam("sdg", "99.9").when().get("/api/v1/evidence-map")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("sdg"));
    }

    /** The case studies that a filter on one concept finds, among those given. */
    private static List<String> found(String scheme, String code, String... among) {
        List<String> slugs = given().queryParam(scheme, code).queryParam("limit", 100).when().get(CASE_STUDIES)
                .then().statusCode(200).extract().path("items.slug");
        return slugs.stream().filter(List.of(among)::contains).toList();
    }
}
