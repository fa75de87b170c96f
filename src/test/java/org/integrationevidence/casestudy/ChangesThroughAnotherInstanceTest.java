package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Reads of a case study changed through another instance sharing the database, which this instance hears of only
 * from the database. In process, since the change is made directly in the database; TwoInstancesIT does the same
 * with two real servers on PostgreSQL.
 */
@QuarkusTest
@ActingAs(Role.ANONYMOUS)
class ChangesThroughAnotherInstanceTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aChangeCommittedThroughAnotherInstanceIsServedWithinTwoSeconds() {
        // Another instance sharing the database commits without telling this one: the state of a published case
        // study that this instance reuses between reads must not hide such a change for long (1 s, see
        // CaseStudyReads, PublishedStateCache). Simulated here by changing the row directly, as that instance would.
        TestKeys.actAsEditor();
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        String url = "/api/v1/case-studies/" + slug;
        String etag = given().when().get(url).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(url).then().statusCode(304);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update case_study set summary = ?1, version = version + 1 where slug = ?2")
                .setParameter(1, "Changed through another instance.").setParameter(2, slug).executeUpdate());
        journal(slug);

        long deadline = System.nanoTime() + 2_000_000_000L;
        int status;
        do {
            status = given().header("If-None-Match", etag).when().get(url).then().extract().statusCode();
        } while (status == 304 && System.nanoTime() < deadline);
        assertEquals(200, status, "the changed case study was still answered 304 two seconds after the change");
        given().when().get(url).then().statusCode(200)
                .header("ETag", startsWith("\"1."))
                .body("summary", equalTo("Changed through another instance."));
    }

    @Test
    void aCaseStudyWithdrawnThroughAnotherInstanceLeavesTheListAtOnce() {
        // The index here learns of the withdrawal only at its next poll of the journal, and a first page searched
        // before is kept for the same snapshot: the database's word must still take it off the very next page.
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        String list = "/api/v1/case-studies?approach=" + approach;
        given().when().get(list).then().statusCode(200).body("items.slug", hasItem(slug));
        given().when().get(list).then().statusCode(200).body("items.slug", hasItem(slug));

        withdrawUnjournaled(slug);
        try {
            given().when().get(list).then().statusCode(200).body("items.slug", not(hasItem(slug)));
        } finally {
            journal(slug);
        }
    }

    @Test
    void aSearchThatLeavesOutWhatItsSnapshotStillListsAnswers304ToTheTagItGave() {
        // Until the index hears of the withdrawal, the page leaves the case study out and its tag says so; the tag
        // asked before the search (the snapshot's alone) differs, and used to decide alone: a client sending back
        // the tag it was just given got the same page again, with that same tag, instead of a 304.
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        create(caseStudy(approach));
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        String list = "/api/v1/case-studies?approach=" + approach + "&facets=approach,theme";
        withdrawUnjournaled(slug);
        try {
            String etag = given().when().get(list).then().statusCode(200).body("items.slug", not(hasItem(slug)))
                    .extract().header("ETag");
            for (int i = 0; i < 3; i++) {
                given().header("If-None-Match", etag).when().get(list).then().statusCode(304).header("ETag", equalTo(etag));
            }
        } finally {
            journal(slug);
        }
    }

    @Test
    void aClientSendingBackTheTagItWasGivenGets304WhileOthersWriteAndTheIndexCatchesUp() throws Exception {
        // 200 rounds of a GET and the same GET with the tag it answered, over every kind of answer built from the
        // index, while another thread writes through the API (each write refreshes the index) and withdraws case
        // studies as another instance would (in the database, with a journal entry the index reads at its next poll,
        // so that pages leave them out in the meantime). A 200 carrying the very tag that was sent is the failure.
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            slugs.add(create(caseStudy(approach)));
        }
        String editor = TestKeys.editor();
        TestKeys.actAnonymously();
        List<String> urls = List.of("/api/v1/case-studies?approach=" + approach,
                "/api/v1/case-studies?approach=" + approach + "&facets=approach,theme,country",
                "/api/v1/case-studies?q=bradford&facets=approach,theme",
                "/api/v1/case-studies?q=bradford&approach=" + approach + "&sort=title",
                "/api/v1/case-studies/" + slugs.get(0) + "/related",
                "/api/v1/suggest?prefix=brad",
                "/api/v1/approaches",
                "/api/v1/feeds/case-studies.atom?approach=" + approach,
                "/api/v1/case-studies/export?approach=" + approach + "&format=csv");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writes = new AtomicInteger();
        Thread writer = new Thread(() -> {
            int round = 0;
            while (writing.get()) {
                if (round++ % 2 == 0) {
                    given().spec(TestKeys.bearer(editor)).contentType(ContentType.JSON).body(caseStudy(approach))
                            .when().post("/api/v1/case-studies").then().statusCode(201);
                } else {
                    String slug = given().spec(TestKeys.bearer(editor)).contentType(ContentType.JSON).body(caseStudy(approach))
                            .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
                    withdrawUnjournaled(slug);
                    journal(slug);
                }
                writes.incrementAndGet();
            }
        }, "background-writer");
        writer.start();
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < 200; round++) {
                String url = urls.get(round % urls.size());
                String etag = given().when().get(url).then().statusCode(200).extract().header("ETag");
                var again = given().header("If-None-Match", etag).when().get(url).then().extract();
                if (again.statusCode() != 304 && etag.equals(again.header("ETag"))) {
                    failures.add("round " + round + ": " + url + " answered " + again.statusCode() + " with the tag sent, " + etag);
                }
            }
        } finally {
            writing.set(false);
            writer.join(30_000);
        }
        assertTrue(writes.get() > 0, "the background writer wrote nothing");
        assertEquals(List.of(), failures);
    }

    /** Withdraws a case study in the database alone, as another instance would before its journal entry is read. */
    private void withdrawUnjournaled(String slug) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update case_study set status = 'WITHDRAWN', version = version + 1 where slug = ?1")
                .setParameter(1, slug).executeUpdate());
    }

    /**
     * Adds the journal entry that the change of a case study made directly in the database lacks: this instance's
     * index reads it at its next poll, as it would read another instance's, and stops listing what it withdrew.
     */
    private void journal(String slug) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("insert into change_journal (case_study_id, recorded_at) "
                        + "select id, current_timestamp from case_study where slug = ?1")
                .setParameter(1, slug).executeUpdate());
    }
}
