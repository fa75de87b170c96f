package org.integrationevidence.changes;

import static org.integrationevidence.changes.ChangeFeedTest.harvest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.integrationevidence.TestData;
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.casestudy.CaseStudyWrites;
import org.junit.jupiter.api.Test;

/**
 * The case a feed paged by journal id gets wrong: a write that took its journal id first but commits last. Only
 * in-process, since the test holds a transaction open inside the service; the feed itself is read over HTTP.
 */
@QuarkusTest
class ChangeSequencerTest {

    private static final KeyHolder EDITOR = new KeyHolder(0, "sequencer test", null, Role.EDITOR);

    @Inject
    CaseStudyWrites caseStudies;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @Test
    void aWriteThatCommitsAfterALaterOneStillComesAfterTheTokenOfAReaderWhoSawTheLaterOne() throws Exception {
        String start = ChangeFeedTest.now();
        Map<String, Object> slow = TestData.caseStudy("sport");
        CaseStudyInput slowInput = json.convertValue(slow, CaseStudyInput.class);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slowWrite = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            caseStudies.create(slowInput, EDITOR); // takes its journal id now, commits when released
            written.countDown();
            try {
                mayCommit.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        String seen;
        try {
            written.await(30, TimeUnit.SECONDS);
            String fast = caseStudies.create(json.convertValue(TestData.caseStudy("sport"), CaseStudyInput.class), EDITOR).slug();

            ChangeFeedTest.Harvest first = harvest(start, 100);
            assertEquals(List.of("published"), first.kindsOf(fast));
            assertEquals(List.of(), first.kindsOf((String) slow.get("slug")), "not committed yet");
            seen = first.next();
        } finally {
            mayCommit.countDown();
        }
        slowWrite.get(30, TimeUnit.SECONDS);
        // The reader resumes from its token and finds the write with the earlier journal id after it, not below it.
        assertEquals(List.of("published"), harvest(seen, 100).kindsOf((String) slow.get("slug")));
    }

    /**
     * The API keeps withdrawn case studies, but a row removed from the database (by an operator, or a later erasure
     * feature that records its change as every write does) is a {@code deleted} tombstone.
     */
    @Test
    void aCaseStudyWhoseRowIsGoneIsADeletedTombstone() {
        String start = ChangeFeedTest.now();
        String slug = caseStudies.create(json.convertValue(TestData.caseStudy("sport"), CaseStudyInput.class), EDITOR).slug();
        ChangeFeedTest.Harvest published = harvest(start, 100);
        assertEquals(List.of("published"), published.kindsOf(slug));
        QuarkusTransaction.requiringNew().run(() -> {
            Number id = (Number) entityManager.createNativeQuery("select id from case_study where slug = ?1")
                    .setParameter(1, slug).getSingleResult();
            entityManager.createNativeQuery("delete from case_study where id = ?1").setParameter(1, id).executeUpdate();
            entityManager.createNativeQuery("insert into change_journal (case_study_id, recorded_at) values (?1, current_timestamp)")
                    .setParameter(1, id).executeUpdate();
        });
        ChangeFeedTest.Harvest deleted = harvest(published.next(), 100);
        assertEquals(List.of("deleted"), deleted.kindsOf(slug));
        Map<String, Object> tombstone = deleted.about(slug).get(0);
        assertEquals(false, tombstone.containsKey("link"));
        assertEquals(false, tombstone.containsKey("version"), "a deleted case study has no version left");
    }
}
