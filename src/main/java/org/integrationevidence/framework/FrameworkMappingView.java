package org.integrationevidence.framework;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/** A mapping: "approach (or outcome domain) relation concept". */
@Schema(name = "FrameworkMapping", description = "A SKOS mapping of an approach or an outcome domain to a concept, read as \"subject relation "
        + "concept\": `broadMatch` says the concept is broader than the approach. Exactly one of `approach` and "
        + "`outcomeDomain` is set.")
public record FrameworkMappingView(
        @Schema(description = "The mapping's id.", examples = "7", minimum = "1", maximum = SchemaBounds.MAX_LONG) long id,
        @Schema(description = "The SKOS mapping relation.", enumeration = {"exactMatch", "closeMatch", "broadMatch",
                "narrowMatch", "relatedMatch"}, examples = "broadMatch") String relation,
        @Schema(description = "The approach mapped, or null.", nullable = true) SubjectRef approach,
        @Schema(description = "The outcome domain mapped, or null.", nullable = true) SubjectRef outcomeDomain,
        @Schema(description = "Why the mapping holds, when an editor said so.", nullable = true, maxLength = 1000) String note,
        @Schema(description = "When the mapping was made.") Instant createdAt,
        @Schema(description = "When the mapping last changed.") Instant updatedAt) {

    /** An approach or outcome domain, by slug and name. */
    @Schema(name = "FrameworkMappingSubject", description = "An approach or an outcome domain.")
    public record SubjectRef(
            @Schema(description = "Its slug.", examples = "social-contact-and-mixing", maxLength = 80) String slug,
            @Schema(description = "Its name; null if it no longer exists.", nullable = true, maxLength = 120) String name) {
    }
}
