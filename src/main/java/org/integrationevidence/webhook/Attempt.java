package org.integrationevidence.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One attempt to send a delivery: when, the receiver's status code (none when no answer came), how long, what failed. */
@Entity
@Table(name = "webhook_attempt")
@NamedQuery(name = Attempt.OF_DELIVERY, query = "select a from Attempt a where a.deliveryId = :delivery order by a.id")
class Attempt {

    static final String OF_DELIVERY = "Attempt.ofDelivery";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "delivery_id", nullable = false)
    long deliveryId;

    @Column(name = "attempted_at", nullable = false)
    Instant attemptedAt;

    @Column(name = "status_code")
    Integer statusCode;

    @Column(name = "latency_ms", nullable = false)
    long latencyMs;

    String error;
}
