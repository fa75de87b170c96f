package org.integrationevidence.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.integrationevidence.TestKeys.bearer;

import java.nio.charset.StandardCharsets;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.integrationevidence.OwnDatabaseProfile;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/** An import that outlives its transaction is rolled back whole and answered with a 503, not a 500. */
@QuarkusTest
@TestProfile(ImportTimeoutTest.OneSecond.class)
class ImportTimeoutTest {

    public static class OneSecond extends OwnDatabaseProfile {
        public OneSecond() {
            super("import_timeout_test", "evidence.imports.transaction-timeout", "1s");
        }
    }

    @Test
    void anImportThatTakesTooLongWritesNothingAndSaysSo() {
        String prefix = TestData.unique("case-study-slow");
        StringBuilder file = new StringBuilder();
        // About 1.3 ms a row here: 5,000 rows take several times the one second allowed.
        for (int i = 1; i <= 5_000; i++) {
            file.append("{\"slug\":\"").append(prefix).append('-').append(i).append("\",\"title\":\"Example: slow import row ")
                    .append(i).append("\",\"summary\":\"Sample.\",\"body\":\"Sample.\",\"place\":{\"name\":\"Exampleton\","
                    + "\"scale\":\"city\"},\"approaches\":[\"sport\"],\"evidence\":{\"level\":1,\"rationale\":\"Sample.\"},"
                    + "\"sources\":[{\"title\":\"Sample\",\"publisher\":\"Sample\",\"url\":\"https://example.org/\","
                    + "\"contribution\":\"Sample.\"}]}\n");
        }
        given().spec(bearer(TestKeys.editor())).contentType("application/x-ndjson; charset=UTF-8")
                .body(file.toString().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports").then().statusCode(503)
                .body("type", equalTo("/problems/unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("nothing was written"));
        given().when().get("/api/v1/case-studies/" + prefix + "-1").then().statusCode(404);
        given().when().get("/api/v1/case-studies/" + prefix + "-5000").then().statusCode(404);
    }
}
