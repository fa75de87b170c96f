package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestKeys.bearer;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/** PATCH with JSON Merge Patch: only the named fields change, null clears, and the result is checked like a PUT. */
@QuarkusTest
class CaseStudyPatchTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void aMergePatchChangesOnlyWhatItNames() {
        String slug = create();
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .body("{\"title\": \"Patched title\", \"period\": {\"endYear\": null, \"ongoing\": true}, \"outcomes\": [\"One outcome\"]}")
                .when().patch(CASE_STUDIES + "/" + slug)
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("title", equalTo("Patched title"))
                .body("summary", equalTo(caseStudy("sport").get("summary")))
                .body("period.startYear", equalTo(2015))
                .body("period.endYear", nullValue())
                .body("period.ongoing", equalTo(true))
                .body("outcomes", contains("One outcome"))
                .body("place.name", equalTo("Bradford"));
    }

    @Test
    void aPatchIsCheckedLikeAPut() {
        String slug = create();
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .body("{\"title\": null}").when().patch(CASE_STUDIES + "/" + slug)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .body("{\"id\": 9}").when().patch(CASE_STUDIES + "/" + slug)
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .body("[1, 2]").when().patch(CASE_STUDIES + "/" + slug).then().statusCode(400);
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").contentType(MERGE_PATCH)
                .body("{\"title\": ").when().patch(CASE_STUDIES + "/" + slug)
                .then().statusCode(400).body("type", equalTo("/problems/malformed-body"));
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"title\": \"x\"}").when().patch(CASE_STUDIES + "/" + slug).then().statusCode(415);
        given().spec(bearer(TestKeys.editor())).contentType(MERGE_PATCH)
                .body("{\"title\": \"x\"}").when().patch(CASE_STUDIES + "/" + slug).then().statusCode(428);
        given().spec(bearer(TestKeys.curator())).header("If-Match", "*").contentType(MERGE_PATCH)
                .body("{\"title\": \"x\"}").when().patch(CASE_STUDIES + "/" + slug).then().statusCode(403);
        given().when().get(CASE_STUDIES + "/" + slug).then().header("ETag", startsWith("\"0."));
    }

    private static String create() {
        Map<String, Object> body = caseStudy("sport");
        return given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
    }
}
