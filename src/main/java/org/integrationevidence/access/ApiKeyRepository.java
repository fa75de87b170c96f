package org.integrationevidence.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
class ApiKeyRepository implements PanacheRepository<ApiKey> {

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

    /**
     * Locks every admin key's row until the transaction ends, in id order (so that two revocations never wait for
     * each other crosswise): revocations of admin keys then run one after the other, and each counts the usable admin
     * keys after the one before it committed.
     */
    void lockAdmins() {
        getEntityManager().createNativeQuery("select id from api_key where role = 'ADMIN' order by id for update")
                .getResultList();
    }

    /**
     * Records a use of the key at {@code now}, when its last recorded use is older than {@code before}: one statement
     * that writes that column alone, so that it can never put back a column another transaction changed meanwhile
     * (a revocation).
     */
    int recordUse(long id, Instant now, Instant before) {
        return update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now, id, before);
    }

    /** Revokes the key at {@code now} unless it is revoked already; whether this call revoked it. */
    boolean revoke(long id, Instant now) {
        return update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, id) == 1;
    }
}
