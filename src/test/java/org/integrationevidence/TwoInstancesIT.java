package org.integrationevidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.junit.jupiter.api.Test;

/**
 * Several stateless instances behind a load balancer: two packaged servers, two processes with their own data
 * directories (so their own search indexes), on one PostgreSQL database. What is written through either is read,
 * found by search and announced in the change feed by the other within two seconds. Only on PostgreSQL: an H2 file
 * is opened by one process at a time.
 */
class TwoInstancesIT {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);

    @Test
    void whatOneInstanceWritesTheOtherServesWithinTwoSeconds() throws Exception {
        assumeTrue(TestData.onPostgresql(),
                "two instances share a PostgreSQL database (./mvnw verify -Ppostgresql); H2 in file mode has one process");
        Path firstDir = Files.createTempDirectory("evidence-instance-1");
        Path secondDir = Files.createTempDirectory("evidence-instance-2");
        int firstPort = PackagedServer.freePort();
        int secondPort = PackagedServer.freePort();
        Process first = PackagedServer.start(firstDir, firstPort, "two_instances");
        Process second = null;
        try {
            second = PackagedServer.start(secondDir, secondPort, "two_instances");
            String adminKey = Files.readString(firstDir.resolve("data").resolve("initial-admin-key")).strip();
            String feedTail = caughtUpToken(secondPort);

            // Published through the first: read, searched and in the feed of the second.
            Map<String, Object> caseStudy = TestData.caseStudy("council-integration-strategies");
            String word = "twoinstances" + TestData.unique("w").substring(2);
            caseStudy.put("title", "Seen by both instances " + word);
            caseStudy.put("status", "published");
            String slug = given().spec(TestKeys.bearer(adminKey)).port(firstPort).contentType(ContentType.JSON)
                    .body(caseStudy).when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
            long published = System.nanoTime();
            awaitAll(published, Map.of(
                    "the new case study read through the other instance",
                    () -> given().port(secondPort).when().get("/api/v1/case-studies/" + slug).statusCode() == 200,
                    "the new case study found by the other instance's search",
                    () -> slugsFound(secondPort, word).contains(slug),
                    "the new case study in the other instance's change feed",
                    () -> kindsInFeed(secondPort, feedTail, slug).contains("published")));

            // Edited through the second: the first serves the new version and finds the new word.
            int version = given().port(secondPort).when().get("/api/v1/case-studies/" + slug).then().statusCode(200)
                    .extract().path("version");
            String newWord = "renamedtwice" + TestData.unique("w").substring(2);
            given().spec(TestKeys.bearer(adminKey)).port(secondPort)
                    .contentType("application/merge-patch+json").header("If-Match", "\"" + version + "\"")
                    .body(Map.of("title", "Edited through the other instance " + newWord))
                    .when().patch("/api/v1/case-studies/" + slug).then().statusCode(200);
            long edited = System.nanoTime();
            awaitAll(edited, Map.of(
                    "the edit read through the first instance",
                    () -> given().port(firstPort).when().get("/api/v1/case-studies/" + slug).then().extract()
                            .path("version").equals(version + 1),
                    "the edit found by the first instance's search",
                    () -> slugsFound(firstPort, newWord).contains(slug) && !slugsFound(firstPort, word).contains(slug),
                    "the edit in the first instance's change feed",
                    () -> kindsInFeed(firstPort, feedTail, slug).contains("updated")));

            // Withdrawn through the first: gone from the second's reads and search, a tombstone in its feed.
            given().spec(TestKeys.bearer(adminKey)).port(firstPort).header("If-Match", "*")
                    .when().delete("/api/v1/case-studies/" + slug).then().statusCode(204);
            long withdrawn = System.nanoTime();
            awaitAll(withdrawn, Map.of(
                    "the withdrawal read through the other instance",
                    () -> given().port(secondPort).when().get("/api/v1/case-studies/" + slug).statusCode() == 410,
                    "the withdrawal in the other instance's search",
                    () -> !slugsFound(secondPort, newWord).contains(slug),
                    "the withdrawal in the other instance's change feed",
                    () -> kindsInFeed(secondPort, feedTail, slug).contains("withdrawn")));
        } finally {
            if (second != null) {
                PackagedServer.stop(second);
            }
            PackagedServer.stop(first);
        }
    }

    /**
     * Asks each question in turn, again and again, until each has been answered yes once, and fails for any not
     * answered yes to a request sent within two seconds of the write. All are asked from the start, so that a slow
     * one does not delay the others' first asking.
     */
    private static void awaitAll(long writtenAtNanos, Map<String, BooleanSupplier> questions) throws InterruptedException {
        Map<String, BooleanSupplier> pending = new LinkedHashMap<>(new TreeMap<>(questions));
        long deadline = writtenAtNanos + VISIBLE_WITHIN.toNanos();
        while (!pending.isEmpty()) {
            for (Iterator<Map.Entry<String, BooleanSupplier>> each = pending.entrySet().iterator(); each.hasNext(); ) {
                Map.Entry<String, BooleanSupplier> question = each.next();
                long asked = System.nanoTime();
                if (asked > deadline) {
                    throw new AssertionError(question.getKey() + ": not within " + VISIBLE_WITHIN.toMillis() + " ms");
                }
                if (question.getValue().getAsBoolean()) {
                    System.out.printf("TwoInstancesIT: %s after %d ms%n", question.getKey(),
                            Duration.ofNanos(asked - writtenAtNanos).toMillis());
                    each.remove();
                }
            }
            Thread.sleep(20);
        }
    }

    private static List<String> slugsFound(int port, String word) {
        return given().port(port).queryParam("q", word).when().get("/api/v1/case-studies")
                .then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);
    }

    /** Where the change feed of the instance on {@code port} ends now. */
    private static String caughtUpToken(int port) {
        String token = null;
        for (int pages = 0; pages < 1000; pages++) {
            var request = given().port(port).queryParam("limit", 100);
            if (token != null) {
                request.queryParam("since", token);
            }
            JsonPath page = request.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            token = page.getString("next");
            if (page.getBoolean("caughtUp")) {
                return token;
            }
        }
        throw new AssertionError("the change feed never caught up");
    }

    /** The kinds of change the feed of the instance on {@code port} gives about {@code slug} after {@code since}. */
    private static List<String> kindsInFeed(int port, String since, String slug) {
        List<String> kinds = new ArrayList<>();
        String token = since;
        for (int pages = 0; pages < 1000; pages++) {
            JsonPath page = given().port(port).queryParam("since", token).queryParam("limit", 100)
                    .when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (slug.equals(item.get("slug"))) {
                    kinds.add((String) item.get("kind"));
                }
            }
            token = page.getString("next");
            if (page.getBoolean("caughtUp")) {
                return kinds;
            }
        }
        throw new AssertionError("the change feed never caught up");
    }
}
