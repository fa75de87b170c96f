package org.integrationevidence.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message, rendered once when it is planned and sent unchanged, under one message id, to every subscription it is
 * for, at every attempt and on redelivery.
 */
@Entity
@Table(name = "webhook_event")
class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /** The webhook-id header, so that a receiver can drop a repeat. */
    @Column(name = "message_id", nullable = false)
    String messageId;

    /** The event type of the body, such as {@code case-study.published}. */
    @Column(nullable = false)
    String type;

    @Column(name = "feed_position")
    Long feedPosition;

    String slug;

    @Column(nullable = false)
    String body;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
