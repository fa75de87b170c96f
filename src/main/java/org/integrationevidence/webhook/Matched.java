package org.integrationevidence.webhook;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A case study a filtered subscription has been sent as matching its filter. */
@Entity
@Table(name = "webhook_matched")
@IdClass(Matched.Key.class)
class Matched {

    /** The primary key: the subscription and the case study. */
    static class Key implements Serializable {
        long subscriptionId;
        long caseStudyId;

        Key() {
        }

        Key(long subscriptionId, long caseStudyId) {
            this.subscriptionId = subscriptionId;
            this.caseStudyId = caseStudyId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.subscriptionId == subscriptionId && key.caseStudyId == caseStudyId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(subscriptionId) * 31 + Long.hashCode(caseStudyId);
        }
    }

    @Id
    @Column(name = "subscription_id")
    long subscriptionId;

    @Id
    @Column(name = "case_study_id")
    long caseStudyId;

    Matched() {
    }

    Matched(long subscriptionId, long caseStudyId) {
        this.subscriptionId = subscriptionId;
        this.caseStudyId = caseStudyId;
    }
}
