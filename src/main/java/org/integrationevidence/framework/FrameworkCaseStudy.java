package org.integrationevidence.framework;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A case study under a concept's approaches, as a concept's page lists it. */
@Schema(description = "A published case study, by slug, title and summary.")
public record FrameworkCaseStudy(
        @Schema(description = "The case study's slug.", examples = "bradford-bangladeshi-women-football") String slug,
        @Schema(description = "Its title.") String title,
        @Schema(description = "Its summary.") String summary) {
}
