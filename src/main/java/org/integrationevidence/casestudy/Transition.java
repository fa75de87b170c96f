package org.integrationevidence.casestudy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The moves of the review workflow: a curator writes a draft and submits it; an editor publishes it or returns
 * it with a note; an editor withdraws a case study and may restore it as a draft to be changed and reviewed again.
 */
// Named apart from TransitionView's schema "Transition": with one name for both, the document called the move
// "Transition1", and so did every client generated from it.
@Schema(name = "TransitionAction", description = "A move of the review workflow.")
public enum Transition {
    SUBMIT(Set.of(CaseStudyStatus.DRAFT), CaseStudyStatus.IN_REVIEW, false, false),
    PUBLISH(Set.of(CaseStudyStatus.DRAFT, CaseStudyStatus.IN_REVIEW), CaseStudyStatus.PUBLISHED, true, false),
    RETURN(Set.of(CaseStudyStatus.IN_REVIEW), CaseStudyStatus.DRAFT, true, true),
    WITHDRAW(Set.of(CaseStudyStatus.DRAFT, CaseStudyStatus.IN_REVIEW, CaseStudyStatus.PUBLISHED), CaseStudyStatus.WITHDRAWN, true, false),
    RESTORE(Set.of(CaseStudyStatus.WITHDRAWN), CaseStudyStatus.DRAFT, true, false);

    private final Set<CaseStudyStatus> from;
    private final CaseStudyStatus to;
    private final boolean editorsOnly;
    private final boolean needsNote;

    Transition(Set<CaseStudyStatus> from, CaseStudyStatus to, boolean editorsOnly, boolean needsNote) {
        this.from = from;
        this.to = to;
        this.editorsOnly = editorsOnly;
        this.needsNote = needsNote;
    }

    public boolean allowedFrom(CaseStudyStatus status) {
        return from.contains(status);
    }

    public CaseStudyStatus to() {
        return to;
    }

    /** Curators may only submit their own drafts; every other move is an editor's. */
    public boolean editorsOnly() {
        return editorsOnly;
    }

    /** Returning a submission says why, so that its curator knows what to change. */
    public boolean needsNote() {
        return needsNote;
    }

    /** The moves open from a status to a caller, in workflow order. */
    public static List<Transition> allowed(CaseStudyStatus status, boolean editor) {
        return Arrays.stream(values()).filter(t -> t.allowedFrom(status) && (editor || !t.editorsOnly)).toList();
    }

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
