package org.integrationevidence.changes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The harvesting feed as a mirror uses it. Other tests write to the same database meanwhile, so every test resumes
 * from a token taken at its start and only looks at its own case studies.
 */
@QuarkusTest
class ChangeFeedTest {

    private static final String CHANGES = "/api/v1/changes";
    private static final String CASE_STUDIES = "/api/v1/case-studies";

    /** What a mirror has read: the changes in order, and where to resume. */
    record Harvest(List<Map<String, Object>> items, String next) {

        List<Map<String, Object>> about(String slug) {
            return items.stream().filter(item -> slug.equals(item.get("slug")) || slug.equals(item.get("previousSlug"))).toList();
        }

        List<String> kindsOf(String slug) {
            return about(slug).stream().map(item -> (String) item.get("kind")).toList();
        }
    }

    /** Follows the feed from {@code since} (null: the beginning) until it is caught up. */
    static Harvest harvest(String since, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String token = since;
        for (int pages = 0; pages < 10_000; pages++) {
            var request = given().queryParam("limit", limit);
            if (token != null) {
                request.queryParam("since", token);
            }
            JsonPath page = request.when().get(CHANGES).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            token = page.getString("next");
            if (page.getBoolean("caughtUp")) {
                return new Harvest(items, token);
            }
        }
        throw new AssertionError("The feed never caught up");
    }

    /** The token of the end of the feed now. */
    static String now() {
        return harvest(null, 100).next();
    }

    private static String createPublished() {
        return given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(TestData.caseStudy("sport"))
                .when().post(CASE_STUDIES).then().statusCode(201).extract().path("slug");
    }

    @Test
    void aCaseStudyEntersTheFeedWhenPublishedAndLeavesAsATombstone() {
        String editor = TestKeys.editor();
        String start = now();
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("status", "draft");
        String slug = given().spec(bearer(editor)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        Harvest afterDraft = harvest(start, 100);
        assertEquals(List.of(), afterDraft.kindsOf(slug), "a draft is not public data");

        given().spec(bearer(editor)).contentType(ContentType.JSON).body(Map.of("action", "publish"))
                .when().post(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(200);
        Harvest afterPublish = harvest(afterDraft.next(), 100);
        assertEquals(List.of("published"), afterPublish.kindsOf(slug));
        Map<String, Object> published = afterPublish.about(slug).get(0);
        assertEquals(CASE_STUDIES + "/" + slug, published.get("link"));
        assertTrue(published.get("changedAt") instanceof String);
        // The case study's tag is its version, a dot and a hash of the representation.
        given().when().get((String) published.get("link")).then().statusCode(200)
                .header("ETag", startsWith("\"" + published.get("version") + "."));

        body.put("slug", slug);
        body.put("status", "published");
        body.put("title", "An edited test case study");
        given().spec(bearer(editor)).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200);
        Harvest afterEdit = harvest(afterPublish.next(), 100);
        assertEquals(List.of("updated"), afterEdit.kindsOf(slug));
        assertFalse(afterEdit.about(slug).get(0).containsKey("previousSlug"));

        String renamed = TestData.unique("renamed");
        body.put("slug", renamed);
        given().spec(bearer(editor)).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200);
        Harvest afterRename = harvest(afterEdit.next(), 100);
        assertEquals(List.of("updated"), afterRename.kindsOf(renamed));
        assertEquals(slug, afterRename.about(renamed).get(0).get("previousSlug"));
        assertEquals(CASE_STUDIES + "/" + renamed, afterRename.about(renamed).get(0).get("link"));

        given().spec(bearer(editor)).header("If-Match", "*").when().delete(CASE_STUDIES + "/" + renamed)
                .then().statusCode(204);
        Harvest afterWithdraw = harvest(afterRename.next(), 100);
        assertEquals(List.of("withdrawn"), afterWithdraw.kindsOf(renamed));
        Map<String, Object> tombstone = afterWithdraw.about(renamed).get(0);
        assertFalse(tombstone.containsKey("link"), "a tombstone has nothing to fetch");

        // A mirror that resumes from the start sees the whole story once, in order.
        Harvest story = harvest(start, 2);
        assertEquals(List.of("published", "updated", "updated"), story.kindsOf(slug));
        assertEquals(List.of("updated", "withdrawn"), story.kindsOf(renamed));
        // Restoring makes a draft, which is not public: nothing new.
        given().spec(bearer(editor)).contentType(ContentType.JSON).body(Map.of("action", "restore"))
                .when().post(CASE_STUDIES + "/" + renamed + "/transitions").then().statusCode(200);
        assertEquals(List.of(), harvest(afterWithdraw.next(), 100).kindsOf(renamed));
    }

