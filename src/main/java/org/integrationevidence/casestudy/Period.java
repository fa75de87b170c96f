package org.integrationevidence.casestudy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When an initiative ran. Every part is optional: sources often do not say. */
@Schema(description = "When the initiative ran. Each part is null when the sources do not say.")
public record Period(
        @Schema(description = "Year it started.", examples = "2016", nullable = true, minimum = "1800", maximum = "2100")
        @Min(1800) @Max(2100) Integer startYear,
        @Schema(description = "Year it ended; not earlier than startYear, and null when ongoing.", nullable = true,
                minimum = "1800", maximum = "2100")
        @Min(1800) @Max(2100) Integer endYear,
        @Schema(description = "True when the sources say it still runs; null when they do not say.", nullable = true)
        Boolean ongoing) {
}
