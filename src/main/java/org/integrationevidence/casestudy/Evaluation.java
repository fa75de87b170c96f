package org.integrationevidence.casestudy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the initiative was studied, when the sources say. The same shape is read and written. */
@Schema(description = "How the initiative was evaluated, when the sources say. Leave the whole object out when they do not.")
public record Evaluation(
        @Schema(description = "The design of the evaluation.", required = true) @NotNull EvaluationDesign design,
        @Schema(description = "Whether the evaluation was independent of those who ran the initiative; null when the "
                + "sources do not say.", nullable = true) Boolean independent,
        @Schema(description = "The evaluation: a citation or URL.", nullable = true, maxLength = MAX_REFERENCE)
        @Size(max = MAX_REFERENCE) String reference) {

    public static final int MAX_REFERENCE = 500;
}
