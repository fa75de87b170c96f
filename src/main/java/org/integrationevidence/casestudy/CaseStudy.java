package org.integrationevidence.casestudy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.integrationevidence.approach.Approach;

/** A case study of an integration initiative, with where, when, who, how, what came of it and how we know. */
@Entity
@Table(name = "case_study")
@NamedQuery(name = CaseStudy.COUNT_TAGGED_WITH,
        query = "select count(c) from CaseStudy c join c.approaches a where a = :approach and c.status in :statuses")
@NamedQuery(name = CaseStudy.TAGGED_WITH,
        query = "select c from CaseStudy c join c.approaches a where a = :approach and c.status = :status")
@NamedQuery(name = CaseStudy.PUBLISHED_PER_APPROACH,
        query = "select a.id, c.id from CaseStudy c join c.approaches a where c.status = :status")
public class CaseStudy {

    static final String COUNT_TAGGED_WITH = "CaseStudy.countTaggedWith";
    static final String TAGGED_WITH = "CaseStudy.taggedWith";
    static final String PUBLISHED_PER_APPROACH = "CaseStudy.publishedPerApproach";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Unique within its {@link #slugScope}. */
    @Column(nullable = false)
    public String slug;

    /**
     * Where the slug is unique: {@link #PUBLIC_SCOPE} once the case study has been published (and for good), else
     * its owner's name, so that curators' unpublished slugs never meet (see V8__draft_slugs_per_owner.sql).
     */
    @Column(name = "slug_scope", nullable = false)
    public String slugScope;

    /** The scope of the slugs of case studies that have been published. */
    static final String PUBLIC_SCOPE = "";

    /** Whether the case study has been published: its slug, and former slugs, are public. */
    boolean publishedOnce() {
        return PUBLIC_SCOPE.equals(slugScope);
    }

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @Column(name = "body_markdown", nullable = false)
    public String bodyMarkdown;

    /** The body rendered and sanitized once, when written, so reads never render Markdown. */
    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @Column(name = "place_name", nullable = false)
    public String placeName;

    @Column(name = "local_authority")
    public String localAuthority;

    public String region;

    @Column(name = "country_code")
    public String countryCode;

    public Double latitude;

    public Double longitude;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    /** Null when the sources do not say. */
    public Scale scale;

    /** ISO 3166-2 code of the place's subdivision (V15__place_attributes.sql); null when no source says. */
    @Column(name = "subdivision_code")
    public String subdivisionCode;

    /** NUTS code of the place's region; null where none applies or no source says. */
    @Column(name = "nuts_code")
    public String nutsCode;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "degree_of_urbanisation")
    public DegreeOfUrbanisation degreeOfUrbanisation;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "population_band")
    public PopulationBand populationBand;

    @Column(name = "start_year")
    public Integer startYear;

    @Column(name = "end_year")
    public Integer endYear;

    public Boolean ongoing;

    @ElementCollection
    @CollectionTable(name = "case_study_lead_organisation", joinColumns = @JoinColumn(name = "case_study_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false)
    public List<String> leadOrganisations = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "case_study_partner_organisation", joinColumns = @JoinColumn(name = "case_study_id"))
    @OrderColumn(name = "position")
    @Column(name = "name", nullable = false)
    public List<String> partnerOrganisations = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "case_study_approach",
            joinColumns = @JoinColumn(name = "case_study_id"),
            inverseJoinColumns = @JoinColumn(name = "approach_id"))
    public Set<Approach> approaches = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "case_study_theme", joinColumns = @JoinColumn(name = "case_study_id"))
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "theme", nullable = false)
    public Set<Theme> themes = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "case_study_target_group", joinColumns = @JoinColumn(name = "case_study_id"))
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "target_group", nullable = false)
    public Set<TargetGroup> targetGroups = new LinkedHashSet<>();

    /**
     * Replaced as a whole on every write (see {@link CaseStudyFinding}). Not refreshed with the case study: a refresh
     * that locks the row for a write (CaseStudyLookup.lockedForWrite) would refresh the findings first, before the lock
     * is granted, and keep those that the write before it replaced; the collection is read again after the lock.
     */
    @OneToMany(mappedBy = "caseStudy", cascade = {CascadeType.PERSIST, CascadeType.REMOVE}, orphanRemoval = true)
    @OrderBy("position")
    public List<CaseStudyFinding> findings = new ArrayList<>();

    @Column(name = "evidence_level", nullable = false)
    public Integer evidenceLevel;

    @Column(name = "evidence_rationale", nullable = false)
    public String evidenceRationale;

    /** How the initiative was evaluated; all null when the sources do not say. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "evaluation_design")
    public EvaluationDesign evaluationDesign;

    @Column(name = "evaluation_independent")
    public Boolean evaluationIndependent;

    @Column(name = "evaluation_reference")
    public String evaluationReference;

    /** What the initiative costs, on the published scale; both null when the sources do not say. */
    @Column(name = "cost_band")
    public Integer costBand;

    @Column(name = "cost_rationale")
    public String costRationale;

    @ElementCollection
    @CollectionTable(name = "case_study_source", joinColumns = @JoinColumn(name = "case_study_id"))
    @OrderColumn(name = "position")
    public List<SourceCitation> sources = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public CaseStudyStatus status;

    @Column(nullable = false)
    public String licence;

    /** The holder of the key that created the case study; null for the seed data. */
    public String owner;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public Long version;
}
