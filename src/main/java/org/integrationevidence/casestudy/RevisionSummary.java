package org.integrationevidence.casestudy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.access.ApiKeyInput;
import org.integrationevidence.openapi.SchemaBounds;

@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "RevisionSummary", description = "One revision of a case study: who changed it, when and why.")
public record RevisionSummary(
        @Schema(description = "1 for the creation, then one more per change.", examples = "3", minimum = "1",
                maximum = SchemaBounds.MAX_INT) int number,
        @Schema(description = "What made the revision: create, update, rename, transition (a workflow move), restore "
                + "(of an older revision), untag (an approach deleted from the taxonomy).", examples = "update")
        RevisionAction action,
        @Schema(description = "The case study's status after the change.", examples = "draft") CaseStudyStatus status,
        @Schema(description = "The case study's version after the change: the number its ETags begin with.", examples = "2", minimum = "0",
                maximum = SchemaBounds.MAX_LONG) long version,
        @Schema(description = "Why, as given with the change (the `reason` parameter, or a workflow note); null if none.",
                nullable = true, examples = "Added the council's 2019 evaluation as a source.",
                maxLength = CaseStudyWrites.MAX_REASON_LENGTH) String reason,
        @Schema(description = "Who made the change: the owner of the key; `seed data` for the first load, `system` for "
                + "the service itself.", examples = "Jane Smith, Bradford Council", maxLength = ApiKeyInput.MAX_OWNER) String by,
        @Schema(examples = "2026-11-23T20:15:00Z") Instant at) {

    static RevisionSummary of(Revision revision) {
        return new RevisionSummary(revision.number, revision.action, revision.status, revision.caseVersion, revision.reason,
                revision.madeBy, revision.madeAt);
    }
}
