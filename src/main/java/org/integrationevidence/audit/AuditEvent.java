package org.integrationevidence.audit;

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
import org.integrationevidence.access.Role;

/** One request in the audit log: what was asked, how it was answered, with which key and from where. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public AuditKind kind;

    @Column(nullable = false)
    public String method;

    /** The request's path, without its query string (which may hold search words, never anything secret). */
    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public int status;

    /** Null for a refused key: a key that is not known has no id, and what was sent is never stored. */
    @Column(name = "key_id")
    public Long keyId;

    @Column(name = "key_name")
    public String keyName;

    @Column(name = "key_owner")
    public String keyOwner;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "key_role")
    public Role keyRole;

    @Column(name = "client_address", nullable = false)
    public String clientAddress;
}
