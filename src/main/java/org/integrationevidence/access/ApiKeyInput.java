package org.integrationevidence.access;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin says about a new key. Everything else (the key, its hash, timestamps) is the server's. */
@Schema(name = "ApiKeyInput", description = "A new API key.")
public record ApiKeyInput(
        @Schema(description = "What the key is for, to tell it apart in lists.", examples = "Bradford council import",
                maxLength = MAX_NAME)
        @NotBlank @Size(max = MAX_NAME) String name,
        @Schema(description = "The person or organisation that holds the key. Case studies created with the key belong to "
                + "this owner, not to the key: every key with the same owner (a curator's second key, a key and its "
                + "replacement) reads and edits the same drafts, so give different curators different owners.",
                examples = "Jane Smith, Bradford Council", maxLength = MAX_OWNER)
        @NotBlank @Size(max = MAX_OWNER) String owner,
        @Schema(description = "What the key may do: curator (creates case studies and edits its own drafts), editor "
                + "(reviews, edits any case study, publishes and withdraws, manages the taxonomy), admin (also manages keys), "
                + "monitor (reads the operational metrics at /q/metrics, and nothing else).",
                examples = "curator", enumeration = {"curator", "editor", "admin", "monitor"})
        @NotNull Role role,
        @Schema(description = "When the key stops working; it never expires when left out. Must be in the future.",
                examples = "2027-12-31T23:59:59Z")
        Instant expiresAt) {

    public static final int MAX_NAME = 100;
    public static final int MAX_OWNER = 200;

}
