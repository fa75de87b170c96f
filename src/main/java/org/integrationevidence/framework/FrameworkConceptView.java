package org.integrationevidence.framework;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A concept with the mappings to it. */
@Schema(name = "FrameworkSchemeConcept", description = "A concept of a framework with the approaches and outcome domains mapped to it.")
public record FrameworkConceptView(
        @Schema(description = "The scheme's code.", examples = "gcm", maxLength = 10) String scheme,
        @Schema(description = "The concept's code as published.", examples = "16", maxLength = 10) String code,
        @Schema(description = "What kind of concept: principle (cbp), objective or guiding-principle (gcm), target (sdg).",
                examples = "objective", maxLength = 40) String kind,
        @Schema(description = "The published text of the principle, objective or target, or the name of the guiding "
                + "principle.", maxLength = 1000) String title,
        @Schema(description = "The repository's own short explanation.", maxLength = 1000) String definition,
        @Schema(description = "The mappings to this concept: the repository's judgement.") List<FrameworkMappingView> mappings) {
}
