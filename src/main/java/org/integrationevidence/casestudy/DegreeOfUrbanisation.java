package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The Degree of Urbanisation (Eurostat's DEGURBA, first level): the class of the place's local area as the
 * method classifies it by population density and size. A fact of the place from a source, never guessed.
 */
public enum DegreeOfUrbanisation {
    /** Densely populated areas. */
    CITIES,
    /** Intermediate density areas. */
    TOWNS_AND_SEMI_DENSE_AREAS,
    /** Thinly populated areas. */
    RURAL_AREAS;

    /** The longest value on the wire ("towns-and-semi-dense-areas"), for the OpenAPI document; checked when the class loads. */
    public static final int MAX_LENGTH = 26;

    static {
        for (DegreeOfUrbanisation value : values()) {
            if (value.toString().length() > MAX_LENGTH) {
                throw new IllegalStateException("DegreeOfUrbanisation.MAX_LENGTH is too small for " + value);
            }
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
