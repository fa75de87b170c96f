package org.integrationevidence.logging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.integrationevidence.OwnDatabaseProfile;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.integrationevidence.web.AccessLog;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Keys never reach the log, whether they are accepted, refused or sent in a URL; and what the service logs about a
 * request carries the request's id. Reads the log in process, so it has no packaged-jar twin.
 */
@QuarkusTest
@TestProfile(SecretsInLogsTest.WithAccessLog.class)
class SecretsInLogsTest {

    /** The access log, on in production only, is the log most likely to write down what a request sent. */
    public static class WithAccessLog extends OwnDatabaseProfile {
        public WithAccessLog() {
            super("secrets_in_logs_test", "evidence.logs.access", "true");
        }
    }

    /** Where the test profile writes the whole log of the test run, start-up included (application.properties). */
    private static final Path LOG_FILE = Path.of("target/test-logs/service.log");

    private final CapturedLog captured = new CapturedLog();

    @BeforeEach
    void capture() {
        LogContext.getLogContext().getLogger("").addHandler(captured);
    }

    @AfterEach
    void release() {
        LogContext.getLogContext().getLogger("").removeHandler(captured);
    }

    @Test
    void aRefusedKeyIsLoggedWithTheRequestIdButWithoutTheKey() {
        String id = TestData.unique("refused-key");
        String key = "iek_" + TestData.unique("not-a-key-of-this-service");
        given().header("X-Request-Id", id).header("Authorization", "Bearer " + key)
                .when().get("/api/v1/case-studies")
                .then().statusCode(401);

        List<CapturedLine> lines = captured.lines();
        assertTrue(lines.stream().anyMatch(line -> id.equals(line.requestId()) && line.text().contains("Refused an API key")),
                "The refusal should be logged with the request id " + id + ", but the log had: " + lines);
        assertNoneContains(lines, key);
    }

    @Test
    void keysInHeadersAndUrlsNeverReachTheLog() throws IOException {
        String editor = TestKeys.editor();
        String refused = "iek_" + TestData.unique("refused");
        TestKeys.actAsEditor();
        try {
            TestData.create(TestData.caseStudy(TestData.createApproach(null)));
        } finally {
            TestKeys.actAnonymously();
        }
        given().spec(TestKeys.bearer(refused)).when().get("/api/v1/case-studies").then().statusCode(401);
        given().spec(TestKeys.bearer(refused)).when().post("/api/v1/case-studies").then().statusCode(401);
        given().when().get("/api/v1/case-studies?api_key=" + editor).then().statusCode(400);
        given().when().get("/api/v1/case-studies?q=" + refused).then().statusCode(400);
        given().when().get("/api/v1/case-studies/" + editor).then().statusCode(greaterThanOrEqualTo(400));

        List<CapturedLine> lines = captured.lines();
        assertNoneContains(lines, editor);
        assertNoneContains(lines, refused);
        assertTrue(lines.stream().anyMatch(line -> line.text().contains("GET /api/v1/case-studies 400 ")),
                "The access log should have the refused URL without its query: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.text().contains("GET /api/v1/case-studies/" + AccessLog.REDACTED + " ")),
                "The access log should have the path with the key redacted: " + lines);
        // The whole run's log, start-up included: the admin key the service made at its first start is only in its file.
        String wholeLog = Files.readString(LOG_FILE);
        for (String secret : List.of(TestKeys.admin(), editor, refused)) {
            assertFalse(wholeLog.contains(secret), "The log file " + LOG_FILE + " contains a key");
        }
    }

    @Test
    void theAccessLogWritesEveryRequestUnderItsId() {
        String id = TestData.unique("access-log");
        given().header("X-Request-Id", id).when().get("/api/v1/case-studies?limit=1").then().statusCode(200);

        List<CapturedLine> lines = captured.lines();
        assertTrue(lines.stream().anyMatch(line -> id.equals(line.requestId())
                && line.text().matches("INFO \\[" + AccessLog.class.getName() + "\\] GET /api/v1/case-studies 200 \\d+ bytes \\d+ ms")),
                "No access log line for request " + id + " in: " + lines);
    }

    private static void assertNoneContains(List<CapturedLine> lines, String secret) {
        for (CapturedLine line : lines) {
            assertFalse(line.text().contains(secret), "A log line contains a key: " + line.text().replace(secret, "<the key>"));
        }
    }

    record CapturedLine(String requestId, String text) {
    }

    /** Every record logged while a test runs, formatted with its exception, and the request id it was logged under. */
    static final class CapturedLog extends Handler {

        private final List<CapturedLine> lines = new CopyOnWriteArrayList<>();
        private final PatternFormatter format = new PatternFormatter("%p [%c] %s%e");

        @Override
        public void publish(LogRecord record) {
            // Published on the thread that logs, so the MDC read here is the request's.
            String requestId = record instanceof ExtLogRecord ext ? ext.getMdc(RequestIds.MDC_KEY) : null;
            lines.add(new CapturedLine(requestId, format.format(record)));
        }

        List<CapturedLine> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
