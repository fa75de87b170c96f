package org.integrationevidence.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.integrationevidence.logging.RequestIds;

/** Every response carries the request's id: the one a load balancer sent, if it is plain and short, or a new one. */
@QuarkusTest
class RequestIdsTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void aRequestWithoutAnIdGetsANewOneEveryTime() {
        String first = given().when().get("/api/v1/case-studies")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        String second = given().when().get("/api/v1/case-studies")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        assertNotEquals(first, second);
    }

    @Test
    void aWellFormedIdFromALoadBalancerIsAnsweredAsSent() {
        String id = "lb-7f3a9c.01_" + "x".repeat(100);
        given().header("X-Request-Id", id)
                .when().get("/api/v1/case-studies")
                .then().statusCode(200).header("X-Request-Id", equalTo(id));
    }

    @Test
    void anIdThatIsTooLongOrHasOtherCharactersIsReplaced() {
        for (String sent : new String[] {"x".repeat(RequestIds.MAX_LENGTH + 1), "two words", "<script>", "id\"quoted",
                "a/b", ""}) {
            given().header("X-Request-Id", sent)
                    .when().get("/api/v1/case-studies")
                    .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID))
                    .header("X-Request-Id", not(equalTo(sent)));
        }
    }

    @Test
    void aWebPageOnAnotherOriginMayReadTheId() {
        given().header("Origin", "https://www.example.org")
                .when().get("/api/v1/case-studies")
                .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void errorsAndRefusalsCarryTheIdToo() {
        given().header("X-Request-Id", "req-404")
                .when().get("/api/v1/case-studies/no-such-case-study-anywhere")
                .then().statusCode(404).header("X-Request-Id", equalTo("req-404"))
                .body("requestId", nullValue()); // only server faults name it in the body: a 404 is the client's to fix
        given().header("X-Request-Id", "req-401").header("Authorization", "Bearer iek_not-a-key-of-this-service")
                .when().get("/api/v1/case-studies")
                .then().statusCode(401).header("X-Request-Id", equalTo("req-401"));
        given().header("X-Request-Id", "req-400")
                .when().get("/api/v1/case-studies?api_key=iek_in-the-url")
                .then().statusCode(400).header("X-Request-Id", equalTo("req-400"));
        given().header("X-Request-Id", "req-openapi")
                .when().get("/q/openapi")
                .then().statusCode(200).header("X-Request-Id", equalTo("req-openapi"));
    }
}
