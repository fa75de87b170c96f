package org.integrationevidence.casestudy;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class SlugAliasRepository implements PanacheRepositoryBase<SlugAlias, String> {
}
