package org.integrationevidence.casestudy;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevisionDiff", description = "What changed between two revisions of a case study, field by field.")
public record RevisionDiff(
        @Schema(description = "The older revision's number.", examples = "2") int from,
        @Schema(description = "The newer revision's number.", examples = "3") int to,
        @Schema(description = "The fields that differ, in the order of the case study's fields; empty if none.")
        List<Change> changes) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RevisionChange", description = "One field that differs. Lists are compared whole.")
    public record Change(
            @Schema(description = "JSON Pointer (RFC 6901) of the field in the snapshot.", examples = "/title")
            String path,
            @Schema(description = "Its value in the older revision (any JSON value); null when it had none.",
                    examples = "Bradford Council and the football team") Object before,
            @Schema(description = "Its value in the newer revision (any JSON value); null when it has none.",
                    examples = "Bradford Council: engaging Bangladeshi women with the local football team") Object after) {
    }
}
