package org.integrationevidence.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How far a subscription's deliveries are planned: the change feed position up to which its events are queued. Kept
 * apart from the subscription's row, which its sender and owner update, so that the planner and they never wait for
 * each other.
 */
@Entity
@Table(name = "webhook_position")
class Position {

    @Id
    @Column(name = "subscription_id")
    long subscriptionId;

    @Column(name = "feed_position", nullable = false)
    long feedPosition;
}
