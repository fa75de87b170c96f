package org.integrationevidence.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.integrationevidence.operations.OperationsTest;

/**
 * An instance whose search index is closed answers searches 503, so it must say it is not ready, while staying live
 * (a restart would not help it open sooner). In process only: the index is closed through its own lifecycle, as
 * SearchIndexLifecycleTest does; every check is made over HTTP.
 */
@QuarkusTest
class SearchIndexReadinessTest {

    @Inject
    SearchIndex index;

    @AfterEach
    void reopen() {
        index.open();
    }

    @Test
    void anInstanceWhoseIndexIsClosedIsLiveButNotReadyUntilItOpensAgain() {
        index.close();
        given().when().get("/api/v1/case-studies").then().statusCode(503);
        given().when().get("/q/health/ready").then().statusCode(503)
                .header("Cache-Control", equalTo("no-store"))
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Search index' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Search index' }.data.reason",
                        equalTo("The search index is not open: it is opening, rebuilding or closed."))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = OperationsTest.metrics();
        assertTrue(Double.isNaN(OperationsTest.value(metrics, "evidence_search_index_documents", Map.of()).orElse(0)),
                "no document count while closed");

        index.open();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", hasItem("UP"));
        given().when().get("/api/v1/case-studies").then().statusCode(200);
    }
}
