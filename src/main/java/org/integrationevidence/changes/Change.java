package org.integrationevidence.changes;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;

/** One change of public data, as the feed shows it. */
@Schema(name = "Change", description = "One change of a case study's public record, at its place in the feed.")
public record Change(
        @Schema(description = "Its place in the feed: positions increase by one from change to change, with no gaps.",
                minimum = "1", maximum = "9223372036854775807", examples = "1042")
        long position,
        @Schema(description = "`published`: the case study became public (fetch it); `updated`: its public record changed "
                + "(fetch it again); `withdrawn` and `deleted`: tombstones, it is no longer public (remove it).",
                examples = "updated")
        ChangeKind kind,
        @Schema(description = "The case study's slug; for a tombstone, the slug the feed last gave it, the one a mirror holds.",
                maxLength = 80, pattern = Slugs.PATTERN, examples = "linking-network-school-linking")
        String slug,
        @Schema(description = "Only when an update renamed the case study: the slug the feed last gave it, which now "
                + "redirects to the new one. A mirror moves its copy.", nullable = true, maxLength = 80, pattern = Slugs.PATTERN,
                examples = "school-linking-bradford")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String previousSlug,
        @Schema(description = "The case study's version when the change entered the feed (the number its ETags begin "
                + "with); a mirror holding this version or a later one need not fetch it. Absent for `deleted`.", nullable = true,
                minimum = "0", maximum = "9223372036854775807", examples = "4")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long version,
        @Schema(description = "When the change was recorded.", format = "date-time", maxLength = 40,
                examples = "2026-11-23T14:05:09.512Z")
        Instant changedAt,
        @Schema(description = "Where to read the case study now (absent for tombstones).", nullable = true,
                maxLength = 120, format = "uri-reference", examples = "/api/v1/case-studies/linking-network-school-linking")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String link) {

    static Change of(ChangeFeedEntry entry) {
        return new Change(entry.position, entry.kind, entry.slug, entry.previousSlug, entry.caseVersion, entry.changedAt,
                entry.kind.tombstone() ? null : "/api/v1/case-studies/" + entry.slug);
    }
}
