package org.integrationevidence.framework;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Page;

/** A concept with its mappings, the approaches mapped to it, and the first page of the case studies under them. */
@Schema(name = "FrameworkConcept", description = "A concept of a framework, the approaches mapped to it and the published case studies tagged "
        + "with them or with narrower approaches (the same case studies as the search filter of the scheme finds).")
public record FrameworkConceptDetail(
        @Schema(description = "The scheme's code.", examples = "gcm", maxLength = 10) String scheme,
        @Schema(description = "The concept's code as published.", examples = "16", maxLength = 10) String code,
        @Schema(description = "What kind of concept.", examples = "objective", maxLength = 40) String kind,
        @Schema(description = "The published text, or the name of a guiding principle.", maxLength = 1000) String title,
        @Schema(description = "The repository's own short explanation.", maxLength = 1000) String definition,
        @Schema(description = "The mappings to this concept: the repository's judgement.") List<FrameworkMappingView> mappings,
        @Schema(description = "The approaches mapped to this concept.") List<FrameworkMappingView.SubjectRef> approaches,
        @Schema(description = "The first page of published case studies tagged with those approaches or narrower ones, "
                + "newest change first; `total` counts them all.") Page<FrameworkCaseStudy> caseStudies) {
}
