package org.integrationevidence.casestudy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.openapi.SchemaBounds;

/** A published version of a case study, as kept: the citable, unchanging form of what was public then. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "PublishedVersion", description = "A version of a case study as it was published, for good: the form to "
        + "cite. Its content never changes; only its slug follows a rename.")
public record PublishedVersion(
        @Schema(description = "The case study's slug now.", examples = "bradford-bangladeshi-women-football",
                maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(description = "The version: the case study's `version` when this was published.", examples = "3",
                minimum = "0", maximum = SchemaBounds.MAX_LONG) long version,
        @Schema(description = "When this version was made, in UTC.", examples = "2026-11-23T20:15:00Z") Instant madeAt,
        @Schema(description = "True while this is the case study's current version.") boolean current,
        @Schema(description = "How to cite this version.") CiteAs citeAs,
        @Schema(description = "The case study as this version had it, in the shape PUT takes (approaches by slug).")
        CaseStudyInput caseStudy) {
}
