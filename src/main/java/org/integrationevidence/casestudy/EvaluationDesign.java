package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an initiative was studied, from the weakest design to the strongest. Serialized as its lowercase hyphenated slug. */
public enum EvaluationDesign {
    NONE, DESCRIPTIVE, BEFORE_AFTER, COMPARISON_GROUP, RANDOMISED;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
