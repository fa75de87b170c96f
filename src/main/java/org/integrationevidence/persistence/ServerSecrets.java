package org.integrationevidence.persistence;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Random values made once per database and shared by every instance that uses it (table {@code server_secret}).
 * Nothing here is configured or committed: the first instance to need a value creates it; if two create one at
 * once, the second insert fails on the primary key and that instance reads the first one's value.
 */
@ApplicationScoped
public class ServerSecrets {

    /** 256 bits. */
    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, byte[]> cache = new ConcurrentHashMap<>();

    @Inject
    EntityManager entityManager;

    /** The secret of this name, created on first use. */
    public byte[] get(String name) {
        return cache.computeIfAbsent(name, this::readOrCreate).clone();
    }

    private byte[] readOrCreate(String name) {
        byte[] existing = QuarkusTransaction.requiringNew().call(() -> read(name));
        if (existing != null) {
            return existing;
        }
        byte[] created = new byte[BYTES];
        random.nextBytes(created);
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                            "insert into server_secret (name, secret, created_at) values (?1, ?2, ?3)")
                    .setParameter(1, name)
                    .setParameter(2, Base64.getEncoder().encodeToString(created))
                    .setParameter(3, Timestamps.now())
                    .executeUpdate());
            return created;
        } catch (RuntimeException e) {
            byte[] raced = QuarkusTransaction.requiringNew().call(() -> read(name));
            if (raced == null) {
                throw e;
            }
            return raced;
        }
    }

    private byte[] read(String name) {
        List<?> rows = entityManager.createNativeQuery("select secret from server_secret where name = ?1")
                .setParameter(1, name).getResultList();
        return rows.isEmpty() ? null : Base64.getDecoder().decode((String) rows.get(0));
    }
}
