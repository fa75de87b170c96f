package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestKeys.bearer;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.integrationevidence.http.MergePatch;
import org.junit.jupiter.api.Test;

/** Revision history (who, when, why, full snapshots, diffs, restore) and renames that keep old slugs working. */
@QuarkusTest
class RevisionsTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";

    @Test
    void everyChangeIsARevisionThatCanBeReadComparedAndRestored() {
        String curator = TestKeys.curator();
        String editor = TestKeys.editor();
        Map<String, Object> body = caseStudy("sport");
        body.remove("status");
        body.put("title", "First title");
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body)
                .queryParam("reason", "Drafted from the Guardian article.")
                .when().post(CASE_STUDIES).then().statusCode(201).extract().path("slug");

        given().spec(bearer(curator)).header("If-Match", "\"0\"").contentType(MergePatch.MEDIA_TYPE)
                .queryParam("reason", "Better title.")
                .body("{\"title\": \"Second title\", \"evidence\": {\"level\": 3}}")
                .when().patch(CASE_STUDIES + "/" + slug).then().statusCode(200).body("version", equalTo(1));
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(Map.of("action", "submit", "note", "Ready."))
                .when().post(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(200);

        String revisions = CASE_STUDIES + "/" + slug + "/revisions";
        given().spec(bearer(editor)).when().get(revisions).then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.number", contains(1, 2, 3))
                .body("items.action", contains("create", "update", "transition"))
                .body("items.status", contains("draft", "draft", "in-review"))
                .body("items.version", contains(0, 1, 2))
                .body("items.reason", contains("Drafted from the Guardian article.", "Better title.", "Ready."))
                .body("items[0].by", equalTo("Test curators"));

        String next = given().spec(bearer(editor)).queryParam("limit", 2).when().get(revisions).then().statusCode(200)
                .body("total", equalTo(3)).body("items.number", contains(1, 2)).extract().path("next");
        given().spec(bearer(editor)).queryParam("limit", 2).queryParam("cursor", next).when().get(revisions).then()
                .statusCode(200).body("items.number", contains(3)).body("next", nullValue());
        given().spec(bearer(editor)).queryParam("cursor", "forged").when().get(revisions).then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));

        given().spec(bearer(curator)).when().get(revisions + "/1").then().statusCode(200)
                .body("number", equalTo(1))
                .body("caseStudy.title", equalTo("First title"))
                .body("caseStudy.slug", equalTo(slug))
                .body("caseStudy.status", equalTo("draft"))
                .body("caseStudy.evidence.level", equalTo(2));
        given().spec(bearer(editor)).when().get(revisions + "/2/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2))
                .body("changes.path", contains("/title", "/evidence/level"))
                .body("changes[0].before", equalTo("First title"))
                .body("changes[0].after", equalTo("Second title"))
                .body("changes[1].before", equalTo(2))
                .body("changes[1].after", equalTo(3));
        given().spec(bearer(editor)).queryParam("from", 1).when().get(revisions + "/3/diff").then().statusCode(200)
                .body("changes.path", hasItems("/title", "/status"));
        given().spec(bearer(editor)).queryParam("from", 0).when().get(revisions + "/1/diff").then().statusCode(200)
                .body("changes.path", hasItems("/slug", "/title", "/place"))
                .body("changes[0].before", nullValue());

        // A restore is a new revision with the old content; the status stays.
        given().spec(bearer(editor)).when().post(revisions + "/1/restore").then().statusCode(428);
        given().spec(bearer(editor)).header("If-Match", "\"1\"").when().post(revisions + "/1/restore").then().statusCode(412);
        given().spec(bearer(editor)).header("If-Match", "\"2\"").when().post(revisions + "/1/restore").then().statusCode(200)
                .header("ETag", equalTo("\"3\""))
                .body("title", equalTo("First title"))
                .body("evidence.level", equalTo(2))
                .body("status", equalTo("in-review"));
        given().spec(bearer(editor)).when().get(revisions).then().statusCode(200)
                .body("items[3].action", equalTo("restore"))
                .body("items[3].reason", equalTo("Restored revision 1."))
                .body("items[3].by", equalTo("Test editors"));
    }

    @Test
    void historyIsForTheCuratorAndEditorsOnly() {
        String owner = TestKeys.create("curator", TestData.unique("owner"));
        String other = TestKeys.create("curator", TestData.unique("other"));
        Map<String, Object> body = caseStudy("sport");
        body.remove("status");
        String slug = given().spec(bearer(owner)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        String revisions = CASE_STUDIES + "/" + slug + "/revisions";

        given().when().get(revisions).then().statusCode(401);
        given().spec(bearer(other)).when().get(revisions).then().statusCode(404);
        given().spec(bearer(other)).when().get(revisions + "/1").then().statusCode(404);
        given().spec(bearer(owner)).when().get(revisions + "/2").then().statusCode(404).body("type", equalTo("/problems/not-found"));
        given().spec(bearer(owner)).when().get(revisions + "/abc").then().statusCode(404);
        given().spec(bearer(owner)).when().get(revisions + "/99999999999").then().statusCode(404);
        given().spec(bearer(owner)).queryParam("from", -1).when().get(revisions + "/1/diff").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().spec(bearer(owner)).queryParam("reason", "x".repeat(2001)).header("If-Match", "*")
                .when().post(revisions + "/1/restore").then().statusCode(400).body("errors[0].field", equalTo("reason"));

        String published = given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(caseStudy("sport"))
                .when().post(CASE_STUDIES).then().statusCode(201).extract().path("slug");
        given().spec(bearer(other)).when().get(CASE_STUDIES + "/" + published + "/revisions").then().statusCode(403);
    }

    @Test
    void aReviewNoteOfAnyAllowedLengthIsKeptWithTheRevision() {
        String curator = TestKeys.curator();
        Map<String, Object> body = caseStudy("sport");
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        String note = "Please check the figures. ".repeat(80).substring(0, 2000);
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(Map.of("action", "submit", "note", note))
                .when().post(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(200);
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + slug + "/revisions").then().statusCode(200)
                .body("items[1].reason", equalTo(note.strip()));
    }

    @Test
    void aRenamedCaseStudyRedirectsFromItsOldSlugForGood() {
        String editor = TestKeys.editor();
        Map<String, Object> body = caseStudy("sport");
        String oldSlug = (String) body.get("slug");
        given().spec(bearer(editor)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES).then().statusCode(201);
        String newSlug = TestData.unique("renamed");
        body.put("slug", newSlug);
        given().spec(bearer(editor)).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .queryParam("reason", "Clearer slug.")
                .when().put(CASE_STUDIES + "/" + oldSlug).then().statusCode(200).body("slug", equalTo(newSlug));

        given().redirects().follow(false).queryParam("fields", "x").when().get(CASE_STUDIES + "/" + oldSlug)
                .then().statusCode(308)
                .header("Location", endsWith(CASE_STUDIES + "/" + newSlug + "?fields=x"));
        given().redirects().follow(false).when().get(CASE_STUDIES + "/" + oldSlug + "/related")
                .then().statusCode(308).header("Location", endsWith(CASE_STUDIES + "/" + newSlug + "/related"));
        given().redirects().follow(false).spec(bearer(editor)).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + oldSlug).then().statusCode(308);
        given().when().get(CASE_STUDIES + "/" + oldSlug).then().statusCode(200).body("slug", equalTo(newSlug));
        given().spec(bearer(editor)).when().get(CASE_STUDIES + "/" + newSlug + "/revisions").then().statusCode(200)
                .body("items.action", contains("create", "rename"));

        // The old slug is never given to another case study; renaming back to it takes it back.
        Map<String, Object> squatter = caseStudy("sport");
        squatter.put("slug", oldSlug);
        given().spec(bearer(editor)).contentType(ContentType.JSON).body(squatter).when().post(CASE_STUDIES)
                .then().statusCode(409).body("type", equalTo("/problems/slug-taken"));
        body.put("slug", oldSlug);
        given().spec(bearer(editor)).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + newSlug).then().statusCode(200).body("slug", equalTo(oldSlug));
        given().when().get(CASE_STUDIES + "/" + oldSlug).then().statusCode(200);
        given().redirects().follow(false).when().get(CASE_STUDIES + "/" + newSlug).then().statusCode(308);
    }

    @Test
    void aDraftsOldSlugIsAsUnknownAsTheDraft() {
        String curator = TestKeys.curator();
        Map<String, Object> body = caseStudy("sport");
        body.remove("status");
        String oldSlug = (String) body.get("slug");
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES).then().statusCode(201);
        body.put("slug", TestData.unique("renamed-draft"));
        given().spec(bearer(curator)).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + oldSlug).then().statusCode(200);

        // A slug that was never public keeps no redirect, not even for its curator: it is simply free again.
        given().redirects().follow(false).when().get(CASE_STUDIES + "/" + oldSlug).then().statusCode(404);
        given().redirects().follow(false).spec(bearer(curator)).when().get(CASE_STUDIES + "/" + oldSlug).then().statusCode(404);
        given().redirects().follow(false).when().get(CASE_STUDIES + "/" + oldSlug + "/related").then().statusCode(404);
        body.put("slug", oldSlug);
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES).then().statusCode(201);
    }
}
