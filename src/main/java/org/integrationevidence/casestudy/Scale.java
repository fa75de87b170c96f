package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The geographic reach of a case study. */
public enum Scale {
    NEIGHBOURHOOD, CITY, REGION, NATIONAL, INTERNATIONAL;

    /** The longest value on the wire ("international"), for the OpenAPI document; checked when the class loads. */
    public static final int MAX_LENGTH = 13;

    static {
        for (Scale value : values()) {
            if (value.toString().length() > MAX_LENGTH) {
                throw new IllegalStateException("Scale.MAX_LENGTH is too small for " + value);
            }
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
