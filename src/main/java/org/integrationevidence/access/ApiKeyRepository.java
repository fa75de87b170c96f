package org.integrationevidence.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepository<ApiKey> {

    Optional<ApiKey> findByHash(String keyHash) {
        return find("keyHash", keyHash).firstResultOptional();
    }

    List<ApiKey> listNewestFirst() {
        return listAll(Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending));
    }

    /** How many admin keys can be used now: neither revoked nor expired. */
    long countUsableAdmins(Instant now) {
        return count("role = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2)", Role.ADMIN, now);
    }
}
