package org.integrationevidence.casestudy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

@Schema(name = "RevisionDiff", description = "What changed between two revisions of a case study, field by field.")
public record RevisionDiff(
        @Schema(description = "The older revision's number; 0 for none.", examples = "2", minimum = "0",
                maximum = SchemaBounds.MAX_INT) int from,
        @Schema(description = "The newer revision's number.", examples = "3", minimum = "1",
                maximum = SchemaBounds.MAX_INT) int to,
        @Schema(description = "The fields that differ, in the order of the case study's fields; empty if none.",
                maxItems = MAX_CHANGES)
        List<Change> changes) {

    /**
     * The most changes a diff can list and the longest path: one per leaf field of a snapshot (a CaseStudyInput, whose
     * nested records are compared member by member). Checked against CaseStudyInput when the class loads.
     */
    public static final int MAX_CHANGES = 35;
    public static final int MAX_PATH = 27;

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

    /** The fields that differ between two snapshots, in the order of their fields (the older one's first). */
    static RevisionDiff between(int from, int to, JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        compare("", before, after, changes);
        return new RevisionDiff(from, to, changes);
    }

    /** Objects are compared member by member; anything else (text, numbers, lists) as a whole value. */
    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "/" + name.replace("~", "~0").replace("/", "~1"), valueOf(before.get(name)),
                        valueOf(after.get(name)), changes);
            }
        } else if (!before.equals(after)) {
            changes.add(new Change(path, before.isNull() ? null : before, after.isNull() ? null : after));
        }
    }

    private static JsonNode valueOf(JsonNode node) {
        return node == null ? NullNode.instance : node;
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
