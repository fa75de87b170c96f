package org.integrationevidence.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A concept of a scheme: a principle, an objective, a guiding principle or a target. Read-only: seeded by migration. */
@Entity
@Table(name = "framework_concept")
class FrameworkConcept {

    @Id
    Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scheme_id")
    FrameworkScheme scheme;

    @Column(nullable = false)
    String code;

    @Column(nullable = false)
    String kind;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String definition;

    @Column(nullable = false)
    int position;
}
