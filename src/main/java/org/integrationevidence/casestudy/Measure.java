package org.integrationevidence.casestudy;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a finding measured, when its sources give a measure: every part optional. The same shape is read and written. */
@Schema(description = "What was measured, when the sources give a measure. Every part is optional, but an effect size needs "
        + "its kind.")
public record Measure(
        @Schema(description = "What was measured.", nullable = true, maxLength = MAX_WHAT,
                examples = "Share of participants in paid work six months later") @Size(max = MAX_WHAT) String what,
        @Schema(description = "The value the sources give.", nullable = true, examples = "42") Double value,
        @Schema(description = "The unit of the value.", nullable = true, maxLength = MAX_UNIT, examples = "percent")
        @Size(max = MAX_UNIT) String unit,
        @Schema(description = "What the value is compared with.", nullable = true, maxLength = 16) MeasureComparison comparison,
        @Schema(description = "An effect size, as the sources give it.", nullable = true, examples = "0.3") Double effectSize,
        @Schema(description = "The kind of the effect size: required with it.", nullable = true, maxLength = 28)
        EffectSizeKind effectSizeKind) {

    public static final int MAX_WHAT = 300;
    public static final int MAX_UNIT = 60;

    boolean isEmpty() {
        return what == null && value == null && unit == null && comparison == null && effectSize == null && effectSizeKind == null;
    }
}
