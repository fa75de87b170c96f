package org.integrationevidence.framework;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scheme as GET /api/v1/frameworks lists it. */
@Schema(description = "A framework: a concept scheme, its source and version.")
public record FrameworkSummary(
        @Schema(description = "The scheme's code: also the name of its search filter and facet.", examples = "cbp") String code,
        @Schema(description = "The scheme's title.") String title,
        @Schema(description = "What the scheme holds; says that the mappings to it are the repository's judgement.") String description,
        @Schema(description = "Where the scheme is published.") String source,
        @Schema(description = "A URL of the source, when the repository records one.", nullable = true) String sourceUrl,
        @Schema(description = "The version of the scheme served.") String version,
        @Schema(description = "How many concepts the scheme has.", examples = "11") int conceptCount) {
}
