package org.integrationevidence.casestudy;

import java.lang.reflect.RecordComponent;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.common.OpenApiConventions;

@Schema(name = "RevisionDiff", description = "What changed between two revisions of a case study, field by field.")
public record RevisionDiff(
        @Schema(description = "The older revision's number; 0 for none.", examples = "2", minimum = "0",
                maximum = OpenApiConventions.MAX_INT) int from,
        @Schema(description = "The newer revision's number.", examples = "3", minimum = "1",
                maximum = OpenApiConventions.MAX_INT) int to,
        @Schema(description = "The fields that differ, in the order of the case study's fields; empty if none.",
                maxItems = MAX_CHANGES)
        List<Change> changes) {

    /**
     * The most changes a diff can list and the longest path: one per leaf field of a snapshot (a CaseStudyInput, whose
     * nested records are compared member by member). Checked against CaseStudyInput when the class loads.
     */
    public static final int MAX_CHANGES = 25;
    public static final int MAX_PATH = 21;

    static {
        int leaves = 0;
        int longest = 0;
        for (RecordComponent field : CaseStudyInput.class.getRecordComponents()) {
            RecordComponent[] members = field.getType().isRecord() ? field.getType().getRecordComponents() : null;
            if (members == null) {
                leaves++;
                longest = Math.max(longest, field.getName().length() + 1);
            } else {
                for (RecordComponent member : members) {
                    leaves++;
                    longest = Math.max(longest, field.getName().length() + member.getName().length() + 2);
                }
            }
        }
        if (leaves > MAX_CHANGES || longest > MAX_PATH) {
            throw new IllegalStateException("MAX_CHANGES or MAX_PATH is too small for CaseStudyInput");
        }
    }


    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RevisionChange", description = "One field that differs. Lists are compared whole.")
    public record Change(
            @Schema(description = "JSON Pointer (RFC 6901) of the field in the snapshot.", examples = "/title",
                    maxLength = MAX_PATH)
            String path,
            @Schema(description = "Its value in the older revision (any JSON value); null when it had none.",
                    examples = "Bradford Council and the football team") Object before,
            @Schema(description = "Its value in the newer revision (any JSON value); null when it has none.",
                    examples = "Bradford Council: engaging Bangladeshi women with the local football team") Object after) {
    }
}
