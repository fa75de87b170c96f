package org.integrationevidence.casestudy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which of a case study's sources backs a finding, and where in it. The same shape is read and written. */
@Schema(description = "A source of the case study that backs a finding, and where in it.")
public record FindingSource(
        @Schema(description = "Position of the source in the case study's `sources`, from 0.", minimum = "0",
                maximum = "19", examples = "0")
        @NotNull @Min(0) @Max(CaseStudyInput.MAX_SOURCES - 1) Integer index,
        @Schema(description = "Where in the source: a page, section or paragraph, or a short quotation.", nullable = true,
                maxLength = MAX_LOCATOR, examples = "Section on local projects, paragraph on Bradford")
        @Size(max = MAX_LOCATOR) String locator) {

    public static final int MAX_LOCATOR = 300;
}
