package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The geographic reach of a case study. */
public enum Scale {
    NEIGHBOURHOOD, CITY, REGION, NATIONAL, INTERNATIONAL;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
