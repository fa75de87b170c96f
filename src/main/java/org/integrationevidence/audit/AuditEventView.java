package org.integrationevidence.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationevidence.access.Role;

@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "AuditEvent", description = "One request in the audit log.")
public record AuditEventView(
        @Schema(examples = "1042") long id,
        @Schema(examples = "2026-11-23T20:15:00Z") Instant at,
        @Schema(description = "write (any request but GET, HEAD and OPTIONS), read (a read with a key) or refused-key "
                + "(a key that was unknown, revoked, expired or malformed).", examples = "write") AuditKind kind,
        @Schema(examples = "PUT") String method,
        @Schema(description = "The request's path, without the query string.", examples = "/api/v1/case-studies/linking-network-school-linking")
        String path,
        @Schema(description = "The response's status.", examples = "200") int status,
        @Schema(description = "Id of the key used; null for anonymous requests and refused keys.", nullable = true, examples = "7")
        Long keyId,
        @Schema(nullable = true, examples = "Bradford editorial team") String keyName,
        @Schema(nullable = true, examples = "Jane Smith, Bradford Council") String keyOwner,
        @Schema(nullable = true, examples = "editor") Role keyRole,
        @Schema(description = "The client's address, as the server saw it (behind a proxy, only if forwarding is configured).",
                examples = "203.0.113.7") String clientAddress) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(event.id, event.occurredAt, event.kind, event.method, event.path, event.status,
                event.keyId, event.keyName, event.keyOwner, event.keyRole, event.clientAddress);
    }
}
