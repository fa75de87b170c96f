package org.integrationevidence.feed;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class SavedSearchRepository implements PanacheRepositoryBase<SavedSearch, String> {
}