    @Test
    void sendingAPublishedCaseStudyBackToDraftIsATombstone() {
        String start = now();
        String slug = createPublished();
        assertEquals(List.of("published"), harvest(start, 100).kindsOf(slug));
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("slug", slug);
        body.put("status", "draft");
        given().spec(bearer(TestKeys.editor())).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200);
        assertEquals(List.of("published", "withdrawn"), harvest(start, 100).kindsOf(slug));
    }

    @Test
    void aCaseStudyPublishedAndWithdrawnBetweenTwoReadsLeavesNothingToMirror() {
        String start = now();
        String slug = createPublished();
        given().spec(bearer(TestKeys.editor())).header("If-Match", "*").when().delete(CASE_STUDIES + "/" + slug)
                .then().statusCode(204);
        // Both changes may be sequenced together, and then a mirror that never had it has nothing to remove.
        List<String> kinds = harvest(start, 100).kindsOf(slug);
        assertTrue(kinds.isEmpty() || kinds.equals(List.of("published", "withdrawn")), kinds.toString());
    }

    @Test
    void renamingAnApproachUpdatesTheCaseStudiesTaggedWithIt() {
        String editor = TestKeys.editor();
        String approach = given().spec(bearer(editor)).contentType(ContentType.JSON)
                .body(Map.of("slug", TestData.unique("approach"), "name", "Feed approach", "definition", "Made for a test."))
                .when().post("/api/v1/approaches").then().statusCode(201).extract().path("slug");
        String slug = given().spec(bearer(editor)).contentType(ContentType.JSON).body(TestData.caseStudy(approach))
                .when().post(CASE_STUDIES).then().statusCode(201).extract().path("slug");
        String start = now();
        given().spec(bearer(editor)).header("If-Match", "*").contentType(ContentType.JSON)
                .body(Map.of("name", "Renamed feed approach", "definition", "Made for a test."))
                .when().put("/api/v1/approaches/" + approach).then().statusCode(200);
        assertEquals(List.of("updated"), harvest(start, 100).kindsOf(slug),
                "the case study embeds the approach's name, so a mirror fetches it again");
    }

    @Test
    void theFeedBeginsWithEveryPublicCaseStudy() {
        Harvest all = harvest(null, 100);
        assertEquals(List.of("published"), all.kindsOf("linking-network-school-linking").subList(0, 1));
        List<Long> positions = all.items().stream().map(item -> ((Number) item.get("position")).longValue()).toList();
        for (int i = 0; i < positions.size(); i++) {
            assertEquals(i + 1, positions.get(i), "positions run from 1 without gaps");
        }
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        String start = now();
        Set<String> mine = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            mine.add(createPublished());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        String token = start;
        int fullPages = 0;
        while (true) {
            ExtractableResponse<Response> response = given().queryParam("since", token).queryParam("limit", 3)
                    .when().get(CHANGES).then().statusCode(200).header("ETag", notNullValue()).extract();
            JsonPath page = response.jsonPath();
            items.addAll(page.getList("items"));
            token = page.getString("next");
            if (page.getBoolean("caughtUp")) {
                assertEquals("public, no-cache", response.header("Cache-Control"), "the end of the feed is revalidated");
                assertEquals(null, response.header("Link"));
                break;
            }
            fullPages++;
            assertEquals(3, page.getList("items").size());
            assertEquals("public, max-age=31536000, immutable", response.header("Cache-Control"));
            assertTrue(response.header("Link").contains("since=" + token) && response.header("Link").endsWith("rel=\"next\""),
                    response.header("Link"));
        }
        assertTrue(fullPages >= 2, "seven changes on pages of three");
        long first = ((Number) items.get(0).get("position")).longValue();
        for (int i = 0; i < items.size(); i++) {
            assertEquals(first + i, ((Number) items.get(i).get("position")).longValue());
        }
        List<Object> seen = items.stream().map(item -> item.get("slug")).filter(mine::contains).toList();
        assertEquals(mine, new HashSet<>(seen));
        assertEquals(mine.size(), seen.size(), "each once");
    }

    @Test
    void theEndOfTheFeedAnswersNotModifiedUntilSomethingChanges() {
        String start = now();
        ExtractableResponse<Response> tail = given().queryParam("since", start).when().get(CHANGES).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty())
                .body("caughtUp", equalTo(true))
                .body("next", equalTo(start)).extract();
        String etag = tail.header("ETag");
        given().queryParam("since", start).header("If-None-Match", etag).when().get(CHANGES)
                .then().statusCode(304).body(emptyString()).header("ETag", etag);
        String slug = createPublished();
        given().queryParam("since", start).header("If-None-Match", etag).when().get(CHANGES)
                .then().statusCode(200).header("ETag", not(etag)).body("items.slug", org.hamcrest.Matchers.hasItem(slug));
        // As every answer to a request with a key: no cache keeps it.
        given().spec(bearer(TestKeys.editor())).queryParam("since", start).when().get(CHANGES)
                .then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String start = now();
        String tampered = (start.charAt(0) == 'A' ? "B" : "A") + start.substring(1);
        given().queryParam("since", tampered).when().get(CHANGES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("since"))
                .body("errors[0].message", containsString("not a token returned by this feed"));
        given().queryParam("since", "42").when().get(CHANGES).then().statusCode(400).body("errors[0].field", equalTo("since"));
        // A cursor of another list is not a token of this one.
        String cursor = given().queryParam("limit", 1).when().get(CASE_STUDIES).then().statusCode(200).extract().path("next");
        given().queryParam("since", cursor).when().get(CHANGES).then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    @Test
    void theLimitIsBounded() {
        for (String limit : List.of("0", "101", "-1", "ten")) {
            given().queryParam("limit", limit).when().get(CHANGES).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].message", equalTo("must be a whole number from 1 to 100"));
        }
        given().queryParam("limit", 100).when().get(CHANGES).then().statusCode(200)
                .body("items.kind", everyItem(org.hamcrest.Matchers.in(List.of("published", "updated", "withdrawn", "deleted"))))
                .body("next", notNullValue());
    }

    @Test
    void aMirrorPollingDuringConcurrentWritesMissesNothing() throws Exception {
        String start = now();
        Set<String> written = Collections.synchronizedSet(new HashSet<>());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            done.add(writers.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    written.add(createPublished());
                }
                return null;
            }));
        }
        // The mirror resumes from each page's token while the writers run, as a poller would.
        Map<Long, Object> seen = new LinkedHashMap<>();
        String token = start;
        try {
            while (done.stream().anyMatch(future -> !future.isDone())) {
                Harvest harvest = harvest(token, 5);
                harvest.items().forEach(item -> assertEquals(null,
                        seen.put(((Number) item.get("position")).longValue(), item.get("slug")), "no change twice"));
                token = harvest.next();
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        Harvest rest = harvest(token, 5);
        rest.items().forEach(item -> assertEquals(null,
                seen.put(((Number) item.get("position")).longValue(), item.get("slug")), "no change twice"));
        assertEquals(24, written.size());
        assertTrue(seen.values().containsAll(written), "every case study published meanwhile is in the feed");
        List<Long> positions = new ArrayList<>(seen.keySet());
        for (int i = 1; i < positions.size(); i++) {
            assertEquals(positions.get(i - 1) + 1, positions.get(i), "positions follow each other");
        }
    }

    @Test
    void aTombstoneKeepsTheSlugAMirrorHolds() {
        String start = now();
        String slug = createPublished();
        assertEquals(List.of("published"), harvest(start, 100).kindsOf(slug));
        given().spec(bearer(TestKeys.editor())).header("If-Match", "*").when().delete(CASE_STUDIES + "/" + slug)
                .then().statusCode(204);
        Harvest harvest = harvest(start, 100);
        assertEquals(List.of("published", "withdrawn"), harvest.kindsOf(slug));
        given().queryParam("since", start).when().get(CHANGES).then().statusCode(200)
                .body("items.findAll { it.slug == '" + slug + "' && it.kind == 'withdrawn' }.link", everyItem(nullValue()));
    }
}
