package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a case study is in its life: only published ones are listed; withdrawn ones answer 410 Gone. */
public enum CaseStudyStatus {
    DRAFT, PUBLISHED, WITHDRAWN;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
