package org.integrationevidence.approach;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approach in the taxonomy tree, with the approaches below it. */
@Schema(name = "ApproachNode", description = "An approach in the taxonomy tree, with its narrower approaches.")
public record ApproachNode(
        @Schema(examples = "school-linking") String slug,
        @Schema(examples = "School linking") String name,
        String definition,
        @Schema(description = "Published case studies tagged with this approach or any narrower one, each counted once.", examples = "2")
        long caseStudyCount,
        @Schema(description = "Narrower approaches, by name.")
        List<ApproachNode> children) {
}
