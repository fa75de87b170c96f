package org.integrationevidence.casestudy;

/**
 * The published 1-5 scale of how strong the evidence behind a case study is, in the spirit of Nesta's Standards
 * of Evidence. A case study is rated for what its sources actually report, not for what the initiative may have done.
 */
public enum EvidenceLevel {
    DESCRIBED(1, "Described",
            "The sources say what was done, and perhaps why it should help, but report no results."),
    OUTCOMES_REPORTED(2, "Outcomes reported",
            "The sources report results or successes, but give no data or method that a reader could check."),
    CHANGE_MEASURED(3, "Change measured",
            "Data collected before and after, or over time, show change among the people involved, without a comparison group."),
    IMPACT_SHOWN(4, "Impact shown",
            "A comparison or control group shows that the initiative caused the change."),
    INDEPENDENTLY_REPLICATED(5, "Independently replicated",
            "Independent evaluations confirm the impact, in more than one place or with more than one group.");

    /** The longest label and description, for the OpenAPI document; checked when the class loads. */
    public static final int MAX_LABEL = 24;
    public static final int MAX_DESCRIPTION = 113;

    static {
        for (EvidenceLevel value : values()) {
            if (value.label.length() > MAX_LABEL || value.description.length() > MAX_DESCRIPTION) {
                throw new IllegalStateException("MAX_LABEL or MAX_DESCRIPTION is too small for " + value);
            }
        }
    }

    public final int level;
    public final String label;
    public final String description;

    EvidenceLevel(int level, String label, String description) {
        this.level = level;
        this.label = label;
        this.description = description;
    }

    public static EvidenceLevel of(int level) {
        return values()[level - 1];
    }
}
