package org.integrationevidence.casestudy;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.integrationevidence.outcome.OutcomeDomain;

/**
 * A finding of a case study (V12__findings_evaluation_cost.sql). Its rows are replaced as a whole on every write of
 * the case study, so {@link #position} is written by the mapper, not kept by an order column.
 */
@Entity
@Table(name = "case_study_finding")
public class CaseStudyFinding {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_study_id", nullable = false)
    public CaseStudy caseStudy;

    @Column(nullable = false)
    public int position;

    /** Null only for a finding written in the deprecated free-text {@code outcomes}, until an editor classifies it. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "domain_id")
    public OutcomeDomain domain;

    @Column(nullable = false)
    public String statement;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "measure_what")
    public String measureWhat;

    @Column(name = "measure_value")
    public Double measureValue;

    @Column(name = "measure_unit")
    public String measureUnit;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "measure_comparison")
    public MeasureComparison measureComparison;

    @Column(name = "effect_size")
    public Double effectSize;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "effect_size_kind")
    public EffectSizeKind effectSizeKind;

    /** This finding's own level; null where only the case study's overall rating applies. */
    @Column(name = "evidence_level")
    public Integer evidenceLevel;

    @Column(name = "evidence_rationale")
    public String evidenceRationale;

    @ElementCollection
    @CollectionTable(name = "case_study_finding_source", joinColumns = @JoinColumn(name = "finding_id"))
    @OrderColumn(name = "position")
    public List<FindingCitation> sources = new ArrayList<>();
}
