package org.integrationevidence.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks over HTTP: subscriptions and their rules, and deliveries to a receiver in the test (127.0.0.1 is
 * allow-listed in the test profile): signed, retried, ended by a 410, held while paused, filtered. Each test uses a
 * receiver and approaches of its own, so what other tests write reaches it only through unfiltered subscriptions,
 * which the tests below match by slug.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class WebhookTest {

    static final String WEBHOOKS = "/api/v1/webhooks";

    RecordingReceiver receiver;

    /** The subscriptions a test made, deleted after it so that the suite's later writes queue nothing for them. */
    final List<Long> subscribed = new java.util.ArrayList<>();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new RecordingReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
        TestKeys.actAsEditor(); // the owner of every subscription a test makes, whoever the test acted as last
        for (long id : subscribed) {
            given().when().delete(WEBHOOKS + "/" + id);
        }
    }

    JsonPath subscribe(Map<String, Object> body) {
        JsonPath created = given().contentType(ContentType.JSON).body(body).when().post(WEBHOOKS)
                .then().statusCode(201).extract().jsonPath();
        subscribed.add(created.getLong("id"));
        return created;
    }

    /** Verifies a Standard Webhooks signature header against one secret: true if one of its signatures matches. */
    static boolean signedWith(RecordingReceiver.Received received, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (received.id() + "." + received.timestamp() + "." + received.body()).getBytes(StandardCharsets.UTF_8)));
        return List.of(received.signature().split(" ")).contains(expected);
    }

    static String type(RecordingReceiver.Received received) {
        return JsonPath.from(received.body()).getString("type");
    }

    static String slug(RecordingReceiver.Received received) {
        return JsonPath.from(received.body()).getString("data.slug");
    }

    @Test
    void aPublishedCaseStudyIsDeliveredSignedWithTheSecretShownOnce() throws Exception {
        JsonPath created = subscribe(Map.of("url", receiver.url("hook"), "description", "Everything"));
        String secret = created.getString("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        long id = created.getLong("id");
        given().when().get(WEBHOOKS + "/" + id).then().statusCode(200)
                .body("secret", nullValue())
                .body("status", equalTo("active"))
                .body("events", equalTo(List.of("published", "updated", "withdrawn", "deleted")));

        String slug = TestData.create(TestData.caseStudy("school-linking"));
        RecordingReceiver.Received delivery = receiver.await(r -> slug.equals(slug(r)));
        assertEquals("case-study.published", type(delivery));
        assertTrue(signedWith(delivery, secret), "signed with the secret: " + delivery);
        assertTrue(delivery.id().startsWith("msg_"), delivery.id());
        assertTrue(Math.abs(Long.parseLong(delivery.timestamp()) - System.currentTimeMillis() / 1000) < 60);
        JsonPath body = JsonPath.from(delivery.body());
        assertEquals(slug, body.getString("data.caseStudy.slug"));
        assertEquals("published", body.getString("data.kind"));
        assertTrue(body.getLong("data.position") > 0);
        assertEquals("IntegrationEvidenceRepository-Webhooks/1", delivery.userAgent());

        given().when().get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(200)
                .body("items.messageId", hasItem(delivery.id()))
                .body("items.find { it.messageId == '" + delivery.id() + "' }.attempts[0].status", equalTo(204));
        given().when().delete(WEBHOOKS + "/" + id).then().statusCode(204);
        given().when().get(WEBHOOKS + "/" + id).then().statusCode(404);
    }

    @Test
    void aFilteredSubscriptionIsToldOnlyOfMatchesAndOnceWhenOneStopsMatching() throws Exception {
        String approach = TestData.createApproach(null);
        String other = TestData.createApproach(null);
        JsonPath created = subscribe(Map.of("url", receiver.url("filtered"), "filters", Map.of("approach", List.of(approach))));
        given().when().get(WEBHOOKS + "/" + created.getLong("id")).then()
                .body("filters.approach", equalTo(List.of(approach)));

        Map<String, Object> matching = TestData.caseStudy(approach);
        String matchingSlug = TestData.create(matching);
        String otherSlug = TestData.create(TestData.caseStudy(other));
        receiver.await(r -> matchingSlug.equals(slug(r)) && type(r).equals("case-study.published"));

        matching.put("approaches", List.of(other));
        given().contentType(ContentType.JSON).body(matching).when().put("/api/v1/case-studies/" + matchingSlug)
                .then().statusCode(200);
        RecordingReceiver.Received unmatched = receiver.await(r -> matchingSlug.equals(slug(r))
                && type(r).equals("case-study.unmatched"));
        assertEquals(null, (Object) JsonPath.from(unmatched.body()).get("data.caseStudy"));

        // A later change of the case study that no longer matches is not sent; nor is anything of the other one.
        given().contentType("application/merge-patch+json").body(Map.of("summary", "Changed after it stopped matching."))
                .when().patch("/api/v1/case-studies/" + matchingSlug).then().statusCode(200);
        String marker = TestData.create(TestData.caseStudy(approach));
        receiver.await(r -> marker.equals(slug(r)));
        List<String> told = receiver.received().stream().map(r -> type(r) + " " + slug(r)).toList();
        assertEquals(List.of("case-study.published " + matchingSlug, "case-study.unmatched " + matchingSlug,
                "case-study.published " + marker), told);
        assertFalse(told.toString().contains(otherSlug));
    }

    @Test
    void aFailingReceiverGetsTheSameMessageAgainWithBackoffUntilItAnswers() throws Exception {
        receiver.answer(n -> n <= 2 ? new RecordingReceiver.Answer(503, "Retry-After", "0", new byte[0], Duration.ZERO)
                : RecordingReceiver.Answer.status(200));
        JsonPath created = subscribe(Map.of("url", receiver.url("flaky"), "events", List.of("published")));
        String slug = TestData.create(TestData.caseStudy("school-linking"));
        receiver.await(r -> slug.equals(slug(r)) && receiver.received().stream().filter(x -> slug.equals(slug(x))).count() >= 3);
        List<RecordingReceiver.Received> attempts = receiver.received().stream().filter(r -> slug.equals(slug(r))).toList();
        assertEquals(1, attempts.stream().map(RecordingReceiver.Received::id).distinct().count(), "one webhook-id: " + attempts);
        assertEquals(1, attempts.stream().map(RecordingReceiver.Received::body).distinct().count(), "one body");
        awaitDelivered(created.getLong("id"), slug);
        given().when().get(WEBHOOKS + "/" + created.getLong("id") + "/deliveries").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.attempts.status", equalTo(List.of(503, 503, 200)))
                .body("items.find { it.slug == '" + slug + "' }.attempts[0].error", equalTo("503 Service Unavailable"));
        given().when().get(WEBHOOKS + "/" + created.getLong("id")).then().body("consecutiveFailures", equalTo(0));
    }

    private static void awaitDelivered(long id, String slug) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            String status = given().when().get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(200).extract()
                    .path("items.find { it.slug == '" + slug + "' }.status");
            if ("delivered".equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The delivery of " + slug + " was not recorded as delivered");
    }

    @Test
    void a410EndsTheSubscriptionAndARefusalIsNotRetried() throws Exception {
        receiver.answer(n -> RecordingReceiver.Answer.status(410));
        JsonPath gone = subscribe(Map.of("url", receiver.url("gone")));
        given().when().post(WEBHOOKS + "/" + gone.getLong("id") + "/test").then().statusCode(202)
                .body("type", equalTo("webhook.test")).body("status", equalTo("pending"));
        receiver.await(r -> "webhook.test".equals(type(r)));
        awaitStatus(gone.getLong("id"), "ended");
        given().when().get(WEBHOOKS + "/" + gone.getLong("id")).then().body("statusReason", containsString("410"));
        given().when().post(WEBHOOKS + "/" + gone.getLong("id") + "/resume").then().statusCode(409)
                .body("type", endsWith409());
    }

    private static org.hamcrest.Matcher<String> endsWith409() {
        return containsString("/problems/conflict");
    }

    private static void awaitStatus(long id, String status) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (status.equals(given().when().get(WEBHOOKS + "/" + id).then().extract().path("status"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The subscription " + id + " did not become " + status);
    }

    @Test
    void aRedirectIsAFailureThatIsNotFollowed() throws Exception {
        receiver.answer(n -> new RecordingReceiver.Answer(302, "Location", "http://169.254.169.254/latest/meta-data/",
                new byte[0], Duration.ZERO));
        JsonPath created = subscribe(Map.of("url", receiver.url("redirect")));
        JsonPath queued = given().when().post(WEBHOOKS + "/" + created.getLong("id") + "/test").then().statusCode(202)
                .extract().jsonPath();
        for (int i = 0; i < 100; i++) {
            String status = given().when().get(WEBHOOKS + "/" + created.getLong("id") + "/deliveries").then().extract()
                    .path("items.find { it.id == " + queued.getLong("id") + " }.status");
            if ("failed".equals(status)) {
                break;
            }
            Thread.sleep(100);
        }
        given().when().get(WEBHOOKS + "/" + created.getLong("id") + "/deliveries").then()
                .body("items.find { it.id == " + queued.getLong("id") + " }.status", equalTo("failed"))
                .body("items.find { it.id == " + queued.getLong("id") + " }.attempts.status", equalTo(List.of(302)));
        assertEquals(1, receiver.received().size(), "the redirect was not followed");
    }

    @Test
    void anOversizedOrSlowAnswerIsCutShort() throws Exception {
        receiver.answer(n -> n == 1 ? new RecordingReceiver.Answer(200, null, null, new byte[1_000_000], Duration.ZERO)
                : new RecordingReceiver.Answer(200, null, null, new byte[0], Duration.ofSeconds(4)));
        JsonPath created = subscribe(Map.of("url", receiver.url("big")));
        long id = created.getLong("id");
        given().when().post(WEBHOOKS + "/" + id + "/test").then().statusCode(202);
        given().when().post(WEBHOOKS + "/" + id + "/test").then().statusCode(202);
        for (int i = 0; i < 100 && receiver.received().size() < 2; i++) {
            Thread.sleep(100);
        }
        Thread.sleep(2500); // the timeout is 2 s in tests
        JsonPath log = given().when().get(WEBHOOKS + "/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
        // Newest first: the slow one failed with a timeout and waits for a retry; the large one was delivered.
        assertEquals("delivered", log.getString("items[1].status"));
        assertEquals(200, log.getInt("items[1].attempts[0].status"));
        assertEquals("pending", log.getString("items[0].status"));
        assertTrue(log.getString("items[0].attempts[0].error").contains("No answer within"), log.prettify());
    }

    @Test
    void refusedDestinationsAndBadSubscriptionsAreProblemDocumentsNamingTheField() {
        for (String url : List.of("http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data", "http://192.168.1.1/",
                "http://172.16.0.1/", "http://100.64.0.1/", "http://224.0.0.1/", "http://127.0.0.2/", "http://0.0.0.0/",
                "http://[fe80::1]/", "http://[fc00::1]/", "http://[::ffff:10.0.0.1]/", "http://localhost.invalid/")) {
            given().contentType(ContentType.JSON).body(Map.of("url", url)).when().post(WEBHOOKS)
                    .then().statusCode(400).body("type", containsString("/problems/validation"))
                    .body("errors[0].field", equalTo("url"));
        }
        for (String url : List.of("ftp://example.org/", "https://user:pw@example.org/", "/relative", "https://example.org/#f")) {
            given().contentType(ContentType.JSON).body(Map.of("url", url)).when().post(WEBHOOKS)
                    .then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url("x"), "events", List.of("published", "eaten")))
                .when().post(WEBHOOKS).then().statusCode(400).body("errors[0].field", equalTo("events[1]"));
        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url("x"), "filters",
                        Map.of("approach", List.of("no-such-approach"), "country", List.of("XX"))))
                .when().post(WEBHOOKS).then().statusCode(400).body("errors.field", hasItem("filters.country"));
        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url("x"), "filters",
                        Map.of("approach", List.of("no-such-approach"))))
                .when().post(WEBHOOKS).then().statusCode(400).body("errors[0].field", equalTo("filters.approach"));
    }

    @Test
    void onlyEditorsAndAdminsManageSubscriptionsAndEditorsOnlyTheirOwn() {
        JsonPath mine = subscribe(Map.of("url", receiver.url("mine")));
        TestKeys.actAnonymously();
        given().when().get(WEBHOOKS).then().statusCode(401);
        given().header("Authorization", "Bearer " + TestKeys.curator()).when().get(WEBHOOKS).then().statusCode(403);
        String otherEditor = TestKeys.create("editor", "Another editorial team");
        given().header("Authorization", "Bearer " + otherEditor).when().get(WEBHOOKS + "/" + mine.getLong("id"))
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + otherEditor).when().get(WEBHOOKS)
                .then().statusCode(200).body("items.id", not(hasItem(mine.getInt("id"))));
        given().header("Authorization", "Bearer " + TestKeys.admin()).when().get(WEBHOOKS)
                .then().statusCode(200).body("items.id", hasItem(mine.getInt("id")));
    }

    @Test
    void rotationSignsWithBothSecretsDuringTheOverlapAndPauseHoldsDeliveriesInOrder() throws Exception {
        JsonPath created = subscribe(Map.of("url", receiver.url("rotating"), "events", List.of("published", "updated")));
        long id = created.getLong("id");
        String old = created.getString("secret");
        JsonPath rotated = given().contentType(ContentType.JSON).body(Map.of("overlapSeconds", 3600))
                .when().post(WEBHOOKS + "/" + id + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).body("previousSecretUntil", notNullValue()).extract().jsonPath();
        String fresh = rotated.getString("secret");
        assertFalse(fresh.equals(old));

        given().when().post(WEBHOOKS + "/" + id + "/pause").then().statusCode(200).body("status", equalTo("paused"));
        Map<String, Object> caseStudy = TestData.caseStudy("school-linking");
        String slug = TestData.create(caseStudy);
        given().contentType("application/merge-patch+json").body(Map.of("summary", "Changed while the webhook was paused."))
                .when().patch("/api/v1/case-studies/" + slug).then().statusCode(200);
        for (int i = 0; i < 100; i++) {
            int pending = given().when().get(WEBHOOKS + "/" + id).then().extract().path("pending");
            if (pending >= 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(receiver.received().stream().noneMatch(r -> slug.equals(slug(r))), "nothing sent while paused");
        given().when().post(WEBHOOKS + "/" + id + "/resume").then().statusCode(200).body("status", equalTo("active"));
        receiver.await(r -> slug.equals(slug(r)) && type(r).equals("case-study.updated"));
        List<RecordingReceiver.Received> mine = receiver.received().stream().filter(r -> slug.equals(slug(r))).toList();
        assertEquals(List.of("case-study.published", "case-study.updated"), mine.stream().map(WebhookTest::type).toList());
        for (RecordingReceiver.Received r : mine) {
            assertEquals(2, r.signature().split(" ").length, r.signature());
            assertTrue(signedWith(r, fresh) && signedWith(r, old), "signed with both secrets during the overlap");
        }
        // Redelivery: the same message id and body again.
        long deliveryId = given().when().get(WEBHOOKS + "/" + id + "/deliveries").then().extract()
                .jsonPath().getLong("items.find { it.type == 'case-study.updated' }.id");
        given().when().post(WEBHOOKS + "/" + id + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202)
                .body("messageId", equalTo(mine.get(1).id()));
        receiver.await(r -> r.id().equals(mine.get(1).id()) && r != mine.get(1) && r.at() > mine.get(1).at());
    }

    @Test
    void taxonomyChangesAreSentToSubscriptionsThatAskForThem() throws Exception {
        subscribe(Map.of("url", receiver.url("taxonomy"), "events", List.of("taxonomy")));
        String approach = TestData.createApproach(null);
        RecordingReceiver.Received created = receiver.await(r -> approach.equals(slug(r)));
        assertEquals("approach.created", type(created));
        assertEquals(approach, JsonPath.from(created.body()).getString("data.approach.slug"));
        given().when().delete("/api/v1/approaches/" + approach).then().statusCode(204);
        RecordingReceiver.Received deleted = receiver.await(r -> approach.equals(slug(r)) && type(r).equals("approach.deleted"));
        assertEquals(null, (Object) JsonPath.from(deleted.body()).get("data.approach"));
        // An approach deleted before its creation is planned: the creation comes without the approach, then its
        // deletion; planning goes on (it once stopped for good at the approach's 404).
        String shortLived = TestData.createApproach(null);
        given().when().delete("/api/v1/approaches/" + shortLived).then().statusCode(204);
        receiver.await(r -> shortLived.equals(slug(r)) && type(r).equals("approach.deleted"));
        // A case study's change is not a taxonomy event.
        String slug = TestData.create(TestData.caseStudy("school-linking"));
        Thread.sleep(1000);
        assertTrue(receiver.received().stream().noneMatch(r -> slug.equals(slug(r))));
    }

    @Test
    void metricsCountDeliveriesAndTheHealthCheckReportsSubscriptionsBehindWithoutFailing() throws Exception {
        subscribe(Map.of("url", receiver.url("metered")));
        String slug = TestData.create(TestData.caseStudy("school-linking"));
        receiver.await(r -> slug.equals(slug(r)));
        Thread.sleep(300);
        String metrics = given().header("Authorization", "Bearer " + TestKeys.monitor()).accept("text/plain")
                .when().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> webhookLines = metrics.lines().filter(line -> line.startsWith("evidence_webhook")).toList();
        assertTrue(webhookLines.stream().anyMatch(line -> line.startsWith("evidence_webhook_attempts_total{")
                && line.contains("outcome=\"delivered\"")), "attempts by outcome: " + webhookLines);
        assertTrue(webhookLines.stream().anyMatch(line -> line.startsWith("evidence_webhook_delivery_delay_seconds_count")),
                "delay: " + webhookLines);
        TestKeys.actAnonymously();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Webhook deliveries' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Webhook deliveries' }.data.subscriptionsBehind", notNullValue());
    }
}
