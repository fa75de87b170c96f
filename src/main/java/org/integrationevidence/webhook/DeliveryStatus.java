package org.integrationevidence.webhook;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a delivery stands: {@code pending} (queued, or waiting for its next attempt), {@code delivered} (a 2xx
 * answer), {@code failed} (refused by the receiver with a 4xx other than 408, 410 and 429, which is not retried; it can
 * be redelivered) or {@code cancelled} (its subscription ended).
 */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED, CANCELLED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
