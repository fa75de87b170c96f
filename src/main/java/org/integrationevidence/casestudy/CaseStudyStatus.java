package org.integrationevidence.casestudy;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a case study is in its review workflow (see {@link Transition}): only published ones are public; drafts
 * and those in review are seen by editors and their owner; withdrawn ones answer 410 Gone.
 */
public enum CaseStudyStatus {
    DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWN;

    @JsonValue
    @Override
    public String toString() {
        return Vocabulary.slugOf(this);
    }
}
