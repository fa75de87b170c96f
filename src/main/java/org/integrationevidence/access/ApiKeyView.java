package org.integrationevidence.access;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.openapi.SchemaBounds;

/** An API key as listed to admins: never the key itself, which is shown once, at creation. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "ApiKey", description = "An API key, without its secret.")
public record ApiKeyView(
        @Schema(description = "The key's id, used to revoke it.", examples = "7", minimum = "1", maximum = SchemaBounds.MAX_LONG)
        long id,
        @Schema(description = "The key's first characters, to tell keys apart.", examples = "iek_Xb3q",
                maxLength = ApiKeyService.SHOWN_PREFIX_LENGTH) String prefix,
        @Schema(examples = "Bradford council import", maxLength = ApiKeyInput.MAX_NAME) String name,
        @Schema(examples = "Jane Smith, Bradford Council", maxLength = ApiKeyInput.MAX_OWNER) String owner,
        @Schema(examples = "curator", enumeration = {"curator", "editor", "admin", "monitor"}) Role role,
        @Schema(examples = "2026-11-23T20:15:00Z") Instant createdAt,
        @Schema(description = "Last time the key was accepted, to the minute; null if never used.", nullable = true,
                examples = "2026-11-23T21:02:00Z") Instant lastUsedAt,
        @Schema(description = "When the key stops working; null if never.", nullable = true, examples = "2027-12-31T23:59:59Z")
        Instant expiresAt,
        @Schema(description = "When the key was revoked; null while it is not.", nullable = true) Instant revokedAt,
        @Schema(description = "Whether the key is accepted now: neither revoked nor expired.", examples = "true") boolean active) {

    static ApiKeyView of(ApiKey key, Instant now) {
        return new ApiKeyView(key.id, key.keyPrefix, key.name, key.owner, key.role, key.createdAt, key.lastUsedAt,
                key.expiresAt, key.revokedAt, key.usableAt(now));
    }
}
