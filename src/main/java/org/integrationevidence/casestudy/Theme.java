package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** The area of life a case study works on. Serialized as its lowercase hyphenated slug. */
public enum Theme {
    EMPLOYMENT, EDUCATION, LANGUAGE, HOUSING, HEALTH, CIVIC_PARTICIPATION, SOCIAL_CONTACT, MEDIA_AND_PUBLIC_ATTITUDES,
    CULTURE_AND_HERITAGE, COMMUNITY_SAFETY, PUBLIC_SERVICES, RIGHTS_AND_EQUALITY;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
