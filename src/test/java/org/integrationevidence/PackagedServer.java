package org.integrationevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application started as a process of its own, as the README runs it: in a working directory of the
 * test's, with the default configuration (so its data directory is ./data there). On H2 its database is in that data
 * directory; on PostgreSQL ({@code ./mvnw verify -Ppostgresql}) it is a schema of the run's, named after
 * {@code database}, so that the tests that start their own servers find an empty database as on H2, and two servers
 * started with the same name share one.
 */
public final class PackagedServer {

    private PackagedServer() {
    }

    /** Starts the packaged application on {@code port} and returns once it answers. */
    public static Process start(Path workDir, int port, String database) throws IOException, InterruptedException {
        return start(workDir, port, database, Map.of());
    }

    /** The same, with more environment variables (settings such as EVIDENCE_RATE_LIMIT_KEY_REQUESTS). */
    public static Process start(Path workDir, int port, String database, Map<String, String> settings)
            throws IOException, InterruptedException {
        File jar = Path.of(System.getProperty("evidence-test.build-directory", "target"), "quarkus-app", "quarkus-run.jar").toFile();
        assertTrue(jar.isFile(), "the packaged application is missing: " + jar);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", jar.getAbsolutePath())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("server-" + System.nanoTime() + ".log").toFile());
        Map<String, String> environment = builder.environment();
        environment.remove("EVIDENCE_DATA_DIR");
        environment.putAll(settings);
        if (TestData.onPostgresql()) {
            String schema = System.getProperty("evidence-test.postgresql.schema-prefix") + "_" + database;
            environment.put("QUARKUS_DATASOURCE_JDBC_URL",
                    System.getProperty("evidence-test.postgresql.url") + "?currentSchema=" + schema);
            environment.put("QUARKUS_FLYWAY_SCHEMAS", schema);
        }
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

    /** Stops it as an operator would (SIGTERM), and waits for it to exit. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(false, process.isAlive());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
