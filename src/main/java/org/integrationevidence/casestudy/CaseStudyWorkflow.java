package org.integrationevidence.casestudy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;


import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.http.IfMatch;
import org.integrationevidence.journal.ChangeJournal;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.persistence.UniqueConstraints;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;
import org.integrationevidence.problem.ProblemType;

/**
 * The review workflow: a curator submits a draft; an editor publishes it or returns it with a note, withdraws a case
 * study, and may restore a withdrawn one as a draft. Each move is kept with who made it and why, and as a revision.
 */
@ApplicationScoped
@Transactional
class CaseStudyWorkflow {

    @Inject
    CaseStudyRepository caseStudies;

    @Inject
    CaseStudyLookup lookup;

    @Inject
    CaseStudySlugs slugs;

    @Inject
    TransitionRepository transitions;

    @Inject
    RevisionHistory revisions;

    @Inject
    ChangeJournal journal;

    /**
     * Withdraws a case study, as the withdraw transition: the row is kept for the record, and the slug answers
     * 410 Gone from now on. Editors only.
     */
    public void withdraw(CaseStudyRef ref, @NotNull KeyHolder editor, @NotNull IfMatch ifMatch, String reason) {
        transition(ref, new TransitionInput(Transition.WITHDRAW, CaseStudyWrites.reason(reason)), editor, ifMatch);
    }

    /**
     * Moves a case study through the review workflow. Curators may only submit their own drafts; a move that the
     * case study's status does not allow is 409 and names the moves it does allow. {@code ifMatch} is checked when
     * given (null: not sent).
     */
    public CaseStudyView transition(CaseStudyRef ref, @NotNull(message = ApiException.BODY_REQUIRED) @Valid TransitionInput input,
            @NotNull KeyHolder caller, IfMatch ifMatch) {
        String slug = ref.slug();
        CaseStudy caseStudy = lookup.lockedForWrite(input.action() == Transition.RESTORE && caller.isEditor()
                ? lookup.findAny(ref, caller)
                : lookup.findVisible(ref, caller));
        Transition action = input.action();
        if (action.editorsOnly() && !caller.isEditor()) {
            throw new ApiException(ProblemType.FORBIDDEN, "Only editors may " + action + " a case study; curators submit "
                    + "their drafts for review.");
        }
        if (!action.allowedFrom(caseStudy.status)) {
            List<Transition> allowed = Transition.allowed(caseStudy.status, caller.isEditor());
            String allowedText = allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().map(Transition::toString).toList());
            throw new ApiException(ProblemType.CONFLICT, "The move \"" + action + "\" is not possible for a case study that is "
                    + caseStudy.status + "; allowed now: " + allowedText + ".",
                    List.of(new FieldError("action", "allowed now: " + allowedText)));
        }
        if (ifMatch != null) {
            ifMatch.check(caseStudy.version, "The case study \"" + slug + "\"");
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (action.needsNote() && note == null) {
            throw ApiException.invalid("note", "is required to " + action + " a case study: say what to change");
        }
        if (action.to() == CaseStudyStatus.PUBLISHED) {
            slugs.publish(caseStudy, caller);
        }
        TransitionRecord record = new TransitionRecord();
        record.caseStudyId = caseStudy.id;
        record.action = action;
        record.fromStatus = caseStudy.status;
        record.toStatus = action.to();
        record.note = note;
        record.madeBy = caller.author();
        record.madeAt = Timestamps.now();
        transitions.persist(record);
        caseStudy.status = action.to();
        caseStudy.updatedAt = record.madeAt;
        UniqueConstraints.flushOr(caseStudies::flush, CaseStudySlugs.taken(caseStudy.slug));
        revisions.record(caseStudy, RevisionAction.TRANSITION, note, caller.author());
        journal.record(caseStudy.id);
        return CaseStudyMapper.toView(caseStudy);
    }

    /** The workflow moves of a case study, oldest first: for its curator and editors. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TransitionView> transitions(CaseStudyRef ref, @NotNull KeyHolder caller) {
        CaseStudy caseStudy = lookup.findWithHistory(ref, caller);
        return transitions.list("caseStudyId = ?1 order by id", caseStudy.id).stream().map(TransitionView::of).toList();
    }
}
