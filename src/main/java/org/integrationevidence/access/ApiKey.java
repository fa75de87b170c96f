package org.integrationevidence.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An API key: who holds it and what it may do. The key itself is never stored, only its SHA-256 hash. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    @Column(name = "key_prefix", nullable = false)
    public String keyPrefix;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String owner;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The admin key that created this one; null for a bootstrap key. */
    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
