package org.integrationevidence.persistence;

import static io.restassured.RestAssured.given;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 2xx answer to a write comes after the embedded database's file was forced to the disk (CHECKPOINT SYNC), and
 * only such answers cost a sync; on PostgreSQL, which syncs at commit, none is made. That a write so answered
 * survives a kill -9 of the server is what scripts/crash-test shows, with the packaged server.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class DurableWritesTest {

    @Inject
    MeterRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    private String slug;

    @BeforeEach
    void createACaseStudy() {
        slug = create(caseStudy(createApproach(null)));
    }

    @Test
    void eachAnsweredWriteIsSyncedBeforeItsAnswerAndNothingElseIs() throws SQLException {
        int perWrite = onH2() ? 1 : 0;

        long before = syncs("answer");
        create(caseStudy(createApproach(null)));
        // The approach and the case study: two answered writes, both synced by the time their answers arrived.
        assertEquals(before + 2 * perWrite, syncs("answer"), "syncs after creating an approach and a case study");

        // From here with the editor's key alone: actAsEditor also sends If-Match: *, which matches any version.
        TestKeys.actAnonymously();
        RequestSpecification editor = TestKeys.bearer(TestKeys.editor());
        before = syncs("answer");
        String etag = given().spec(editor).when().get("/api/v1/case-studies/" + slug).then().statusCode(200)
                .extract().header("ETag");
        given().queryParam("q", "test").when().get("/api/v1/case-studies").then().statusCode(200);
        assertEquals(before, syncs("answer"), "reads are never synced");

        given().spec(editor).header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("summary", "Changed by DurableWritesTest."))
                .when().patch("/api/v1/case-studies/" + slug).then().statusCode(200);
        assertEquals(before + perWrite, syncs("answer"), "a PATCH answered 200 was synced");

        before = syncs("answer");
        given().spec(editor).header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("summary", "Sent with the ETag read before the change."))
                .when().patch("/api/v1/case-studies/" + slug).then().statusCode(412);
        given().spec(editor).contentType(ContentType.JSON).body(Map.of("title", "No place, no approaches"))
                .when().post("/api/v1/case-studies").then().statusCode(400);
        assertEquals(before, syncs("answer"), "refused writes changed nothing and are not synced");
    }

    @Test
    void concurrentWritesAreEachAnsweredAfterASync() throws Exception {
        int writers = 8;
        String approach = createApproach(null);
        long waitsBefore = syncs("answer");
        double fsyncsBefore = fsyncs();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                answers.add(pool.submit(() -> given().spec(TestKeys.bearer(TestKeys.editor())).contentType(ContentType.JSON)
                        .body(caseStudy(approach)).when().post("/api/v1/case-studies").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        if (onH2()) {
            // Each answer waited for a sync. How many syncs were made depends on how the writes overlapped (one
            // covers every write committed before it began): at least one.
            assertEquals(waitsBefore + writers, syncs("answer"), "every answered write waited for a sync");
            assertTrue(fsyncs() - fsyncsBefore >= 1, "no sync was made for " + writers + " writes");
        } else {
            assertEquals(0, syncs("answer"), "PostgreSQL syncs at commit: no sync is made");
        }
    }

    @Test
    void newPositionsOfTheChangeFeedAreSyncedBeforeTheyAreRead() throws SQLException {
        long before = syncs("change-feed");
        create(caseStudy(createApproach(null)));
        // Sequenced in the background after the commit, or by this read, which waits for any sequencing under way.
        TestKeys.actAnonymously();
        given().when().get("/api/v1/changes").then().statusCode(200);
        if (onH2()) {
            assertTrue(syncs("change-feed") > before, "the positions given to the new case study were synced");
        } else {
            assertEquals(0, syncs("change-feed"), "PostgreSQL syncs at commit: no sync is made");
        }
    }

    private double fsyncs() {
        Counter counter = registry.find("evidence.database.fsyncs").counter();
        return counter == null ? 0 : counter.count();
    }

    private long syncs(String trigger) {
        Timer timer = registry.find("evidence.database.sync").tag("trigger", trigger).timer();
        return timer == null ? 0 : timer.count();
    }

    /** The suites also run on PostgreSQL (Maven profile postgresql), which syncs its log at every commit itself. */
    private boolean onH2() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }
}
