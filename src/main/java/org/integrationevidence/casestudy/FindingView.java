package org.integrationevidence.casestudy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.outcome.OutcomeDomainRef;

/** A finding as served. */
@Schema(name = "Finding", description = "A finding of the case study: an outcome domain, what was found in the repository's "
        + "words, the direction the sources state, and which sources back it.")
public record FindingView(
        @Schema(description = "The outcome domain, as the repository classifies the finding; null for a finding not classified "
                + "in a domain (one written in the deprecated `outcomes`, or a claim whose domain the sources do not say).",
                nullable = true, implementation = OutcomeDomainRef.class)
        OutcomeDomainRef domain,
        @Schema(maxLength = FindingInput.MAX_STATEMENT) String statement,
        @Schema(description = "Which way the outcome went, as the sources state it; `not-reported` where they state no result.")
        Direction direction,
        @Schema(nullable = true) Measure measure,
        @Schema(description = "This finding's own rating, when it has one; otherwise the case study's overall rating applies.",
                nullable = true) CaseStudyView.Evidence evidence,
        @Schema(maxItems = FindingInput.MAX_SOURCES) List<FindingSource> sources) {
}
