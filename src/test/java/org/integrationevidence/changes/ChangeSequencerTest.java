package org.integrationevidence.changes;

import static org.integrationevidence.changes.ChangeFeedTest.harvest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

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

    @Inject
    FeedRecords feed;

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

    /**
     * A harvester's GetRecord or ListMetadataFormats names a case study published a moment ago, before the sequencing
     * that each commit starts in the background has run (held up here by the sequencer's lock, as a busy database
     * holds it up): the lookup sequences first and finds it.
     */
    @Test
    void aRecordNamedByItsSlugIsFoundBeforeTheBackgroundSequencingHasRun() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.find(SequencerState.class, SequencerState.ID, LockModeType.PESSIMISTIC_WRITE);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        CompletableFuture<Optional<FeedRecords.FeedRecord>> found;
        String slug;
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS));
            slug = caseStudies.create(json.convertValue(TestData.caseStudy("sport"), CaseStudyInput.class), EDITOR).slug();
            found = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> feed.byFirstSlug(slug)));
            // Long enough for a lookup that does not wait for sequencing to have answered already.
            Thread.sleep(300);
        } finally {
            release.countDown();
        }
        holder.get(30, TimeUnit.SECONDS);
        Optional<FeedRecords.FeedRecord> record = found.get(30, TimeUnit.SECONDS);
        assertTrue(record.isPresent(), "published before the lookup, so in the feed when it answers");
        assertEquals(slug, record.get().slug());
    }
}
