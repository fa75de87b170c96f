package org.integrationevidence.casestudy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.access.ApiKeyInput;

@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Transition", description = "One move of a case study through the review workflow.")
public record TransitionView(
        @Schema(examples = "return") Transition action,
        @Schema(examples = "in-review") CaseStudyStatus from,
        @Schema(examples = "draft") CaseStudyStatus to,
        @Schema(description = "The note given with the move; null if none.", nullable = true, examples = "Please cite the council's report for the outcomes.",
                maxLength = TransitionInput.MAX_NOTE)
        String note,
        @Schema(description = "Owner of the key that made the move.", examples = "Jane Smith, Bradford Council",
                maxLength = ApiKeyInput.MAX_OWNER) String by,
        @Schema(examples = "2026-11-23T20:15:00Z") Instant at) {

    static TransitionView of(TransitionRecord record) {
        return new TransitionView(record.action, record.fromStatus, record.toStatus, record.note, record.madeBy, record.madeAt);
    }
}
