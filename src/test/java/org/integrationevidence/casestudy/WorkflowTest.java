package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestKeys.bearer;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/** The review workflow: draft, in review, published, withdrawn, and back to draft; who may make each move. */
@QuarkusTest
class WorkflowTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";

    @Test
    void aDraftGoesThroughReviewToPublicationAndBack() {
        String curator = TestKeys.curator();
        String editor = TestKeys.editor();
        String word = TestData.unique("workflow").replace("-", "");
        Map<String, Object> body = caseStudy("sport");
        body.remove("status");
        body.put("title", "Workflow " + word);
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).body("status", equalTo("draft")).extract().path("slug");

        move(curator, slug, "submit", null).statusCode(200).body("status", equalTo("in-review"));
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(404);
        body.put("slug", slug);
        given().spec(bearer(curator)).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(403);
        move(curator, slug, "publish", null).statusCode(403).body("type", equalTo("/problems/forbidden"));

        move(editor, slug, "return", null).statusCode(400).body("errors[0].field", equalTo("note"));
        move(editor, slug, "return", "Please cite the council's report.").statusCode(200).body("status", equalTo("draft"));
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(200)
                .body("items.action", contains("submit", "return"))
                .body("items[1].note", equalTo("Please cite the council's report."))
                .body("items[1].from", equalTo("in-review"));

        move(curator, slug, "submit", null).statusCode(200);
        move(editor, slug, "publish", "Checked against the source.").statusCode(200).body("status", equalTo("published"));
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200);
        given().queryParam("q", word).when().get(CASE_STUDIES).then().statusCode(200).body("items.slug", hasItem(slug));

        move(editor, slug, "publish", null).statusCode(409)
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString("allowed now: withdraw"))
                .body("errors[0].field", equalTo("action"));

        move(editor, slug, "withdraw", null).statusCode(200).body("status", equalTo("withdrawn"));
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(410);
        move(editor, slug, "restore", null).statusCode(200).body("status", equalTo("draft"));
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(404);
        given().spec(bearer(editor)).when().get(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(200)
                .body("items.action", contains("submit", "return", "submit", "publish", "withdraw", "restore"));
    }

    @Test
    void onlyItsCuratorOrAnEditorMovesADraft() {
        Map<String, Object> body = caseStudy("sport");
        body.remove("status");
        String slug = given().spec(bearer(TestKeys.curator())).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        String other = TestKeys.create("curator", "Another curator");
        move(other, slug, "submit", null).statusCode(404);
        given().spec(bearer(other)).when().get(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("action", "submit")).when().post(CASE_STUDIES + "/" + slug + "/transitions")
                .then().statusCode(401);
        move(TestKeys.editor(), slug, "submit", null).statusCode(200);
    }

    @Test
    void badMovesAreProblems() {
        given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(Map.of("action", "archive"))
                .when().post(CASE_STUDIES + "/linking-network-school-linking/transitions")
                .then().statusCode(400).contentType("application/problem+json");
        move(TestKeys.editor(), "no-such-case-study", "publish", null).statusCode(404);
        Map<String, Object> inReview = caseStudy("sport");
        inReview.put("status", "in-review");
        given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(inReview).when().post(CASE_STUDIES)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    private static ValidatableResponse move(String key, String slug, String action, String note) {
        Map<String, Object> body = note == null ? Map.of("action", action) : Map.of("action", action, "note", note);
        return given().spec(bearer(key)).contentType(ContentType.JSON).body(body)
                .when().post(CASE_STUDIES + "/" + slug + "/transitions").then();
    }
}
