package org.integrationevidence.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.SearcherLifetimeManager;
import org.integrationevidence.casestudy.CaseStudyCatalogue;
import org.integrationevidence.casestudy.CaseStudyStatus;
import org.integrationevidence.casestudy.IndexableCaseStudy;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.framework.FrameworkLookup;
import org.integrationevidence.journal.ChangeJournal;
import org.jboss.logging.Logger;

/**
 * How the search index follows the database: a rebuild reads every case study through the catalogue's
 * {@link CaseStudyCatalogue#indexableAfter} port, and a catch-up applies the change journal's entries above the
 * watermark. Runs only on the indexer thread of {@link SearchIndex}, on the {@link OpenIndex} it is given.
 */
@ApplicationScoped
class IndexCatchUp {

    private static final Logger LOG = Logger.getLogger(IndexCatchUp.class);

    private static final int BATCH = 1000;

    @Inject
    EvidenceConfig config;

    @Inject
    CaseStudyCatalogue caseStudies;

    @Inject
    ChangeJournal journal;

    @Inject
    ObjectMapper json;

    @Inject
    FrameworkLookup frameworks;

    /** Builds a new index at {@code path} from every published case study, and opens its searchers. */
    void rebuild(OpenIndex target, Path path) throws IOException {
        long started = System.nanoTime();
        target.create(path);
        // Entries newer than this may belong to transactions still open: they are read again by the catch-up.
        target.watermark = journal.lastIdOlderThan(config.search().gapTimeout());
        // Newer entries already visible belong to committed transactions, which the read below includes: they count
        // as applied, so that a rebuild right after a bulk load does not index it all a second time.
        target.appliedAbove.addAll(journal.idsAfter(target.watermark));
        long count = 0;
        long afterId = 0;
        for (List<IndexableCaseStudy> batch = caseStudies.indexableAfter(afterId, BATCH); !batch.isEmpty();
                batch = caseStudies.indexableAfter(afterId, BATCH)) {
            for (IndexableCaseStudy caseStudy : batch) {
                if (caseStudy.status() == CaseStudyStatus.PUBLISHED) {
                    target.writer.addDocument(document(caseStudy));
                    count++;
                }
                afterId = caseStudy.id();
            }
        }
        // When the public data last changed is not known from a rebuild: the rebuild's own time is never too early
        // for a client's If-Modified-Since, and tells nothing of drafts.
        target.lastChange = Instant.now();
        target.commitNow();
        target.openSearchers();
        LOG.infof("Search index rebuilt: %d case studies in %d ms.", count, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Applies every journal entry above the watermark that was not applied yet, then moves the watermark over the
     * entries applied without a gap. A gap is an id taken by a transaction that has not committed yet (or never
     * will): it holds the watermark back until it fills or the gap timeout passes, so no commit is skipped.
     */
    void catchUp(OpenIndex target) throws IOException {
        Instant started = Instant.now();
        long watermark = target.watermark;
        Set<Long> published = new HashSet<>();
        boolean changed = false;
        long readAfter = target.watermark;
        List<ChangeJournal.Change> batch;
        do {
            batch = journal.changesAfter(readAfter, BATCH);
            Set<Long> caseStudyIds = new LinkedHashSet<>();
            List<ChangeJournal.Change> applied = new ArrayList<>();
            for (ChangeJournal.Change change : batch) {
                if (!target.appliedAbove.contains(change.id())) {
                    caseStudyIds.add(change.caseStudyId());
                    applied.add(change);
                }
                readAfter = change.id();
            }
            if (!caseStudyIds.isEmpty()) {
                Set<Long> shown = apply(target, caseStudyIds, published);
                for (ChangeJournal.Change change : applied) {
                    target.appliedAbove.add(change.id());
                    if (shown.contains(change.caseStudyId()) && change.recordedAt() != null
                            && change.recordedAt().isAfter(target.lastChange)) {
                        target.lastChange = change.recordedAt();
                    }
                }
                changed |= !shown.isEmpty();
            }
        } while (batch.size() == BATCH);
        advanceWatermark(target);
        if (changed) {
            target.generation++;
            target.searchers.maybeRefreshBlocking();
            target.snapshots.prune(new SearcherLifetimeManager.PruneByAge(config.search().snapshotRetention().toSeconds()));
        }
        target.uncommitted |= changed || target.watermark != watermark;
        target.caughtUpAt = started;
    }

    /**
     * Indexes the published ones of these case studies and removes the others. Gives those whose change the index
     * shows: every published one, and each unpublished one it listed until now. A change of a draft changes nothing
     * that searches show, and so neither the snapshot's version nor its last change: a public answer's validators
     * tell nothing of drafts. {@code published} collects the ids published in this catch-up so far, which the
     * current snapshot does not show yet.
     */
    private Set<Long> apply(OpenIndex target, Set<Long> caseStudyIds, Set<Long> published) throws IOException {
        Set<Long> shown = new HashSet<>();
        Set<Long> unpublished = new HashSet<>(caseStudyIds);
        for (IndexableCaseStudy caseStudy : caseStudies.indexable(caseStudyIds)) {
            if (caseStudy.status() == CaseStudyStatus.PUBLISHED) {
                target.writer.updateDocument(CaseStudyDocuments.idTerm(caseStudy.id()), document(caseStudy));
                unpublished.remove(caseStudy.id());
                published.add(caseStudy.id());
                shown.add(caseStudy.id());
            }
        }
        Set<Long> listed = target.listedNow(unpublished);
        for (Long id : unpublished) {
            if (listed.contains(id) || published.remove(id)) {
                target.writer.deleteDocuments(CaseStudyDocuments.idTerm(id));
                shown.add(id);
            }
        }
        return shown;
    }

    private Document document(IndexableCaseStudy caseStudy) throws JsonProcessingException {
        return CaseStudyDocuments.toDocument(caseStudy, json.writeValueAsString(caseStudy.asListed()),
                frameworks.frameworks().codesOf(caseStudy.approachSlugsWithBroader()));
    }

    private void advanceWatermark(OpenIndex target) {
        while (!target.appliedAbove.isEmpty()) {
            long next = target.watermark + 1;
            if (target.appliedAbove.remove(next)) {
                target.watermark = next;
                target.gapSince = null;
                continue;
            }
            Instant now = Instant.now();
            if (target.gapSince == null) {
                target.gapSince = now;
            }
            Duration waited = Duration.between(target.gapSince, now);
            if (waited.compareTo(config.search().gapTimeout()) < 0) {
                return;
            }
            LOG.debugf("Journal ids %d to %d never committed; moving past them.", next, target.appliedAbove.first() - 1);
            target.watermark = target.appliedAbove.first() - 1;
            target.gapSince = null;
        }
    }
}
