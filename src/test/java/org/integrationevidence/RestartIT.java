package org.integrationevidence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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
        int port = PackagedServer.freePort();
        Process first = PackagedServer.start(workDir, port, "restart");
        String slug;
        String adminKey;
        int seeded;
        try {
            seeded = given().port(port).when().get("/api/v1/case-studies").then().statusCode(200).extract().path("total");
            // The first start made an admin key, as a new user's would (docs/guide/keys-and-roles.md).
            adminKey = Files.readString(dataDir.resolve("initial-admin-key")).strip();
            String approach = given().spec(TestKeys.bearer(adminKey)).port(port).contentType(ContentType.JSON)
                    .body(Map.of("name", "Restart test approach", "definition", "Made by RestartIT."))
                    .when().post("/api/v1/approaches").then().statusCode(201).extract().path("slug");
            slug = given().spec(TestKeys.bearer(adminKey)).port(port).contentType(ContentType.JSON).body(TestData.caseStudy(approach))
                    .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        } finally {
            PackagedServer.stop(first);
        }

        Process second = PackagedServer.start(workDir, port, "restart");
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
            PackagedServer.stop(second);
        }
        if (!TestData.onPostgresql()) {
            assertTrue(Files.exists(dataDir.resolve("evidence.mv.db")), "the database lives in the data directory");
        }
        assertTrue(Files.isDirectory(dataDir.resolve("index")), "the search index lives in the data directory");

        // The index is derived data: deleted while the server is down, it is rebuilt from the database.
        try (java.util.stream.Stream<Path> paths = Files.walk(dataDir.resolve("index"))) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
        Process third = PackagedServer.start(workDir, port, "restart");
        try {
            given().port(port).queryParam("q", "\"A test case study\"").when().get("/api/v1/case-studies")
                    .then().statusCode(200).body("items.slug", org.hamcrest.Matchers.hasItem(slug));
            given().port(port).when().get("/api/v1/case-studies")
                    .then().statusCode(200).body("total", equalTo(seeded + 1));
        } finally {
            PackagedServer.stop(third);
        }
    }
}
