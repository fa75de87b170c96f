package org.integrationevidence.casestudy;

/**
 * The published 1-5 scale of what an initiative costs to run, beside the evidence scale. A band is the repository's
 * reading of what the sources say of money, staff and premises; it is left out when they say nothing of them.
 */
public enum CostBand {
    VERY_LOW(1, "Very low", "Runs on existing staff time, premises and volunteers, with little or no new spending."),
    LOW(2, "Low", "Needs some new spending, such as materials, venues or a part-time coordinator."),
    MODERATE(3, "Moderate", "Needs dedicated staff or a programme budget of its own."),
    HIGH(4, "High", "Needs several dedicated staff, or services provided to each participant over months."),
    VERY_HIGH(5, "Very high", "Needs a large programme: many staff, buildings, or support to each participant over years.");

    /** The longest label and description, for the OpenAPI document; checked when the class loads. */
    public static final int MAX_LABEL = 9;
    public static final int MAX_DESCRIPTION = 90;

    static {
        for (CostBand value : values()) {
            if (value.label.length() > MAX_LABEL || value.description.length() > MAX_DESCRIPTION) {
                throw new IllegalStateException("MAX_LABEL or MAX_DESCRIPTION is too small for " + value);
            }
        }
    }

    public final int band;
    public final String label;
    public final String description;

    CostBand(int band, String label, String description) {
        this.band = band;
        this.label = label;
        this.description = description;
    }

    public static CostBand of(int band) {
        return values()[band - 1];
    }
}
