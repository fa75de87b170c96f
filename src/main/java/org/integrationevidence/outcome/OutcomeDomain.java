package org.integrationevidence.outcome;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A node of the outcome domain vocabulary: a group of the Indicators of Integration framework (such as "Social
 * connections") or a domain under one (such as "Bridges").
 */
@Entity
@Table(name = "outcome_domain")
@NamedQuery(name = OutcomeDomain.COUNT_CHILDREN, query = "select count(d) from OutcomeDomain d where d.parent = :domain")
@NamedQuery(name = OutcomeDomain.LAST_POSITION,
        query = "select coalesce(max(d.position), 0) from OutcomeDomain d where d.parent = :parent")
@NamedQuery(name = OutcomeDomain.LAST_TOP_POSITION,
        query = "select coalesce(max(d.position), 0) from OutcomeDomain d where d.parent is null")
public class OutcomeDomain {

    static final String COUNT_CHILDREN = "OutcomeDomain.countChildren";
    static final String LAST_POSITION = "OutcomeDomain.lastPosition";
    static final String LAST_TOP_POSITION = "OutcomeDomain.lastTopPosition";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String definition;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public OutcomeDomain parent;

    /** Orders siblings as the framework lists them, 1 first. */
    @Column(nullable = false)
    public int position;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public Long version;
}
