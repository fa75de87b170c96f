package org.integrationevidence.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ActingAs(Role.EDITOR)
class ErrorResponsesTest {

    @Test
    void unknownPathsAreProblemDocuments() {
        for (String path : new String[] {"/nothing-here", "/api/v1/nothing-here", "/api/v2/case-studies"}) {
            given().when().get(path)
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"))
                    .body("instance", equalTo(path))
                    .body("detail", equalTo("Nothing is served at " + path + "."));
        }
    }

    /** PostgreSQL cannot hold or compare it: refused on both databases as it arrives, with where it was. */
    @Test
    void theNulCharacterIsRefusedWhereverItIsSent() {
        given().urlEncodingEnabled(false).when().get("/api/v1/case-studies/a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/bad-request"))
                .body("detail", containsString("NUL character"));
        given().urlEncodingEnabled(false).when().get("/api/v1/case-studies?q=refugees%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        given().contentType("application/json").body("{\"name\": \"Approach\\u0000\", \"definition\": \"x\"}")
                .when().post("/api/v1/approaches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
    }

    @Test
    void optionsListsTheMethodsOfThePathItself() {
        given().when().options("/api/v1/case-studies")
                .then().statusCode(200).header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
        given().when().options("/api/v1/case-studies/any-slug")
                .then().statusCode(200).header("Allow", equalTo("DELETE, GET, HEAD, OPTIONS, PATCH, PUT"));
    }

    @Test
    void unacceptableMediaTypesAre406() {
        given().accept("application/xml").when().get("/api/v1/case-studies")
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-acceptable"));
    }

    @Test
    void everyProblemTypeIsDescribedAtItsUri() {
        given().when().get("/problems")
                .then().statusCode(200)
                .body("items.type", hasItems("/problems/validation", "/problems/malformed-body", "/problems/not-found",
                        "/problems/gone", "/problems/slug-taken", "/problems/in-use", "/problems/internal"));
        given().when().get("/problems/gone")
                .then().statusCode(200)
                .body("status", equalTo(410))
                .body("title", equalTo("Gone"));
        given().when().get("/problems/nonsense").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void otherSitesCanReadTheApiFromTheBrowser() {
        given().header("Origin", "https://www.example-council.gov.uk")
                .when().get("/api/v1/case-studies?limit=1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Expose-Headers", containsString("Link"));
    }

    @Test
    void theEvidenceScaleIsPublished() {
        given().when().get("/api/v1/evidence-levels")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("items.level", equalTo(java.util.List.of(1, 2, 3, 4, 5)))
                .body("items[0].label", equalTo("Described"))
                .body("items[4].label", equalTo("Independently replicated"));
    }

    @Test
    void responsesRevealNothingInternal() {
        given().contentType("application/json").body("{\"place\": {\"scale\": 12}, \"evidence\": []}")
                .when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body(not(containsString("Exception")))
                .body(not(containsString("org.integrationevidence")))
                .body(not(containsString("com.fasterxml")));
    }
}
