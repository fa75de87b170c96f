package org.integrationevidence.casestudy;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One state of a case study, kept for good: the full snapshot after a change (the JSON of what PUT would send, with
 * the slug and status), who made the change, when and why. Rows are only ever added.
 */
@Entity
@Table(name = "case_study_revision")
public class Revision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_study_id", nullable = false)
    public Long caseStudyId;

    /** 1 for the creation, then one more for each change of this case study. */
    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public RevisionAction action;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public CaseStudyStatus status;

    /** The case study's version (its ETag) right after the change. */
    @Column(name = "case_version", nullable = false)
    public long caseVersion;

    /** JSON of a {@link CaseStudyInput} with slug and status set. */
    @Column(nullable = false)
    public String snapshot;

    public String reason;

    /** Who made the change: the owner of the key, "seed data" for the first load, "system" for the service itself. */
    @Column(name = "made_by", nullable = false)
    public String madeBy;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;
}
