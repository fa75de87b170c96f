package org.integrationevidence.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key just created: the only response that ever carries the key itself. */
@Schema(name = "CreatedApiKey", description = "A new API key with its secret. Store the key now: it is never shown again.")
public record CreatedApiKey(
        @Schema(description = "The key, to send as `Authorization: Bearer <key>`. Shown only in this response.",
                examples = "iek_Xb3qLw0m6Q8f1pT2yV5zR7sK9dH4jN0cA3eB6gU1iO8", maxLength = ApiKeyService.KEY_LENGTH) String key,
        ApiKeyView details) {
}
