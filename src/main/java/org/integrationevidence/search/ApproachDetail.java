package org.integrationevidence.search;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.approach.ApproachFacts;
import org.integrationevidence.approach.ApproachInput;
import org.integrationevidence.approach.ApproachRef;
import org.integrationevidence.casestudy.CaseStudySummary;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.openapi.SchemaBounds;

/** One approach with its place in the tree and the case studies that use it, as the API serves it. */
@Schema(name = "Approach", description = "An approach with its broader and narrower approaches and its case studies.")
public record ApproachDetail(
        @Schema(examples = "school-linking", maxLength = Slugs.MAX_LENGTH) String slug,
        @Schema(examples = "School linking", maxLength = ApproachInput.MAX_NAME) String name,
        @Schema(maxLength = ApproachInput.MAX_DEFINITION) String definition,
        @Schema(description = "The broader approach; null for a top-level one.", nullable = true)
        ApproachRef parent,
        @Schema(description = "Narrower approaches, by name.")
        List<ApproachRef> children,
        @Schema(description = "The first page of published case studies tagged with this approach or a narrower one, most recently changed first. "
                + "Continue with GET /api/v1/case-studies?approach={slug}&cursor={next}.")
        Page<CaseStudySummary> caseStudies,
        @Schema(description = "What those case studies say, and how strongly: by evidence level and direction, with the "
                + "countries and outcome domains they cover. Classifications are the repository's.")
        EvidenceSummary evidence,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "0 when created; increases by one with every change.", examples = "0", minimum = "0",
                maximum = SchemaBounds.MAX_LONG) long version) {

    /** The approach as the taxonomy knows it, with the first page of its case studies. */
    static ApproachDetail of(ApproachFacts approach, Page<CaseStudySummary> caseStudies, EvidenceSummary evidence) {
        return new ApproachDetail(approach.slug(), approach.name(), approach.definition(), approach.parent(),
                approach.children(), caseStudies, evidence, approach.createdAt(), approach.updatedAt(), approach.version());
    }
}
