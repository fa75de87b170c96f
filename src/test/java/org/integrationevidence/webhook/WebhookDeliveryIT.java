package org.integrationevidence.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.PackagedServer;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.integrationevidence.webhook.WebhookReceiver.Delivery;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries from the packaged application, checked by an independent receiver that verifies them with the
 * Standard Webhooks reference library (src/test/webhooks/receiver.mjs, npm standardwebhooks): a signed delivery of a
 * publication, the signatures of both secrets during a rotation's overlap (each secret alone verifies the delivery),
 * a test event, and the library refusing a tampered body and a wrong secret. Needs Node.js 20 (skipped with the reason
 * without it, see NodeScripts).
 */
class WebhookDeliveryIT {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void deliveriesAreSignedAsStandardWebhooksSaysThroughARotation() throws Exception {
        Path workDir = Files.createTempDirectory("evidence-webhook-delivery");
        int port = PackagedServer.freePort();
        try (WebhookReceiver receiver = WebhookReceiver.start(workDir.resolve("deliveries.jsonl"))) {
            Process server = PackagedWebhooks.start(workDir, port, "webhook_delivery");
            try {
                String key = PackagedWebhooks.adminKey(workDir);
                JsonPath webhook = PackagedWebhooks.register(port, key, receiver.url("/hook"), null, null, "WebhookDeliveryIT");
                String id = webhook.getString("id");
                String firstSecret = webhook.getString("secret");
                assertEquals(List.of("published", "updated", "withdrawn", "deleted"), webhook.getList("events"),
                        "the four kinds of change of case studies by default");
                receiver.configure("/hook", Map.of("first", firstSecret), "ok", true);

                // A publication: one signed delivery, verified by the library with the secret of the registration.
                Instant before = Instant.now();
                String slug = publish(port, key);
                Delivery published = receiver.await("/hook", d -> slug.equals(d.slug()), WITHIN);
                assertEquals("case-study.published", published.type());
                assertEquals("published", published.kind());
                assertTrue(published.hasCaseStudy(), "the public JSON of the case study is in the delivery");
                assertEquals(1, published.signatures());
                assertEquals(List.of("first"), published.verifiedBy());
                assertTrue(published.position() != null && published.position() > webhook.getLong("position"));
                assertTrue(published.webhookId().length() > 0 && published.webhookId().length() <= 40, published.webhookId());
                assertTrue(Math.abs(published.webhookTimestamp() - before.getEpochSecond()) < 60,
                        "webhook-timestamp is the Unix time in seconds: " + published.webhookTimestamp());
                Instant.parse(published.eventTimestamp());

                // The library can fail: the same delivery with a changed body, or checked with another secret, is refused.
                assertEquals(400, receiver.replay(published, published.body().replace(slug, slug + "-tampered")));
                assertEquals(204, receiver.replay(published, published.body()), "the untouched delivery still verifies");

                // The service's log of it.
                PackagedWebhooks.awaitDrained(port, key, id, WITHIN);
                Map<String, Object> logged = PackagedWebhooks.deliveries(port, key, id).stream()
                        .filter(d -> published.webhookId().equals(d.get("messageId"))).findFirst()
                        .orElseThrow(() -> new AssertionError("delivery " + published.webhookId() + " is not in the log"));
                assertEquals("delivered", logged.get("status"));
                assertEquals("case-study.published", logged.get("type"));
                assertEquals(slug, logged.get("slug"));

                // Rotation with an overlap: each delivery carries the new and the old signature, and each secret alone
                // verifies it (the receiver verifies with each secret apart and says which did).
                JsonPath rotated = given().spec(TestKeys.bearer(key)).port(port).contentType(ContentType.JSON)
                        .body(Map.of("overlapSeconds", 3600)).when().post("/api/v1/webhooks/" + id + "/rotate-secret")
                        .then().statusCode(200).extract().jsonPath();
                String secondSecret = rotated.getString("secret");
                assertTrue(secondSecret.startsWith("whsec_"), secondSecret);
                assertNotEquals(firstSecret, secondSecret);
                assertNull(PackagedWebhooks.webhook(port, key, id).getString("secret"), "the secret is shown only once");
                receiver.configure("/hook", Map.of("new", secondSecret, "old", firstSecret), "ok", true);
                int version = given().port(port).when().get("/api/v1/case-studies/" + slug).then().statusCode(200)
                        .extract().path("version");
                given().spec(TestKeys.bearer(key)).port(port).contentType("application/merge-patch+json")
                        .header("If-Match", "\"" + version + "\"").body(Map.of("title", "Renamed for the rotation"))
                        .when().patch("/api/v1/case-studies/" + slug).then().statusCode(200);
                Delivery updated = receiver.await("/hook", d -> "case-study.updated".equals(d.type()) && slug.equals(d.slug()),
                        WITHIN);
                assertEquals(2, updated.signatures(), "two signatures during the overlap: " + updated.signatureHeader());
                assertEquals(List.of("new", "old"), updated.verifiedBy().stream().sorted().toList(),
                        "each secret alone verifies the delivery");
                assertTrue(updated.position() > published.position());

                // The test event: no position, signed the same way.
                given().spec(TestKeys.bearer(key)).port(port).when().post("/api/v1/webhooks/" + id + "/test")
                        .then().statusCode(org.hamcrest.Matchers.lessThan(300));
                Delivery test = receiver.await("/hook", d -> "webhook.test".equals(d.type()), WITHIN);
                assertNull(test.position());
                assertEquals(List.of("new", "old"), test.verifiedBy().stream().sorted().toList());

                // A receiver that knows neither secret refuses the delivery (400), which the service does not count as
                // delivered.
                receiver.configure("/hook", Map.of("wrong", "whsec_" + java.util.Base64.getEncoder().encodeToString(
                        "a secret the service never had".getBytes())), "ok", true);
                given().spec(TestKeys.bearer(key)).port(port).when().post("/api/v1/webhooks/" + id + "/test")
                        .then().statusCode(org.hamcrest.Matchers.lessThan(300));
                Instant deadline = Instant.now().plus(WITHIN);
                while (receiver.rejected("/hook").stream().noneMatch(d -> !d.webhookId().equals(published.webhookId()))) {
                    assertTrue(Instant.now().isBefore(deadline), "no delivery reached the receiver with the wrong secret");
                    Thread.sleep(50);
                }
                Delivery refused = receiver.rejected("/hook").stream()
                        .filter(d -> !d.webhookId().equals(published.webhookId())).findFirst().orElseThrow();
                assertTrue(refused.error().contains("No matching signature"), refused.error());
                assertEquals(1, receiver.accepted("/hook").stream().filter(d -> "webhook.test".equals(d.type())).count());

                given().spec(TestKeys.bearer(key)).port(port).when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
            } finally {
                PackagedServer.stop(server);
            }
        }
    }

    /** Publishes a new case study through the API and returns its slug. */
    static String publish(int port, String key) {
        Map<String, Object> caseStudy = TestData.caseStudy("council-integration-strategies");
        caseStudy.put("status", "published");
        return given().spec(TestKeys.bearer(key)).port(port).contentType(ContentType.JSON).body(caseStudy)
                .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
    }
}
