package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestKeys.bearer;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/** Safe concurrent edits: every case study carries an ETag from its version, and writes must name the one they read. */
@QuarkusTest
class ConcurrencyTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";

    @Test
    void twoEditorsNeverOverwriteEachOtherUnseen() {
        String first = TestKeys.editor();
        String second = TestKeys.create("editor", "Second editor");
        Map<String, Object> body = caseStudy("sport");
        String slug = given().spec(bearer(first)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        String etag = given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .header("ETag", startsWith("\"0.")).extract().header("ETag");

        body.put("slug", slug);
        body.put("title", "The first editor's title");
        given().spec(bearer(first)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("version", equalTo(1));

        body.put("title", "The second editor's title, based on version 0");
        given().spec(bearer(second)).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"))
                .body("detail", containsString("current version is 1"))
                .body("errors[0].field", equalTo("If-Match"));
        given().when().get(CASE_STUDIES + "/" + slug).then().body("title", equalTo("The first editor's title"));
    }

    @Test
    void writesWithoutIfMatchAre428() {
        Map<String, Object> body = caseStudy("sport");
        String slug = given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        body.put("slug", slug);
        given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(body).when().put(CASE_STUDIES + "/" + slug)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-required"));
        given().spec(bearer(TestKeys.editor())).when().delete(CASE_STUDIES + "/" + slug).then().statusCode(428);
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"7\"").when().delete(CASE_STUDIES + "/" + slug)
                .then().statusCode(412);
        given().spec(bearer(TestKeys.editor())).header("If-Match", "W/\"0\"").when().delete(CASE_STUDIES + "/" + slug)
                .then().statusCode(412);
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").when().delete(CASE_STUDIES + "/" + slug)
                .then().statusCode(204);
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(410);
    }

    @Test
    void ifMatchAcceptsAnyOfSeveralTagsOrAStarAndRefusesGarbage() {
        Map<String, Object> body = caseStudy("sport");
        String slug = given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        body.put("slug", slug);
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"5\", \"0\"").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200).header("ETag", equalTo("\"1\""));
        given().spec(bearer(TestKeys.editor())).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200).header("ETag", equalTo("\"2\""));
        given().spec(bearer(TestKeys.editor())).header("If-Match", "version 2").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(400).body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void workflowMovesCheckIfMatchWhenSentAndChangeTheETag() {
        Map<String, Object> body = caseStudy("sport");
        body.put("status", "draft");
        String slug = given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body(Map.of("action", "publish")).when().post(CASE_STUDIES + "/" + slug + "/transitions")
                .then().statusCode(412);
        given().spec(bearer(TestKeys.editor())).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(Map.of("action", "publish")).when().post(CASE_STUDIES + "/" + slug + "/transitions")
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
    }

    /**
     * If-Match: * means "whatever is current" (RFC 9110, section 13.1.1): concurrent writes that send it each apply
     * to the version the one before left, where they used to fail with 412 on a version that changed under them.
     */
    @Test
    void writesWithAStarEachApplyToWhatIsCurrentWhenTheyRunAtOnce() throws Exception {
        String key = TestKeys.editor();
        String slug = given().spec(bearer(key)).contentType(ContentType.JSON).body(caseStudy("sport")).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<Integer> statuses = org.integrationevidence.TestData.concurrently(8, () -> given().spec(bearer(key))
                .header("If-Match", "*").contentType("application/merge-patch+json")
                .body("{\"summary\": \"Patched by writer " + next.incrementAndGet() + ".\"}")
                .when().patch(CASE_STUDIES + "/" + slug).then().extract().statusCode());
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Collections.nCopies(8, 200), statuses);
        given().when().get(CASE_STUDIES + "/" + slug).then().body("version", equalTo(8));
    }
}
