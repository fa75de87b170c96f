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

/** One move of a case study through the workflow, with who made it, when, and the reviewer's note. */
@Entity
@Table(name = "case_study_transition")
public class TransitionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_study_id", nullable = false)
    public Long caseStudyId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public Transition action;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_status", nullable = false)
    public CaseStudyStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_status", nullable = false)
    public CaseStudyStatus toStatus;

    public String note;

    /** The owner of the key that made the move. */
    @Column(name = "made_by", nullable = false)
    public String madeBy;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;
}
