package org.integrationevidence.changes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A case study that is public as far as the feed has told, with the slug it told. */
@Entity
@Table(name = "change_feed_public")
class PublicCaseStudy {

    @Id
    @Column(name = "case_study_id")
    long caseStudyId;

    @Column(nullable = false)
    String slug;
}
