package org.integrationevidence.casestudy;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.http.Slugs;
import org.integrationevidence.json.SlugOrReference;

/** A finding as a client writes it: one thing the sources say came of the initiative, or that they report nothing. */
@Schema(name = "FindingInput", description = "A finding of the case study as written: an outcome domain, what was found in "
        + "the repository's words, the direction the sources state, and which sources back it.")
public record FindingInput(
        @Schema(description = "Slug of an outcome domain (see /api/v1/outcome-domains), not of a group. The `{slug, name}` "
                + "object a GET returns is accepted too. The domain is the repository's classification, not a claim of the "
                + "sources. Null only for a finding not yet classified (one written in the deprecated `outcomes`): such a "
                + "finding is in no domain's filter, facet or map column.", examples = "bridges", maxLength = Slugs.MAX_LENGTH,
                nullable = true)
        @JsonDeserialize(using = SlugOrReference.class)
        @Size(max = Slugs.MAX_LENGTH) String domain,

        @Schema(description = "What was found, in the repository's words; for `not-reported`, what the initiative worked on "
                + "and that the sources report no result.", maxLength = MAX_STATEMENT,
                examples = "The source describes the matches and visits but reports no result for contact between the groups.")
        @NotBlank @Size(max = MAX_STATEMENT) String statement,

        @Schema(description = "Which way the outcome went, as the sources state it. `not-reported` (the default) where they "
                + "state no result.", nullable = true, defaultValue = "not-reported", maxLength = 12)
        Direction direction,

        @Schema(nullable = true)
        @Valid Measure measure,

        @Schema(description = "A 1-5 level for this finding alone, on the scale at /api/v1/evidence-levels; the case study's "
                + "own rating stays its overall rating. Leave out where the finding has no rating of its own.", nullable = true)
        @Valid CaseStudyInput.Evidence evidence,

        @Schema(description = "Which of the case study's sources back the finding.", maxItems = MAX_SOURCES)
        @Size(max = MAX_SOURCES) List<@NotNull @Valid FindingSource> sources) {

    public static final int MAX_STATEMENT = 1000;
    public static final int MAX_SOURCES = 20;
}
