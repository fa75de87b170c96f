package org.integrationevidence.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.access.ApiKeyInput;
import org.integrationevidence.access.Role;
import org.integrationevidence.openapi.SchemaBounds;

@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "AuditEvent", description = "One request in the audit log.")
public record AuditEventView(
        @Schema(examples = "1042", minimum = "1", maximum = SchemaBounds.MAX_LONG) long id,
        @Schema(examples = "2026-11-23T20:15:00Z") Instant at,
        @Schema(description = "write (any request but GET, HEAD and OPTIONS), read (a read with a key) or refused-key "
                + "(a key that was unknown, revoked, expired or malformed).", examples = "write") AuditKind kind,
        @Schema(description = "The request's method; OTHER for one that is not standard.", examples = "PUT",
                enumeration = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH", "OTHER"}) String method,
        @Schema(description = "The request's path, without the query string.", examples = "/api/v1/case-studies/linking-network-school-linking",
                maxLength = AuditLog.MAX_PATH_LENGTH)
        String path,
        @Schema(description = "The response's status.", examples = "200", minimum = "100", maximum = "599") int status,
        @Schema(description = "Id of the key used; null for anonymous requests and refused keys.", nullable = true, examples = "7",
                minimum = "1", maximum = SchemaBounds.MAX_LONG)
        Long keyId,
        @Schema(nullable = true, examples = "Bradford editorial team", maxLength = ApiKeyInput.MAX_NAME) String keyName,
        @Schema(nullable = true, examples = "Jane Smith, Bradford Council", maxLength = ApiKeyInput.MAX_OWNER) String keyOwner,
        @Schema(nullable = true, examples = "editor", maxLength = Role.MAX_NAME_LENGTH) Role keyRole,
        @Schema(description = "The client's address, as the server saw it (behind a proxy, only if forwarding is configured).",
                examples = "203.0.113.7", maxLength = AuditLog.MAX_ADDRESS_LENGTH) String clientAddress) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id, event.occurredAt, event.kind, event.method, event.path, event.status,
                event.keyId, event.keyName, event.keyOwner, event.keyRole, event.clientAddress);
    }
}
