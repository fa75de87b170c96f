package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a measured value is compared with. Serialized as its lowercase hyphenated slug. */
public enum MeasureComparison {
    BEFORE_AFTER, COMPARISON_GROUP, NONE;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
