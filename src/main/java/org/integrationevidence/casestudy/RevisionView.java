package org.integrationevidence.casestudy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.access.ApiKeyInput;
import org.integrationevidence.openapi.SchemaBounds;

@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Revision", description = "A revision of a case study with the full snapshot of the case study after it.")
public record RevisionView(
        @Schema(examples = "3", minimum = "1", maximum = SchemaBounds.MAX_INT) int number,
        @Schema(examples = "update") RevisionAction action,
        @Schema(examples = "draft") CaseStudyStatus status,
        @Schema(description = "The case study's version after the change: the number its ETags begin with.", examples = "2", minimum = "0",
                maximum = SchemaBounds.MAX_LONG) long version,
        @Schema(nullable = true, examples = "Added the council's 2019 evaluation as a source.",
                maxLength = CaseStudyWrites.MAX_REASON_LENGTH) String reason,
        @Schema(examples = "Jane Smith, Bradford Council", maxLength = ApiKeyInput.MAX_OWNER) String by,
        @Schema(examples = "2026-11-23T20:15:00Z") Instant at,
        @Schema(description = "The case study as it was after this revision, in the shape PUT takes, with its slug and status.")
        CaseStudyInput caseStudy) {

    static RevisionView of(Revision revision, CaseStudyInput snapshot) {
        return new RevisionView(revision.number, revision.action, revision.status, revision.caseVersion, revision.reason,
                revision.madeBy, revision.madeAt, snapshot);
    }
}
