package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which way a finding went, as its sources state it; {@link #NOT_REPORTED} where they state no result, which is most
 * often. Serialized as its lowercase hyphenated slug.
 */
public enum Direction {
    IMPROVED, MIXED, NO_CHANGE, WORSENED, NOT_REPORTED;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
