package org.integrationevidence.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.PackagedServer;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The same black-box suite against the packaged application, and the attacks on API keys that need its real
 * concurrency (API2 Broken Authentication): many connections racing a revocation, and two admins revoking each other,
 * on a server of their own where no other admin key exists; and a restart whose provisioned admin key was revoked.
 */
@QuarkusIntegrationTest
class OwaspApiTop10IT extends OwaspApiTop10Test {

    private static final String KEYS = "/api/v1/keys";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The packaged servers started here take their test traffic, and refused keys, without limits. */
    private static final Map<String, String> NO_LIMITS = Map.of("EVIDENCE_RATE_LIMIT_KEY_REQUESTS", "1000000",
            "EVIDENCE_RATE_LIMIT_ADDRESS_REQUESTS", "1000000", "EVIDENCE_RATE_LIMIT_FAILED_KEYS", "1000000");

    /**
     * A key's last use was written back with the whole row read before a revocation committed, and so undid it:
     * a stolen key in constant use revoked itself back. Each round revokes a fresh key while four connections use it.
     */
    @Test
    void api2ARevocationStaysWhileTheKeyIsInUse() throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        String admin = TestKeys.admin();
        List<Integer> lost = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            for (int round = 0; round < 1000; round++) {
                JsonNode created = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + KEYS))
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", "revocation race "
                                + round, "owner", "Revocation race", "role", "curator"))))
                        .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                String key = created.path("key").asText();
                long id = created.path("details").path("id").asLong();
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    calls.add(() -> send(base + "/api/v1/evidence-levels", "GET", key));
                }
                calls.add(() -> send(base + KEYS + "/" + id, "DELETE", admin));
                List<Integer> statuses = together(pool, calls);
                assertEquals(204, statuses.get(4), "the revocation of round " + round);
                JsonNode details = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + KEYS + "/" + id))
                        .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body());
                if (details.path("revokedAt").isNull() || send(base + "/api/v1/evidence-levels", "GET", key) != 401) {
                    lost.add(round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), lost, "rounds whose revocation was undone");
    }

    /**
     * The last usable admin key cannot be revoked, but the rule was checked and then acted on: two admins revoking
     * each other at the same moment both succeeded, and nobody could manage keys any more. On a server of its own,
     * where these two are the only admin keys, each round exactly one must win.
     */
    @Test
    void api2TwoAdminsRevokingEachOtherAtOnceLeaveOneAdmin() throws Exception {
        Path workDir = Files.createTempDirectory("evidence-admin-race");
        int port = PackagedServer.freePort();
        String base = "http://localhost:" + port;
        Process server = PackagedServer.start(workDir, port, "admin_race", NO_LIMITS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            String survivor = Files.readString(workDir.resolve("data/initial-admin-key")).strip();
            long survivorId = given().spec(bearer(survivor)).port(port).when().get(KEYS).then().statusCode(200)
                    .extract().jsonPath().getLong("items[0].id");
            for (int round = 0; round < 300; round++) {
                JsonPath created = given().spec(bearer(survivor)).port(port).contentType(ContentType.JSON)
                        .body(Map.of("name", "admin race " + round, "owner", "Admin race", "role", "admin"))
                        .when().post(KEYS).then().statusCode(201).extract().jsonPath();
                String other = created.getString("key");
                long otherId = created.getLong("details.id");
                String first = survivor;
                long firstId = survivorId;
                List<Integer> statuses = together(pool, List.of(
                        () -> send(base + KEYS + "/" + otherId, "DELETE", first),
                        () -> send(base + KEYS + "/" + firstId, "DELETE", other)));
                // The loser is refused as the last admin key's (409), or, if the winner's revocation committed before
                // its own key was looked up, as a revoked key (401).
                assertEquals(1, statuses.stream().filter(status -> status == 204).count(),
                        "round " + round + ": exactly one revocation succeeds, of " + statuses);
                assertTrue(statuses.contains(409) || statuses.contains(401), "round " + round + ": " + statuses);
                if (statuses.get(1) == 204) {
                    survivor = other;
                    survivorId = otherId;
                }
                long usable = given().spec(bearer(survivor)).port(port).when().get(KEYS).then().statusCode(200)
                        .extract().jsonPath().getList("items.findAll { it.role == 'admin' && it.active }").size();
                assertEquals(1, usable, "usable admin keys after round " + round);
            }
        } finally {
            pool.shutdownNow();
            PackagedServer.stop(server);
        }
    }

    /**
     * No admin key is usable (the provisioned one was revoked, the other admin's expired) and the provisioned one is
     * still configured: the start failed on a unique key, and kept failing. It must start, serve the public, say
     * what to do, and take a new provisioned key at the next start.
     */
    @Test
    void api2ARevokedProvisionedAdminKeyNeitherStopsTheServiceNorComesBack() throws Exception {
        Path workDir = Files.createTempDirectory("evidence-revoked-bootstrap");
        int port = PackagedServer.freePort();
        String provisioned = "iek_" + TestData.unique("provisioned").replace("-", "") + "x".repeat(40);
        Map<String, String> settings = new java.util.HashMap<>(NO_LIMITS);
        settings.put("EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY", provisioned);
        Process server = PackagedServer.start(workDir, port, "revoked_bootstrap", settings);
        try {
            String expiring = given().spec(bearer(provisioned)).port(port).contentType(ContentType.JSON)
                    .body(Map.of("name", "expires soon", "owner", "Operator", "role", "admin",
                            "expiresAt", Instant.now().plusSeconds(3).toString()))
                    .when().post(KEYS).then().statusCode(201).extract().path("key");
            long provisionedId = given().spec(bearer(expiring)).port(port).when().get(KEYS).then().statusCode(200)
                    .extract().jsonPath().getLong("items.find { it.name == 'bootstrap' }.id");
            given().spec(bearer(expiring)).port(port).when().delete(KEYS + "/" + provisionedId).then().statusCode(204);
            Thread.sleep(3500);
            given().spec(bearer(expiring)).port(port).when().get(KEYS).then().statusCode(401);
        } finally {
            PackagedServer.stop(server);
        }

        server = PackagedServer.start(workDir, port, "revoked_bootstrap", settings);
        try {
            given().port(port).when().get("/api/v1/case-studies").then().statusCode(200);
            given().spec(bearer(provisioned)).port(port).when().get(KEYS).then().statusCode(401);
            String log = serverLogs(workDir);
            assertTrue(log.contains("the key in evidence.keys.bootstrap-admin-key (EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY) was "
                    + "revoked at") && log.contains("set EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY to a new key"),
                    "the start says what to do about the revoked key; the logs: " + log);
        } finally {
            PackagedServer.stop(server);
        }

        String replacement = "iek_" + TestData.unique("replacement").replace("-", "") + "y".repeat(40);
        settings.put("EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY", replacement);
        server = PackagedServer.start(workDir, port, "revoked_bootstrap", settings);
        try {
            given().spec(bearer(replacement)).port(port).when().get(KEYS).then().statusCode(200)
                    .body("items.findAll { it.role == 'admin' && it.active }.size()", equalTo(1));
        } finally {
            PackagedServer.stop(server);
        }
    }

    /** Runs the calls at once, released together, and gives their results in the calls' order. */
    private static <T> List<T> together(ExecutorService pool, List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private static int send(String url, String method, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String serverLogs(Path workDir) throws Exception {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("server-")).sorted().toList()) {
                logs.append(Files.readString(file));
            }
        }
        return logs.toString();
    }
}
