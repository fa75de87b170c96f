package org.integrationevidence.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test receiver itself, before it judges the service: a stand-in sender here signs as Standard Webhooks says
 * (HMAC-SHA256 over id.timestamp.body, with this class's own code), and the receiver, verifying with the
 * standardwebhooks library, must accept what is signed right, with either secret of a rotation, and refuse what is
 * not. Starts no service; needs Node.js 20 (skipped with the reason without it, see NodeScripts).
 */
class WebhookReceiverUnitTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = WebhookReceiver.start(Path.of("target/webhook-receiver-unit/deliveries.jsonl"), 2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void acceptsWhatIsSignedAndRejectsWhatIsNot() throws Exception {
        String secret = newSecret();
        receiver.configure("/plain", Map.of("current", secret), "ok");
        assertEquals(204, send("/plain", "msg_1", event(1, "a"), List.of(secret), false));
        assertEquals(400, send("/plain", "msg_2", event(2, "a"), List.of(secret), true), "a tampered body");
        assertEquals(400, send("/plain", "msg_3", event(3, "a"), List.of(newSecret()), false), "another secret");
        assertEquals(List.of("msg_1"), receiver.accepted("/plain").stream().map(WebhookReceiver.Delivery::webhookId).toList());
        assertEquals(List.of("msg_2", "msg_3"),
                receiver.rejected("/plain").stream().map(WebhookReceiver.Delivery::webhookId).toList());
        WebhookReceiver.Delivery delivery = receiver.accepted("/plain").get(0);
        assertEquals("case-study.published", delivery.type());
        assertEquals(1L, delivery.position());
        assertEquals("a", delivery.slug());
        assertEquals(List.of("current"), delivery.verifiedBy());
    }

    @Test
    void servesEveryPortAndReplaysWhatItKept() throws Exception {
        String secret = newSecret();
        receiver.configure("/kept", Map.of("s", secret), "ok", true);
        assertEquals(204, sendTo(receiver.url("/kept", 1), "msg_k", event(4, "k"), List.of(secret), false));
        WebhookReceiver.Delivery kept = receiver.accepted("/kept").get(0);
        assertEquals(204, receiver.replay(kept, kept.body()), "the same bytes again");
        assertEquals(400, receiver.replay(kept, kept.body().replace("\"k\"", "\"x\"")), "a tampered body");
        assertEquals(List.of("msg_k"), receiver.rejected("/kept").stream().map(WebhookReceiver.Delivery::webhookId).toList());
    }

    @Test
    void twoSignaturesPassWithEitherSecretAlone() throws Exception {
        String oldSecret = newSecret();
        String newSecret = newSecret();
        receiver.configure("/new-only", Map.of("new", newSecret), "ok");
        receiver.configure("/old-only", Map.of("old", oldSecret), "ok");
        receiver.configure("/both", Map.of("new", newSecret, "old", oldSecret), "ok");
        for (String path : List.of("/new-only", "/old-only", "/both")) {
            assertEquals(204, send(path, "msg_" + path, event(5, "b"), List.of(newSecret, oldSecret), false), path);
            assertEquals(2, receiver.accepted(path).get(0).signatures());
        }
        assertEquals(List.of("new", "old"), receiver.accepted("/both").get(0).verifiedBy().stream().sorted().toList());
        receiver.configure("/neither", Map.of("other", newSecret()), "ok");
        assertEquals(400, send("/neither", "msg_x", event(5, "b"), List.of(newSecret, oldSecret), false));
    }

    @Test
    void behavesAsConfigured() throws Exception {
        String secret = newSecret();
        receiver.configure("/failing", Map.of("s", secret), "fail503:1");
        assertEquals(503, send("/failing", "msg_f", event(1, "c"), List.of(secret), false));
        Thread.sleep(1100);
        assertEquals(204, send("/failing", "msg_f", event(1, "c"), List.of(secret), false));
        receiver.configure("/gone", Map.of("s", secret), "gone");
        assertEquals(410, send("/gone", "msg_g", event(1, "c"), List.of(secret), false));
        receiver.configure("/slow", Map.of("s", secret), "slow:300");
        long started = System.nanoTime();
        assertEquals(204, send("/slow", "msg_s", event(1, "c"), List.of(secret), false));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
        assertEquals(1, receiver.accepted("/failing").size());
        assertEquals(0, receiver.accepted("/gone").size());
    }

    @Test
    void checksTheOrderOfPositions() throws Exception {
        String secret = newSecret();
        receiver.configure("/ordered", Map.of("s", secret), "ok");
        send("/ordered", "msg_o1", event(10, "d"), List.of(secret), false);
        send("/ordered", "msg_o2", event(11, "d"), List.of(secret), false);
        send("/ordered", "msg_o1", event(10, "d"), List.of(secret), false); // a repeat: at least once
        assertEquals(List.of(10L, 11L), receiver.assertInPositionOrder("/ordered"));
        receiver.configure("/disordered", Map.of("s", secret), "ok");
        send("/disordered", "msg_d2", event(21, "e"), List.of(secret), false);
        send("/disordered", "msg_d1", event(20, "e"), List.of(secret), false);
        assertThrows(AssertionError.class, () -> receiver.assertInPositionOrder("/disordered"));
    }

    private static String event(long position, String slug) {
        return "{\"type\":\"case-study.published\",\"timestamp\":\"2026-12-07T03:00:00Z\",\"data\":{\"position\":" + position
                + ",\"kind\":\"published\",\"slug\":\"" + slug + "\",\"version\":0,\"caseStudy\":{\"slug\":\"" + slug + "\"}}}";
    }

    /** Sends as a Standard Webhooks sender would, signed with each secret; tampered: the body changes after signing. */
    private static int send(String path, String id, String body, List<String> secrets, boolean tampered) throws Exception {
        return sendTo(receiver.url(path), id, body, secrets, tampered);
    }

    private static int sendTo(String url, String id, String body, List<String> secrets, boolean tampered) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        StringBuilder signatures = new StringBuilder();
        for (String secret : secrets) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            signatures.append(signatures.isEmpty() ? "" : " ").append("v1,").append(Base64.getEncoder().encodeToString(signature));
        }
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signatures.toString())
                .POST(HttpRequest.BodyPublishers.ofString(tampered ? body.replace("\"version\":0", "\"version\":1") : body))
                .build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

    private static String newSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
