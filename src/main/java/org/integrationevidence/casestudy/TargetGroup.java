package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whom a case study works with. Serialized as its lowercase hyphenated slug. */
public enum TargetGroup {
    REFUGEES, ASYLUM_SEEKERS, LABOUR_MIGRANTS, MIGRANTS, WOMEN, YOUNG_PEOPLE, CHILDREN, MINORITY_ETHNIC_COMMUNITIES,
    RECEIVING_COMMUNITIES, WHOLE_COMMUNITY;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
