package org.integrationevidence;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * Builds valid requests with unique slugs, so that every test creates what it needs and no test depends on
 * another or on the order they run in. The seed data is only ever read by tests, never changed.
 */
public final class TestData {

    /** The columns of every CSV of case studies (exports, lists, one case study), as docs/guide/exports-and-feeds.md and the document list them. */
    public static final List<String> CSV_COLUMNS = List.of("slug", "title", "summary", "body", "place.name",
            "place.localAuthority", "place.region", "place.countryCode", "place.latitude", "place.longitude", "place.scale",
            "period.startYear", "period.endYear", "period.ongoing", "leadOrganisations", "partnerOrganisations",
            "approaches", "themes", "targetGroups", "outcomes", "evidence.level", "evidence.rationale", "sources.title",
            "sources.url", "licence", "createdAt", "updatedAt", "version", "findings.domain", "findings.direction",
            "findings.evidence.level", "evaluation.design", "evaluation.independent", "evaluation.reference", "cost.band",
            "cost.rationale", "place.subdivisionCode", "place.nutsCode", "place.degreeOfUrbanisation", "place.populationBand",
            "sources.doi", "sources.handle", "sources.isbn");

    private TestData() {
    }

    /**
     * True in the {@code ./mvnw verify -Ppostgresql} run (pom.xml), in which the service under test, in process or
     * packaged, runs on PostgreSQL; false on the embedded H2 database.
     */
    public static boolean onPostgresql() {
        return System.getProperty("evidence-test.postgresql.url") != null;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Creates a top-level approach (or one under {@code parent}, when given) and returns its slug. */
    public static String createApproach(String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", unique("approach"));
        body.put("name", "Test approach " + body.get("slug"));
        body.put("definition", "An approach made for a test.");
        body.put("parent", parent);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/approaches")
                .then().statusCode(201).extract().path("slug");
    }

    /** A complete, valid case study request tagged with the given approach; every part is mutable. */
    public static Map<String, Object> caseStudy(String approach) {
        Map<String, Object> place = new LinkedHashMap<>();
        place.put("name", "Bradford");
        place.put("localAuthority", "Bradford Council");
        place.put("countryCode", "GB");
        place.put("scale", "city");
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("startYear", 2015);
        period.put("endYear", 2017);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("level", 2);
        evidence.put("rationale", "The source reports results without data.");
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("title", "A test source");
        source.put("publisher", "A test publisher");
        source.put("publishedOn", "2017-08-25");
        source.put("url", "https://example.org/source");
        source.put("contribution", "Everything in this test case study.");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", unique("case-study"));
        body.put("title", "A test case study");
        body.put("summary", "A case study made for a test.");
        body.put("body", "It has a **Markdown** body.");
        body.put("place", place);
        body.put("period", period);
        body.put("leadOrganisations", new ArrayList<>(List.of("Test Council")));
        body.put("partnerOrganisations", new ArrayList<>(List.of("Test Charity")));
        body.put("approaches", new ArrayList<>(List.of(approach)));
        body.put("themes", new ArrayList<>(List.of("education", "social-contact")));
        body.put("targetGroups", new ArrayList<>(List.of("children")));
        body.put("outcomes", new ArrayList<>(List.of("Pupils met pupils from other schools.")));
        body.put("evidence", evidence);
        body.put("sources", new ArrayList<>(List.of(source)));
        return body;
    }

    /** Posts a case study and returns its slug. */
    public static String create(Map<String, Object> caseStudy) {
        return given().contentType(ContentType.JSON).body(caseStudy)
                .when().post("/api/v1/case-studies")
                .then().statusCode(201).extract().path("slug");
    }

    /** Runs the same call from {@code threads} threads released together, and returns what each call returned. */
    public static <T> List<T> concurrently(int threads, java.util.concurrent.Callable<T> call) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (java.util.concurrent.Future<T> future : futures) {
                results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> part(Map<String, Object> body, String name) {
        return (Map<String, Object>) body.get(name);
    }

    /** The OpenAPI document the service serves, for tests that walk its operations. */
    public static JsonNode openApiDocument() throws JsonProcessingException {
        return new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }
}
