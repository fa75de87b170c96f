package org.integrationevidence.casestudy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.problem.ApiException;

/**
 * The revisions of case studies: written by {@link CaseStudyService} after each change, inside the change's own
 * transaction, so that a change and its revision are committed together or not at all.
 */
@ApplicationScoped
class RevisionHistory implements PanacheRepository<Revision> {

    @Inject
    ObjectMapper json;

    /** Keeps the state of {@code caseStudy} as just flushed (its version is the new one) as its next revision. */
    void record(CaseStudy caseStudy, RevisionAction action, String reason, String madeBy) {
        Revision revision = new Revision();
        revision.caseStudyId = caseStudy.id;
        revision.number = action == RevisionAction.CREATE ? 1 : lastNumber(caseStudy.id) + 1;
        revision.action = action;
        revision.status = caseStudy.status;
        revision.caseVersion = caseStudy.version;
        revision.snapshot = write(CaseStudyMapper.toSnapshot(caseStudy));
        revision.reason = reason;
        revision.madeBy = madeBy;
        revision.madeAt = Timestamps.now();
        persist(revision);
    }

    /** Up to {@code limit} revisions after revision {@code afterNumber} (0: from the first), oldest first. */
    List<RevisionSummary> summaries(long caseStudyId, int afterNumber, int limit) {
        return find("caseStudyId = ?1 and number > ?2", Sort.by("number"), caseStudyId, afterNumber).page(0, limit).list()
                .stream().map(RevisionSummary::of).toList();
    }

    long count(long caseStudyId) {
        return count("caseStudyId", caseStudyId);
    }

    RevisionView view(long caseStudyId, String slug, int number) {
        Revision revision = find(caseStudyId, slug, number);
        return RevisionView.of(revision, read(revision.snapshot));
    }

    /** The case study as it was after revision {@code number}, in the shape PUT takes. */
    CaseStudyInput snapshot(long caseStudyId, String slug, int number) {
        return read(find(caseStudyId, slug, number).snapshot);
    }

    /** The fields that differ between two revisions, in the order of the snapshot's fields. */
    RevisionDiff diff(long caseStudyId, String slug, int from, int to) {
        JsonNode before = from == 0 ? json.createObjectNode() : tree(find(caseStudyId, slug, from).snapshot);
        JsonNode after = tree(find(caseStudyId, slug, to).snapshot);
        return RevisionDiff.between(from, to, before, after);
    }

    /** The last revision that left the case study published at version {@code version}, if any. */
    java.util.Optional<Revision> published(long caseStudyId, long version) {
        return find("caseStudyId = ?1 and caseVersion = ?2 and status = ?3", Sort.descending("number"), caseStudyId, version,
                CaseStudyStatus.PUBLISHED).firstResultOptional();
    }

    /** The case study as {@code revision} kept it, in the shape PUT takes. */
    CaseStudyInput snapshotOf(Revision revision) {
        return read(revision.snapshot);
    }

    private int lastNumber(long caseStudyId) {
        Integer last = getEntityManager()
                .createQuery("select max(r.number) from Revision r where r.caseStudyId = :id", Integer.class)
                .setParameter("id", caseStudyId).getSingleResult();
        return last == null ? 0 : last;
    }

    private Revision find(long caseStudyId, String slug, int number) {
        return find("caseStudyId = ?1 and number = ?2", caseStudyId, number).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("The case study \"" + slug + "\" has no revision " + number + "."));
    }

    private String write(CaseStudyInput snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A case study could not be written as JSON", e);
        }
    }

    private CaseStudyInput read(String snapshot) {
        return json.convertValue(tree(snapshot), CaseStudyInput.class);
    }

    /** A stored snapshot, which this service wrote: failing to read it back is a bug, not a client's mistake. */
    private JsonNode tree(String snapshot) {
        try {
            return json.readTree(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision could not be read", e);
        }
    }
}
