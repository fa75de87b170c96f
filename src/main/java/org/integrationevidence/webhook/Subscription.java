package org.integrationevidence.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A webhook subscription: where to send which events, with what secret, and how far its deliveries are planned. Its
 * writers each change columns of their own (the planner its position, in {@link Position}; the sender its run of
 * failures and, on a 410 or a disabling, its status; the owner its settings), and an update writes only the columns
 * it changed, so none of them overwrites another's.
 */
@Entity
@Table(name = "webhook_subscription")
@DynamicUpdate
class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String url;

    /** The event kinds, comma-separated, as {@link EventKind#toString()} writes them. */
    @Column(nullable = false)
    String events;

    /** The filter as canonical JSON; {@code {}} for none. */
    @Column(nullable = false)
    String filters;

    String description;

    @Column(name = "owner_key_id", nullable = false)
    long ownerKeyId;

    @Column(name = "owner_name", nullable = false)
    String ownerName;

    @Column(nullable = false)
    String secret;

    @Column(name = "previous_secret")
    String previousSecret;

    @Column(name = "previous_secret_until")
    Instant previousSecretUntil;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    SubscriptionStatus status;

    @Column(name = "status_reason")
    String statusReason;

    @Column(name = "consecutive_failures", nullable = false)
    int consecutiveFailures;

    /** When the delivery at the head of the queue first failed in the current run of failures; null when none failed. */
    @Column(name = "failing_since")
    Instant failingSince;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "lease_owner")
    String leaseOwner;

    @Column(name = "lease_until")
    Instant leaseUntil;

}
