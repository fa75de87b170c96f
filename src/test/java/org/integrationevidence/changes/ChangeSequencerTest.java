package org.integrationevidence.changes;

import static org.integrationevidence.changes.ChangeFeedTest.harvest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.integrationevidence.TestData;
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.casestudy.CaseStudyService;
import org.junit.jupiter.api.Test;

/**
 * The case a feed paged by journal id gets wrong: a write that took its journal id first but commits last. Only
 * in-process, since the test holds a transaction open inside the service; the feed itself is read over HTTP.
 */
@QuarkusTest
class ChangeSequencerTest {

    private static final KeyHolder EDITOR = new KeyHolder(0, "sequencer test", null, Role.EDITOR);

    @Inject
    CaseStudyService caseStudies;

    @Inject
    ObjectMapper json;

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
}
