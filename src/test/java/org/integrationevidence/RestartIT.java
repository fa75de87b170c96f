package org.integrationevidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

/**
 * Data survives a restart: runs the packaged server as the README does (default configuration, so the database
 * goes to ./data under its working directory), writes, stops it the way an operator would (SIGTERM), starts it
 * again and reads. Also checks that the second start does not seed again, and that a deleted search index is
 * rebuilt from the database at the next start.
 */
class RestartIT {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path workDir = Files.createTempDirectory("evidence-restart");
        Path dataDir = workDir.resolve("data");
        int port = freePort();
        Process first = start(workDir, port);
        String slug;
        String adminKey;
        int seeded;
        try {
            seeded = given().port(port).when().get("/api/v1/case-studies").then().statusCode(200).extract().path("total");
            // The first start made an admin key, as a new user's would (README, "Keys and roles").
            adminKey = Files.readString(dataDir.resolve("initial-admin-key")).strip();
            String approach = given().spec(TestKeys.bearer(adminKey)).port(port).contentType(ContentType.JSON)
                    .body(Map.of("name", "Restart test approach", "definition", "Made by RestartIT."))
                    .when().post("/api/v1/approaches").then().statusCode(201).extract().path("slug");
            slug = given().spec(TestKeys.bearer(adminKey)).port(port).contentType(ContentType.JSON).body(TestData.caseStudy(approach))
                    .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        } finally {
            stop(first);
        }

        Process second = start(workDir, port);
        try {
            assertEquals(adminKey, Files.readString(dataDir.resolve("initial-admin-key")).strip(),
                    "a start with an admin key in the database makes no new one");
            given().spec(TestKeys.bearer(adminKey)).port(port).when().get("/api/v1/keys").then().statusCode(200);
            given().port(port).when().get("/api/v1/case-studies/" + slug)
                    .then().statusCode(200)
                    .body("title", equalTo("A test case study"))
                    .body("sources[0].publishedOn", equalTo("2017-08-25"));
            given().port(port).when().get("/api/v1/case-studies")
                    .then().statusCode(200).body("total", equalTo(seeded + 1));
        } finally {
            stop(second);
        }
        assertTrue(Files.exists(dataDir.resolve("evidence.mv.db")), "the database lives in the data directory");
        assertTrue(Files.isDirectory(dataDir.resolve("index")), "the search index lives in the data directory");

        // The index is derived data: deleted while the server is down, it is rebuilt from the database.
        try (java.util.stream.Stream<Path> paths = Files.walk(dataDir.resolve("index"))) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
        Process third = start(workDir, port);
        try {
            given().port(port).queryParam("q", "\"A test case study\"").when().get("/api/v1/case-studies")
                    .then().statusCode(200).body("items.slug", org.hamcrest.Matchers.hasItem(slug));
            given().port(port).when().get("/api/v1/case-studies")
                    .then().statusCode(200).body("total", equalTo(seeded + 1));
        } finally {
            stop(third);
        }
    }

    static Process start(Path workDir, int port) throws IOException, InterruptedException {
        File jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toFile();
        assertTrue(jar.isFile(), "the packaged application is missing: " + jar);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", jar.getAbsolutePath())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server-" + System.nanoTime() + ".log").toFile());
        builder.environment().remove("EVIDENCE_DATA_DIR");
        Process process = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertTrue(process.isAlive(), "the server exited during start-up; see its log in " + workDir);
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/approaches")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not answer within 60 seconds; see its log in " + workDir);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(false, process.isAlive());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
