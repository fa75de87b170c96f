package org.integrationevidence.feed;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A saved search: the canonical query string of its filters, under an id made from it, and the title it was saved with. */
@Entity
@Table(name = "saved_search")
public class SavedSearch {

    @Id
    public String id;

    @Column(nullable = false, length = SavedSearchService.MAX_QUERY_LENGTH)
    public String query;

    public String title;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
