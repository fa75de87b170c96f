package org.integrationevidence.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The online backup of the embedded database: admins only, and a round trip: the script it answers, run into a new
 * empty database, gives back every row of the catalogue (case studies of every status with their revisions, unicode
 * text included), the approaches, the keys' hashes and the server secrets. scripts/test-backup does the same round
 * trip through scripts/backup and scripts/restore and a second server, comparing every case study over HTTP.
 */
@QuarkusTest
class DatabaseBackupTest {

    private static final String BACKUP = "/api/v1/database-backup";
    /** Every table whose rows nothing but a request changes: the audit log and the change feed fill in the background. */
    private static final List<String> TABLES = List.of("approach", "case_study", "case_study_approach", "case_study_theme",
            "case_study_target_group", "case_study_lead_organisation", "case_study_partner_organisation",
            "case_study_finding", "case_study_finding_source", "outcome_domain", "case_study_source", "case_study_transition",
            "case_study_revision", "case_study_slug_alias", "api_key", "server_secret", "seed_history");

    @Inject
    DataSource live;

    @Test
    void onlyAdminsMayTakeABackup() {
        given().when().get(BACKUP).then().statusCode(401);
        given().spec(bearer(TestKeys.editor())).when().get(BACKUP).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("role"));
    }

    /** The suites also run on PostgreSQL (Maven profile postgresql), whose backups are pg_dump's, not the service's. */
    private boolean onH2() throws SQLException {
        try (Connection connection = live.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void onPostgreSqlTheAnswerSaysToUsePgDump() throws SQLException {
        Assumptions.assumeFalse(onH2(), "the suite runs on H2, whose backup the service takes");
        given().spec(bearer(TestKeys.admin())).when().get(BACKUP).then().statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("pg_dump"));
    }

    @Test
    void everyBackupIsInTheAuditLogWithTheAdminWhoTookIt() throws InterruptedException, SQLException {
        Assumptions.assumeTrue(onH2(), "on PostgreSQL the service takes no backups");
        String owner = TestData.unique("backup-operator");
        String admin = TestKeys.create("admin", owner);
        given().spec(bearer(admin)).when().get(BACKUP).then().statusCode(200);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        List<Map<String, Object>> events;
        do {
            Thread.sleep(50);
            events = given().spec(bearer(TestKeys.admin())).when().get("/api/v1/audit-events?kind=read&limit=100")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                    .filter(event -> owner.equals(event.get("keyOwner"))).toList();
        } while (events.isEmpty() && Instant.now().isBefore(deadline));
        assertEquals(1, events.size(), "one audit event for the backup: " + events);
        assertEquals("GET", events.get(0).get("method"));
        assertEquals(BACKUP, events.get(0).get("path"));
        assertEquals(200, events.get(0).get("status"));
        assertEquals("admin", events.get(0).get("keyRole"));
    }

    @Test
    void aBackupRestoredIntoAnEmptyDatabaseHasEveryRow() throws Exception {
        Assumptions.assumeTrue(onH2(), "on PostgreSQL the service takes no backups");
        String published = caseStudy("Zürich: café de langues für Geflüchtete — 难民 ✓", null);
        edit(published, "Zürich: a second revision, with ümlauts and \"quotes\" and a ' and a line\nbreak");
        String draft = caseStudy("Ein Entwurf: Göteborg", "draft");
        String withdrawn = caseStudy("Withdrawn: Łódź", null);
        given().spec(bearer(TestKeys.admin())).header("If-Match", "*").when().delete("/api/v1/case-studies/" + withdrawn)
                .then().statusCode(204);

        byte[] backup = given().spec(bearer(TestKeys.admin())).when().get(BACKUP).then().statusCode(200)
                .contentType("application/gzip").header("Cache-Control", "no-store")
                .header("Content-Disposition", matchesPattern("attachment; filename=\"evidence-\\d{8}T\\d{6}Z\\.sql\\.gz\""))
                .extract().asByteArray();
        String script = new String(new GZIPInputStream(new ByteArrayInputStream(backup)).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.contains("TABLE \"PUBLIC\".\"CASE_STUDY\"("), "the script creates the tables");

        Path file = Files.createTempFile("evidence-backup", ".sql");
        try (Connection restored = DriverManager.getConnection("jdbc:h2:mem:" + TestData.unique("restored"), "evidence", "")) {
            Files.writeString(file, script);
            try (Statement statement = restored.createStatement()) {
                statement.execute("RUNSCRIPT FROM '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            try (Connection original = live.getConnection()) {
                for (String table : TABLES) {
                    assertEquals(rows(original, table), rows(restored, table), "the rows of " + table);
                }
                List<String> slugs = rows(restored, "case_study").stream().filter(row -> row.contains(published)
                        || row.contains(draft) || row.contains(withdrawn)).toList();
                assertEquals(3, slugs.size(), "the three case studies of this test are in the restored database");
                assertTrue(slugs.stream().allMatch(row -> row.contains("SUBDIVISION_CODE=GB-BFD") && row.contains("NUTS_CODE=UKE41")
                        && row.contains("DEGREE_OF_URBANISATION=CITIES") && row.contains("POPULATION_BAND=FROM_250K_TO_1M")),
                        "the place attributes are restored: " + slugs);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String caseStudy(String title, String status) {
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("title", title);
        // Every column of a place filled, those of V15__place_attributes.sql included, so the round trip covers them
        Map<String, Object> place = TestData.part(body, "place");
        place.put("latitude", 53.792);
        place.put("longitude", -1.752);
        place.put("subdivisionCode", "GB-BFD");
        place.put("nutsCode", "UKE41");
        place.put("degreeOfUrbanisation", "cities");
        place.put("populationBand", "250k-to-1m");
        if (status != null) {
            body.put("status", status);
        }
        return given().spec(bearer(TestKeys.admin())).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
    }

    private static void edit(String slug, String body) {
        given().spec(bearer(TestKeys.admin())).contentType("application/merge-patch+json; charset=UTF-8").header("If-Match", "*")
                .body(Map.of("body", body)).when().patch("/api/v1/case-studies/" + slug)
                .then().statusCode(200).body("body", equalTo(body));
    }

    /** Every row of a table as text, in a stable order, so that two databases compare as two lists. */
    private static List<String> rows(Connection connection, String table) throws SQLException, IOException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select * from " + table)) {
            ResultSetMetaData columns = result.getMetaData();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    row.append(columns.getColumnName(column)).append('=').append(result.getString(column)).append('\u001f');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }
}
