package org.integrationevidence.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.PackagedServer;
import org.integrationevidence.TestData;
import org.integrationevidence.persistence.SchemaVersionLog;
import org.junit.jupiter.api.Test;

/**
 * A production log is JSON from its first line to its last: the packaged service, started as docs/operations/postgresql.md runs it on a
 * new database (so that Flyway migrates it while Quarkus starts, before the JSON formatter is installed), serving a
 * request and stopped, writes nothing else, and says which schema version it runs on. A database that a newer build
 * migrated further than this one knows is refused, with the migration named.
 */
class ProductionLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineOfAStartOnANewDatabaseIsAJsonObject() throws Exception {
        Path workDir = Files.createTempDirectory("evidence-production-log");
        int port = PackagedServer.freePort();
        Process server = PackagedServer.start(workDir, port, "production_log");
        try {
            given().port(port).when().get("/api/v1/case-studies").then().statusCode(200);
        } finally {
            PackagedServer.stop(server);
        }

        List<String> lines = Files.readAllLines(serverLog(workDir)).stream().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.size() > 3, "the start, the request and the stop are logged: " + lines);
        List<JsonNode> records = lines.stream().map(ProductionLogIT::parse).toList();
        String schema = records.stream().filter(record -> record.path("logger").asText().equals(SchemaVersionLog.class.getName()))
                .map(record -> record.path("message").asText()).findFirst().orElseThrow(() -> new AssertionError("no schema line: " + lines));
        Matcher version = Pattern.compile("The database schema is at version (\\d+), last migrated at \\S+; this start applied "
                + "(1 \\(catalogue\\)(, \\d+ \\([^)]+\\))*)\\.").matcher(schema);
        assertTrue(version.matches(), schema);
        assertEquals(Integer.parseInt(version.group(1)), version.group(2).split(", ").length,
                "a new database gets every migration, numbered from 1: " + schema);
        assertTrue(records.stream().anyMatch(record -> record.path("message").asText().startsWith("GET /api/v1/case-studies 200")),
                "the request is in the access log: " + lines);
    }

    @Test
    void aStartOnADatabaseMigratedByANewerBuildIsRefusedNamingTheMigrationItDoesNotKnow() throws Exception {
        Path workDir = Files.createTempDirectory("evidence-production-log");
        int port = PackagedServer.freePort();
        PackagedServer.stop(PackagedServer.start(workDir, port, "production_log_newer"));
        // What a newer build's migration leaves behind in Flyway's history table.
        try (Connection connection = database(workDir, "production_log_newer"); Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                    + " values (1000, '999', 'from a newer build', 'SQL', 'V999__from_a_newer_build.sql', 0, 'test',"
                    + " current_timestamp, 0, true)");
        }
        Files.delete(serverLog(workDir));

        Process[] started = new Process[1];
        AssertionError refused;
        try {
            refused = assertThrows(AssertionError.class, () -> started[0] = PackagedServer.start(workDir, port, "production_log_newer"));
        } finally {
            if (started[0] != null) {
                PackagedServer.stop(started[0]);
            }
        }

        assertTrue(refused.getMessage().startsWith("the server exited during start-up"), refused.getMessage());
        String log = Files.readString(serverLog(workDir));
        assertTrue(log.contains("Detected applied migration not resolved locally: 999."), log);
    }

    /** The database of a packaged server started with {@link PackagedServer#start}, while it is stopped. */
    private static Connection database(Path workDir, String name) throws Exception {
        if (TestData.onPostgresql()) {
            String schema = System.getProperty("evidence-test.postgresql.schema-prefix") + "_" + name;
            return DriverManager.getConnection(System.getProperty("evidence-test.postgresql.url") + "?currentSchema=" + schema,
                    System.getProperty("evidence-test.postgresql.user"), System.getProperty("evidence-test.postgresql.password"));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/evidence"), "evidence", "");
    }

    private static Path serverLog(Path workDir) throws Exception {
        try (Stream<Path> files = Files.list(workDir)) {
            List<Path> logs = files.filter(file -> file.getFileName().toString().startsWith("server-")).toList();
            assertEquals(1, logs.size(), "one server log in " + workDir);
            return logs.get(0);
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode record = JSON.readTree(line);
            assertTrue(record.isObject() && record.hasNonNull("level") && record.hasNonNull("message"),
                    "a log record: " + line);
            return record;
        } catch (JsonProcessingException e) {
            return fail("a production log line that is not JSON: " + line);
        }
    }
}
