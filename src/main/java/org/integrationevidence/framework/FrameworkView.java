package org.integrationevidence.framework;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A scheme with every concept and the mappings to each. */
@Schema(name = "Framework", description = "A framework with its concepts, each with the approaches and outcome domains mapped to it.")
public record FrameworkView(
        @Schema(description = "The scheme's code.", examples = "cbp", maxLength = 10) String code,
        @Schema(description = "The scheme's title.", maxLength = 200) String title,
        @Schema(description = "What the scheme holds; says that the mappings to it are the repository's judgement.", maxLength = 2000) String description,
        @Schema(description = "Where the scheme is published.", maxLength = 500) String source,
        @Schema(description = "A URL of the source, when the repository records one.", nullable = true, maxLength = 500) String sourceUrl,
        @Schema(description = "The version of the scheme served.", maxLength = 200) String version,
        @Schema(description = "The concepts, in the scheme's order.") List<FrameworkConceptView> concepts) {
}
