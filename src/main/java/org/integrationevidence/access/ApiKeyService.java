package org.integrationevidence.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.integrationevidence.http.BearerKeys;
import org.integrationevidence.persistence.Timestamps;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.ProblemType;

/**
 * Issues, checks and revokes API keys. A key is 256 random bits, base64url-encoded behind a recognisable prefix
 * (so that secret scanners can spot a leaked one); the database holds only its SHA-256 hash. A fast hash is
 * enough here, unlike for passwords: nobody can guess 256 random bits, however fast each guess is.
 */
@ApplicationScoped
@Transactional
class ApiKeyService {

    /** What every key starts with (see BearerKeys). */
    public static final String KEY_PREFIX = BearerKeys.PREFIX;
    private static final int KEY_BYTES = 32;
    /** A new key: the prefix and 32 bytes in unpadded base64url (43 characters). */
    static final int KEY_LENGTH = 47;
    /** Shortest key accepted from the bootstrap setting: 256 bits as base64 take 43 characters. */
    static final int MIN_KEY_LENGTH = 43;
    static final int SHOWN_PREFIX_LENGTH = 8; // KEY_PREFIX and 4 more characters
    /** A key's last use is recorded to this resolution, so that reading with a key does not write on every request. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();

    @Inject
    ApiKeyRepository keys;

    /**
     * The holder of a usable key, or empty when the key is unknown, revoked or expired. The key's entity is only read:
     * its last use is recorded by a statement of its own ({@link ApiKeyRepository#recordUse}), since writing back the
     * entity read here would also write back every other column as it was read, and undo a revocation committed
     * in between.
     */
    public Optional<KeyHolder> authenticate(String key) {
        Instant now = Timestamps.now();
        Optional<ApiKey> found = keys.findByHash(hash(key)).filter(k -> k.usableAt(now));
        found.ifPresent(k -> {
            Instant before = now.minus(LAST_USED_RESOLUTION);
            if (k.lastUsedAt == null || k.lastUsedAt.isBefore(before)) {
                keys.recordUse(k.id, now, before);
            }
        });
        return found.map(KeyHolder::of);
    }

    public CreatedApiKey create(@NotNull(message = ApiException.BODY_REQUIRED) @Valid ApiKeyInput input, KeyHolder creator) {
        Instant now = Timestamps.now();
        if (input.expiresAt() != null && !input.expiresAt().isAfter(now)) {
            throw ApiException.invalid("expiresAt", "must be in the future");
        }
        String key = newKey();
        ApiKey apiKey = store(key, input.name().strip(), input.owner().strip(), input.role(), input.expiresAt(), creator.keyId(), now);
        return new CreatedApiKey(key, ApiKeyView.of(apiKey, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKeyView> list() {
        Instant now = Timestamps.now();
        return keys.listNewestFirst().stream().map(key -> ApiKeyView.of(key, now)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKeyView get(long id) {
        return ApiKeyView.of(find(id), Timestamps.now());
    }

    /**
     * Revokes a key: it is refused from the next request on, and kept for the record. Revoking a revoked key changes
     * nothing. The last usable admin key cannot be revoked: nobody could manage keys any more. Revocations of admin
     * keys hold every admin key's row locked while they count and revoke, so two admins revoking each other at the
     * same moment cannot both succeed; the revocation itself is one conditional statement, so nothing written
     * concurrently (a key's last use) can undo it.
     */
    public void revoke(long id) {
        ApiKey key = find(id);
        Instant now = Timestamps.now();
        if (key.revokedAt != null) {
            return;
        }
        if (key.role == Role.ADMIN) {
            keys.lockAdmins();
            // As committed before the lock was granted: another admin may have revoked this key meanwhile.
            keys.getEntityManager().refresh(key);
            if (key.revokedAt != null) {
                return;
            }
            if (key.usableAt(now) && keys.countUsableAdmins(now) <= 1) {
                throw new ApiException(ProblemType.CONFLICT, "This is the last usable admin key: create another admin key "
                        + "before revoking it.");
            }
        }
        keys.revoke(id, now);
    }

    /** Whether some admin key can be used now. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean usableAdminExists() {
        return keys.countUsableAdmins(Timestamps.now()) > 0;
    }

    /** Stores an admin key made outside the API (see {@link AdminKeyBootstrap}). */
    void storeBootstrapAdmin(String key) {
        store(key, "bootstrap", "bootstrap", Role.ADMIN, null, null, Timestamps.now());
    }

    /** The stored key with this value, usable or not, as the list shows it: the bootstrap checks a provisioned key. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<ApiKeyView> findByKey(String key) {
        Instant now = Timestamps.now();
        return keys.findByHash(hash(key)).map(found -> ApiKeyView.of(found, now));
    }

    /** A new random key. */
    String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private ApiKey store(String key, String name, String owner, Role role, Instant expiresAt, Long createdBy, Instant now) {
        ApiKey apiKey = new ApiKey();
        apiKey.keyHash = hash(key);
        apiKey.keyPrefix = key.substring(0, Math.min(SHOWN_PREFIX_LENGTH, key.length()));
        apiKey.name = name;
        apiKey.owner = owner;
        apiKey.role = role;
        apiKey.createdAt = now;
        apiKey.createdBy = createdBy;
        apiKey.expiresAt = expiresAt;
        keys.persistAndFlush(apiKey);
        return apiKey;
    }

    private ApiKey find(long id) {
        return keys.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("There is no API key with the id " + id + "."));
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
