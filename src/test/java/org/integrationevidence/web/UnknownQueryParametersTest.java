package org.integrationevidence.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * A query parameter an operation does not take is a 400 that names it and lists those it takes, never silently
 * ignored: {@code ?contry=GB} must not answer every case study as if no filter had been given.
 */
@QuarkusTest
@ActingAs(Role.ANONYMOUS)
class UnknownQueryParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aMisspelledFilterIsNamedWithTheParametersTheListTakes() {
        given().when().get("/api/v1/case-studies?contry=GB")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unknown-parameter"))
                .body("title", equalTo("Unknown parameter"))
                .body("detail", containsString("The query parameter \"contry\" is not taken by this operation"))
                .body("detail", containsString("It takes: "))
                .body("detail", containsString("country"))
                .body("detail", containsString("approach"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("contry"))
                .body("errors[0].message", equalTo("is not a parameter of this operation"));
    }

    @Test
    void everyUnknownParameterIsNamedOnceInOrder() {
        given().when().get("/api/v1/case-studies?zeta=1&country=GB&alpha=2&alpha=3")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("alpha", "zeta")))
                .body("detail", containsString("The query parameters \"alpha\", \"zeta\" are not taken"));
    }

    @Test
    void searchesExportsFeedsAndTheMapRefuseThemToo() {
        for (String url : List.of("/api/v1/case-studies?q=football&colour=blue", "/api/v1/case-studies/export?colour=blue",
                "/api/v1/feeds/case-studies.atom?colour=blue", "/api/v1/evidence-map?colour=blue",
                "/api/v1/approaches?colour=blue", "/api/v1/changes?colour=blue", "/api/v1/suggest?q=foot&colour=blue")) {
            given().when().get(url)
                    .then().statusCode(400)
                    .body("type", equalTo("/problems/unknown-parameter"))
                    .body("errors[0].field", equalTo("colour"));
        }
    }

    @Test
    void anOperationWithoutParametersSaysItTakesNone() {
        given().when().get("/api/v1/evidence-levels?level=3")
                .then().statusCode(400)
                .body("detail", containsString("It takes no query parameters."));
    }

    @Test
    void theParametersAnOperationTakesAndTheCacheBusterAreAccepted() {
        given().when().get("/api/v1/case-studies?country=GB&limit=2&_=1733500000000")
                .then().statusCode(200);
        given().when().get("/api/v1/evidence-levels?_=1")
                .then().statusCode(200);
    }

    @Test
    void aKeyInTheUrlIsStillRefusedAsAKey() {
        given().when().get("/api/v1/case-studies?api_key=iek_whatever")
                .then().statusCode(400)
                .body("type", equalTo("/problems/bad-request"))
                .body("detail", containsString("never in the URL"));
    }

    @Test
    void aWriteWithAMisspelledOptionWritesNothing() throws Exception {
        Map<String, Object> caseStudy = TestData.caseStudy("school-linking");
        String slug = (String) caseStudy.get("slug");
        given().spec(TestKeys.bearer(TestKeys.curator())).contentType("application/x-ndjson; charset=UTF-8")
                .body((JSON.writeValueAsString(caseStudy) + "\n").getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports?dryRn=true")
                .then().statusCode(400)
                .body("type", equalTo("/problems/unknown-parameter"))
                .body("errors[0].field", equalTo("dryRn"))
                .body("detail", containsString("dryRun"));
        given().spec(TestKeys.bearer(TestKeys.editor())).accept(ContentType.JSON)
                .when().get("/api/v1/case-studies/" + slug)
                .then().statusCode(404);
    }
}
