package org.integrationevidence.framework;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A concept with the mappings to it. */
@Schema(description = "A concept of a framework with the approaches and outcome domains mapped to it.")
public record FrameworkConceptView(
        @Schema(description = "The scheme's code.", examples = "gcm") String scheme,
        @Schema(description = "The concept's code as published.", examples = "16") String code,
        @Schema(description = "What kind of concept: principle (cbp), objective or guiding-principle (gcm), target (sdg).",
                examples = "objective") String kind,
        @Schema(description = "The published text of the principle, objective or target, or the name of the guiding "
                + "principle.") String title,
        @Schema(description = "The repository's own short explanation.") String definition,
        @Schema(description = "The mappings to this concept: the repository's judgement.") List<FrameworkMappingView> mappings) {
}
