package org.integrationevidence.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A concept scheme served beside the taxonomy, such as the Common Basic Principles. Read-only: seeded by migration. */
@Entity
@Table(name = "framework_scheme")
class FrameworkScheme {

    @Id
    Long id;

    @Column(nullable = false, unique = true)
    String code;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String description;

    @Column(nullable = false)
    String source;

    @Column(name = "source_url")
    String sourceUrl;

    @Column(nullable = false)
    String version;

    @Column(nullable = false)
    int position;
}
