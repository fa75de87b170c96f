package org.integrationevidence.casestudy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A slug that a case study was renamed from: it keeps answering with a permanent redirect and is never reused. */
@Entity
@Table(name = "case_study_slug_alias")
public class SlugAlias {

    @Id
    public String slug;

    @Column(name = "case_study_id", nullable = false)
    public Long caseStudyId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
