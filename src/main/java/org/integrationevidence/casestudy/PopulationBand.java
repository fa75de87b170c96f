package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How many people live in a place, as a band: enough to ask for places of a like size without claiming a count.
 * The lower bound of each band is inclusive: 50,000 people is {@code 50k-to-250k}.
 */
public enum PopulationBand {
    UNDER_50K("under-50k"),
    FROM_50K_TO_250K("50k-to-250k"),
    FROM_250K_TO_1M("250k-to-1m"),
    OVER_1M("over-1m");

    /** The longest value on the wire ("50k-to-250k"), for the OpenAPI document; checked when the class loads. */
    public static final int MAX_LENGTH = 11;

    static {
        for (PopulationBand value : values()) {
            if (value.toString().length() > MAX_LENGTH) {
                throw new IllegalStateException("PopulationBand.MAX_LENGTH is too small for " + value);
            }
        }
    }

    private final String wire;

    PopulationBand(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String toString() {
        return wire;
    }
}
