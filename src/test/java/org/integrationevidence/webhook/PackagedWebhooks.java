package org.integrationevidence.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.integrationevidence.PackagedServer;
import org.integrationevidence.TestKeys;

/**
 * The packaged service as the webhook tests start it, with deliveries allowed to the receiver on 127.0.0.1 over plain
 * http and retried quickly, and the calls of the webhook API they make with its admin key.
 */
final class PackagedWebhooks {

    /** Deliveries to 127.0.0.1 over http, retried after 0.2 s at first and at most 1 s apart, so that tests are quick. */
    static final Map<String, String> SETTINGS = Map.of(
            "EVIDENCE_WEBHOOKS_ALLOWED_DESTINATIONS", "127.0.0.1/32",
            "EVIDENCE_WEBHOOKS_REQUIRE_HTTPS", "false",
            "EVIDENCE_WEBHOOKS_RETRY_INITIAL_INTERVAL", "0.2s",
            "EVIDENCE_WEBHOOKS_RETRY_MAX_INTERVAL", "1s",
            "EVIDENCE_WEBHOOKS_POLL_INTERVAL", "200ms",
            "EVIDENCE_RATE_LIMIT_KEY_REQUESTS", "1000000",
            "EVIDENCE_RATE_LIMIT_ADDRESS_REQUESTS", "1000000");

    private PackagedWebhooks() {
    }

    static Process start(Path workDir, int port, String database) throws IOException, InterruptedException {
        return PackagedServer.start(workDir, port, database, SETTINGS);
    }

    /** The admin key the first start wrote in the data directory. */
    static String adminKey(Path workDir) throws IOException {
        return Files.readString(workDir.resolve("data").resolve("initial-admin-key")).strip();
    }

    /** Registers a webhook and checks the answer: 201, its Location, active, and a secret shown once. */
    static JsonPath register(int port, String key, String url, List<String> events, Map<String, Object> filters,
            String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        if (events != null) {
            body.put("events", events);
        }
        if (filters != null) {
            body.put("filters", filters);
        }
        body.put("description", description);
        Response response = given().spec(TestKeys.bearer(key)).port(port).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks");
        assertEquals(201, response.statusCode(), "registering " + url + ": " + response.asString());
        JsonPath webhook = response.jsonPath();
        String id = webhook.getString("id");
        assertTrue(response.header("Location").endsWith("/api/v1/webhooks/" + id), response.header("Location"));
        assertEquals("active", webhook.getString("status"));
        assertTrue(webhook.getString("secret").matches("whsec_[A-Za-z0-9+/]+=*"), webhook.getString("secret"));
        return webhook;
    }

    static JsonPath webhook(int port, String key, String id) {
        return given().spec(TestKeys.bearer(key)).port(port).when().get("/api/v1/webhooks/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until no delivery of the webhook is pending any more. */
    static void awaitDrained(int port, String key, String id, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        JsonPath webhook = webhook(port, key, id);
        while (webhook.getLong("pending") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("webhook " + id + " still has " + webhook.getLong("pending")
                        + " deliveries pending after " + within + ": " + webhook.prettify());
            }
            Thread.sleep(250);
            webhook = webhook(port, key, id);
        }
    }

    /** Every delivery in the webhook's log, following the pages. */
    static List<Map<String, Object>> deliveries(int port, String key, String id) {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = null;
        for (int pages = 0; pages < 1000; pages++) {
            var request = given().spec(TestKeys.bearer(key)).port(port).queryParam("limit", 100);
            if (next != null) {
                request.queryParam("cursor", next);
            }
            JsonPath page = request.when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .extract().jsonPath();
            all.addAll(page.getList("items"));
            next = page.getString("next");
            if (next == null || page.getList("items").isEmpty()) {
                return all;
            }
        }
        throw new AssertionError("the delivery log of webhook " + id + " never ended");
    }

    /** A change of the public feed. */
    record Change(long position, String kind, String slug, long version, String changedAt) {
    }

    /** The whole change feed, oldest first. */
    static List<Change> feed(int port) {
        List<Change> changes = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < 10_000; pages++) {
            var request = given().port(port).queryParam("limit", 100);
            if (token != null) {
                request.queryParam("since", token);
            }
            JsonPath page = request.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                changes.add(new Change(((Number) item.get("position")).longValue(), (String) item.get("kind"),
                        (String) item.get("slug"), item.get("version") == null ? -1 : ((Number) item.get("version")).longValue(),
                        (String) item.get("changedAt")));
            }
            token = page.getString("next");
            if (page.getBoolean("caughtUp")) {
                return changes;
            }
        }
        throw new AssertionError("the change feed never caught up");
    }

    /** The position of the last change in the feed, 0 when it is empty. */
    static long head(int port) {
        List<Change> feed = feed(port);
        return feed.isEmpty() ? 0 : feed.get(feed.size() - 1).position();
    }
}
