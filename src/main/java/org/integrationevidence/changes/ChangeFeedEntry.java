package org.integrationevidence.changes;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change of the public feed at its position. Written once by the sequencer and never changed, so a page of
 * positions reads the same forever.
 */
@Entity
@Table(name = "change_feed_entry")
@NamedQuery(name = ChangeFeedEntry.AFTER,
        query = "select e from ChangeFeedEntry e where e.position > :after order by e.position")
@NamedQuery(name = ChangeFeedEntry.CASE_STUDIES,
        query = "select c.id, c.slug, c.status, c.version from CaseStudy c where c.id in :ids")
class ChangeFeedEntry {

    static final String AFTER = "ChangeFeedEntry.after";
    static final String CASE_STUDIES = "ChangeFeedEntry.caseStudies";

    @Id
    long position;

    @Column(name = "case_study_id", nullable = false)
    long caseStudyId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    ChangeKind kind;

    /** The slug now; for a tombstone, the slug the feed last gave the case study, which a mirror holds. */
    @Column(nullable = false)
    String slug;

    /** The slug the feed last gave, when the case study was renamed since; null otherwise. */
    @Column(name = "previous_slug")
    String previousSlug;

    /** The case study's version when the change was sequenced; null when it was deleted. */
    @Column(name = "case_version")
    Long caseVersion;

    /** When the change was recorded, by the database's clock. */
    @Column(name = "changed_at", nullable = false)
    Instant changedAt;
}
