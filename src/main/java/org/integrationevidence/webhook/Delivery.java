package org.integrationevidence.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message ({@link Event}) to one subscription, and how sending it has gone.
 * <p>
 * {@link #HEAD} orders by every column of {@code webhook_delivery_queue_idx} (subscription, status, id), although the
 * first two are fixed by its conditions: H2 reads an index in order only for an {@code order by} that names its
 * columns from the first, and would otherwise read and sort the whole queue to find its head. {@link #BACKLOG} is
 * asked per subscription, so that it reads only the pending part of that index rather than every delivery ever made.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = Delivery.HEAD, query = "select d from Delivery d where d.subscriptionId = :subscription "
        + "and d.status = org.integrationevidence.webhook.DeliveryStatus.PENDING order by d.subscriptionId, d.status, d.id")
@NamedQuery(name = Delivery.PAGE, query = "select d from Delivery d where d.subscriptionId = :subscription "
        + "and d.id < :before order by d.id desc")
@NamedQuery(name = Delivery.COUNT, query = "select count(d) from Delivery d where d.subscriptionId = :subscription")
@NamedQuery(name = Delivery.BACKLOG, query = "select count(d), min(d.createdAt) from Delivery d "
        + "where d.subscriptionId = :subscription and d.status = org.integrationevidence.webhook.DeliveryStatus.PENDING")
class Delivery {

    static final String HEAD = "Delivery.head";
    static final String PAGE = "Delivery.page";
    static final String COUNT = "Delivery.count";
    static final String BACKLOG = "Delivery.backlog";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subscription_id", nullable = false)
    long subscriptionId;

    /** The message it sends ({@link Event}). */
    @Column(name = "event_id", nullable = false)
    long eventId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    DeliveryStatus status;

    @Column(nullable = false)
    int attempts;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    Instant lastAttemptAt;

    @Column(name = "delivered_at")
    Instant deliveredAt;

    @Column(name = "last_status")
    Integer lastStatus;

    @Column(name = "last_error")
    String lastError;

    @Column(name = "last_latency_ms")
    Long lastLatencyMs;
}
