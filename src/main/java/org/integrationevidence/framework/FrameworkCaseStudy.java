package org.integrationevidence.framework;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;

/**
 * A case study under a concept's approaches, as a concept's page lists it. The bounds are those of a case study's title
 * and summary (casestudy.CaseStudyInput, a package this one may not use).
 */
@Schema(description = "A published case study, by slug, title and summary.")
public record FrameworkCaseStudy(
        @Schema(description = "The case study's slug.", examples = "bradford-bangladeshi-women-football", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(description = "Its title.", maxLength = 200) String title,
        @Schema(description = "Its summary.", maxLength = 300) String summary) {
}
