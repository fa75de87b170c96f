package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of an effect size, without which the number cannot be read. Serialized as its lowercase hyphenated slug. */
public enum EffectSizeKind {
    STANDARDISED_MEAN_DIFFERENCE, ODDS_RATIO, RISK_RATIO, RISK_DIFFERENCE, PERCENTAGE_POINTS, CORRELATION, OTHER;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
