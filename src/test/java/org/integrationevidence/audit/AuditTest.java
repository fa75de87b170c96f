package org.integrationevidence.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/** The audit log: writes, reads with a key and refused keys, for admins only. */
@QuarkusTest
class AuditTest {

    private static final String AUDIT = "/api/v1/audit-events";

    @Test
    void writesAndKeyUseAreLoggedWithTheKeyAndTheAddress() {
        String owner = TestData.unique("audited");
        String curator = TestKeys.create("curator", owner);
        Map<String, Object> body = TestData.caseStudy("sport");
        body.remove("status");
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        given().spec(bearer(curator)).when().get("/api/v1/case-studies/" + slug).then().statusCode(200);
        given().spec(bearer(curator)).when().delete("/api/v1/case-studies/" + slug).then().statusCode(403);

        long keyId = keyIdOf(owner);
        JsonPath page = awaitEvents("keyId=" + keyId, events -> events.size() >= 3);
        List<Map<String, Object>> events = page.getList("items");
        assertTrue(events.stream().anyMatch(e -> "write".equals(e.get("kind")) && "POST".equals(e.get("method"))
                && "/api/v1/case-studies".equals(e.get("path")) && Integer.valueOf(201).equals(e.get("status"))));
        assertTrue(events.stream().anyMatch(e -> "read".equals(e.get("kind")) && "GET".equals(e.get("method"))
                && ("/api/v1/case-studies/" + slug).equals(e.get("path"))));
        assertTrue(events.stream().anyMatch(e -> "write".equals(e.get("kind")) && "DELETE".equals(e.get("method"))
                && Integer.valueOf(403).equals(e.get("status"))));
        given().spec(bearer(TestKeys.admin())).queryParam("keyId", keyId).when().get(AUDIT).then().statusCode(200)
                .body("items.keyOwner", everyItem(equalTo(owner)))
                .body("items.keyRole", everyItem(equalTo("curator")))
                .body("items.clientAddress", everyItem(notNullValue()));

        given().spec(bearer(TestKeys.admin())).queryParam("keyId", keyId).queryParam("kind", "write").when().get(AUDIT)
                .then().statusCode(200).body("total", equalTo(2)).body("items.kind", everyItem(equalTo("write")));
        given().spec(bearer(TestKeys.admin())).queryParam("keyId", keyId).queryParam("limit", 1).when().get(AUDIT)
                .then().statusCode(200).body("items.size()", equalTo(1)).body("next", notNullValue())
                .body("total", greaterThanOrEqualTo(3));
    }

    @Test
    void aRefusedKeyIsLoggedButNeverStored() {
        Instant before = Instant.now().minusSeconds(1);
        String wrongKey = "iek_" + TestData.unique("wrong").replace("-", "") + "0123456789012345678901234567";
        given().spec(bearer(wrongKey)).when().get("/api/v1/keys").then().statusCode(401);

        JsonPath page = awaitEvents("kind=refused-key&since=" + before, events -> events.stream()
                .anyMatch(e -> "/api/v1/keys".equals(e.get("path"))));
        page.getList("items", Map.class).forEach(event -> {
            assertTrue(event.get("keyId") == null && event.get("status").equals(401));
            assertTrue(!event.toString().contains(wrongKey));
        });
    }

    @Test
    void onlyAdminsReadTheLog() {
        given().when().get(AUDIT).then().statusCode(401);
        given().spec(bearer(TestKeys.editor())).when().get(AUDIT).then().statusCode(403);
        given().spec(bearer(TestKeys.admin())).queryParam("kind", "delete").when().get(AUDIT).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().spec(bearer(TestKeys.admin())).queryParam("since", "yesterday").when().get(AUDIT).then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        given().spec(bearer(TestKeys.admin())).queryParam("cursor", "forged").when().get(AUDIT).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    private static long keyIdOf(String owner) {
        List<Map<String, Object>> keys = given().spec(bearer(TestKeys.admin()))
                .when().get("/api/v1/keys").then().statusCode(200).extract().jsonPath().getList("items");
        return keys.stream().filter(key -> owner.equals(key.get("owner"))).findFirst()
                .map(key -> ((Number) key.get("id")).longValue()).orElseThrow();
    }

    /** The log is written a moment after each request: polls until the events the test made are there. */
    private static JsonPath awaitEvents(String query, Predicate<List<Map<String, Object>>> complete) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            JsonPath page = given().spec(bearer(TestKeys.admin())).when().get(AUDIT + "?limit=100&" + query)
                    .then().statusCode(200).extract().jsonPath();
            if (complete.test(page.getList("items")) || Instant.now().isAfter(deadline)) {
                return page;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return page;
            }
        }
    }
}
