package org.integrationevidence.framework;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/** A scheme as GET /api/v1/frameworks lists it. */
@Schema(description = "A framework: a concept scheme, its source and version.")
public record FrameworkSummary(
        @Schema(description = "The scheme's code: also the name of its search filter and facet.", examples = "cbp", maxLength = 10) String code,
        @Schema(description = "The scheme's title.", maxLength = 200) String title,
        @Schema(description = "What the scheme holds; says that the mappings to it are the repository's judgement.", maxLength = 2000) String description,
        @Schema(description = "Where the scheme is published.", maxLength = 500) String source,
        @Schema(description = "A URL of the source, when the repository records one.", nullable = true, maxLength = 500) String sourceUrl,
        @Schema(description = "The version of the scheme served.", maxLength = 200) String version,
        @Schema(description = "How many concepts the scheme has.", examples = "11", minimum = "0", maximum = SchemaBounds.MAX_INT) int conceptCount) {
}
