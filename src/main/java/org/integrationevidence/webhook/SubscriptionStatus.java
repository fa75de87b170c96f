package org.integrationevidence.webhook;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A subscription's state: {@code active} (deliveries are sent), {@code paused} by its owner (events are queued, and
 * sent on resume), {@code disabled} by the service after a run of failures (queued too; see statusReason), and
 * {@code ended} by a 410 Gone from the receiver (nothing more is queued or sent).
 */
public enum SubscriptionStatus {
    ACTIVE, PAUSED, DISABLED, ENDED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
