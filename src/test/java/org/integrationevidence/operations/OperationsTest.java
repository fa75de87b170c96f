package org.integrationevidence.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * What operators and their tools read: the health checks a load balancer or orchestrator probes, and the Prometheus
 * metrics, over HTTP as they read them.
 */
@QuarkusTest
@ActingAs(Role.ANONYMOUS)
public class OperationsTest {

    @Test
    void theInstanceIsLiveWithoutCheckingAnythingOutsideIt() {
        given().when().get("/q/health/live").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", equalTo("no-store"))
                .body("status", equalTo("UP"))
                .body("checks", equalTo(List.of()));
    }

    @Test
    void theInstanceIsReadyWhenTheDatabaseAndTheSearchIndexAreUsable() {
        String slug = publishedCaseStudy();
        given().when().get("/q/health/ready").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Search index"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.find { it.name == 'Search index' }.data.documents", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'Search index' }.data.keySet()", equalTo(java.util.Set.of("documents")));
        assertFalse(slug.isEmpty());
    }

    @Test
    void whatAnyoneMayReadOfTheHealthChecksDoesNotMoveWithDrafts() {
        String before = given().when().get("/q/health/ready").then().statusCode(200).extract().asString();
        String curator = TestKeys.curator();
        given().spec(TestKeys.bearer(curator)).contentType(ContentType.JSON).body(caseStudy("sport"))
                .when().post("/api/v1/case-studies").then().statusCode(201).body("status", equalTo("draft"));
        assertEquals(before, given().when().get("/q/health/ready").then().statusCode(200).extract().asString());
    }

    @Test
    void theMetricsAreForMonitorAndAdminKeysOnly() {
        given().when().get("/q/metrics").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("/problems/unauthorized"));
        given().spec(TestKeys.bearer(TestKeys.editor())).when().get("/q/metrics").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"));
        given().spec(TestKeys.bearer(TestKeys.admin())).when().get("/q/metrics").then().statusCode(200);
        // A monitor key reads the metrics, and nothing a key is needed for otherwise.
        given().spec(TestKeys.bearer(TestKeys.monitor())).when().get("/api/v1/keys").then().statusCode(403);
        given().spec(TestKeys.bearer(TestKeys.monitor())).contentType(ContentType.JSON).body(caseStudy("sport"))
                .when().post("/api/v1/case-studies").then().statusCode(403);
    }

    @Test
    void requestsAreCountedAndTimedByTheirRouteTemplateNotTheirPath() {
        String slug = publishedCaseStudy();
        given().when().get("/api/v1/case-studies/" + slug).then().statusCode(200);
        String metrics = metrics();
        Map<String, String> read = Map.of("method", "GET", "status", "200", "uri", "/api/v1/case-studies/{slug}");
        assertTrue(value(metrics, "http_server_requests_seconds_count", read).orElse(0) >= 1, "the read is counted");
        assertTrue(value(metrics, "http_server_requests_seconds_sum", read).isPresent(), "the read is timed");
        assertFalse(metrics.contains(slug), "a case study's slug named a series");
    }

    @Test
    void searchesAreTimedByKind() {
        String word = unique("kestrel").replace("-", "");
        TestKeys.actAsEditor();
        Map<String, Object> body = caseStudy(createApproach(null));
        body.put("title", "The " + word + " project");
        create(body);
        TestKeys.actAnonymously();
        Map<String, String> searches = Map.of("kind", "search", "outcome", "success");
        Map<String, String> lists = Map.of("kind", "list", "outcome", "success");
        String before = metrics();
        given().queryParam("q", word).when().get("/api/v1/case-studies").then().statusCode(200);
        given().when().get("/api/v1/case-studies").then().statusCode(200);
        String after = metrics();
        assertEquals(value(before, "evidence_search_seconds_count", searches).orElse(0) + 1,
                value(after, "evidence_search_seconds_count", searches).orElse(0), "one more text search");
        assertTrue(value(after, "evidence_search_seconds_count", lists).orElse(0)
                > value(before, "evidence_search_seconds_count", lists).orElse(0), "one more list, at least");
        assertTrue(value(after, "evidence_search_seconds_bucket", Map.of("kind", "search", "outcome", "success",
                "le", "+Inf")).orElse(0) >= 1, "search latencies have histogram buckets");
    }

    @Test
    void theSearchIndexReportsItsSizeAndLag() {
        publishedCaseStudy();
        String metrics = metrics();
        assertTrue(value(metrics, "evidence_search_index_documents", Map.of()).orElse(0) >= 1, "documents");
        assertTrue(value(metrics, "evidence_search_index_journal_position", Map.of()).orElse(0) >= 1, "journal position");
        double lag = value(metrics, "evidence_search_index_lag_seconds", Map.of()).orElse(-1);
        assertTrue(lag >= 0 && lag < 60, "lag of an index that caught up a moment ago: " + lag);
    }

    @Test
    void theDatabasePoolIsMeasured() {
        String metrics = metrics();
        Map<String, String> pool = Map.of("datasource", "default");
        assertTrue(value(metrics, "agroal_active_count", pool).isPresent(), "connections in use");
        assertTrue(value(metrics, "agroal_available_count", pool).isPresent(), "idle connections");
        assertTrue(value(metrics, "agroal_awaiting_count", pool).isPresent(), "requests waiting for a connection");
    }

    @Test
    void metricsAreNeverCached() {
        given().spec(TestKeys.bearer(TestKeys.monitor())).when().get("/q/metrics").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
    }

    private static String publishedCaseStudy() {
        TestKeys.actAsEditor();
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        return slug;
    }

    public static String metrics() {
        return given().spec(TestKeys.bearer(TestKeys.monitor())).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
    }

    /** The value of the series of this name whose labels include these, if the metrics have one. */
    public static OptionalDouble value(String metrics, String name, Map<String, String> labels) {
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
