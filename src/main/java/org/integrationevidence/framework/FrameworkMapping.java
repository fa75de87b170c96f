package org.integrationevidence.framework;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * "{@code subject} {@code relation} {@code concept}": an approach or an outcome domain, named by its slug (which never
 * changes), related to a concept by a SKOS mapping relation.
 */
@Entity
@Table(name = "framework_mapping")
class FrameworkMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "concept_id")
    FrameworkConcept concept;

    @Column(name = "subject_kind", nullable = false)
    String subjectKind;

    @Column(name = "subject_slug", nullable = false)
    String subjectSlug;

    @Column(nullable = false)
    String relation;

    String note;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    Long version;
}
