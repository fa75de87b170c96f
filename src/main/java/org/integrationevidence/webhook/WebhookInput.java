package org.integrationevidence.webhook;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription, as its owner describes it; the secret, status and progress are the service's. */
@Schema(name = "WebhookInput", description = "A new webhook subscription.")
public record WebhookInput(
        @Schema(description = "Where to POST deliveries: an absolute https URL (plain http only to an address an operator "
                + "allow-listed). Its host must resolve to public addresses only.", maxLength = MAX_URL,
                examples = "https://cms.example.org/hooks/evidence")
        @NotBlank @Size(max = MAX_URL) String url,
        @Schema(description = "The events to send: `published`, `updated`, `withdrawn`, `deleted` (the change feed's "
                + "kinds) and `taxonomy` (approaches created, changed or deleted). Default: the four kinds of change of "
                + "case studies.", type = SchemaType.ARRAY, maxItems = 5, examples = "[\"published\", \"updated\"]",
                implementation = EventKind.class)
        @Size(max = 5) List<@Size(max = 20) String> events,
        @Valid WebhookFilters filters,
        @Schema(description = "What the subscription is for, for its owner.", maxLength = MAX_DESCRIPTION,
                examples = "New school linking evidence for the council's newsletter")
        @Size(max = MAX_DESCRIPTION) String description) {

    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;
}
