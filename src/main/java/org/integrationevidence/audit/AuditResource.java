package org.integrationevidence.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.access.Role;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.openapi.SchemaBounds;
import org.integrationevidence.problem.ApiException;
import org.integrationevidence.problem.FieldError;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    EvidenceConfig config;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "listAuditEvents", summary = "Read the audit log",
            description = "Every write (whatever its answer), every request made with a key, and every refused key, newest "
                    + "first, with the key's id, name, owner and role and the client's address. Refused keys are never "
                    + "stored, only that one was refused. Events are written a moment after the request, and kept for "
                    + "the configured retention. Send the same filters with `cursor` for the next page. Admins only.")
    @APIResponse(responseCode = "200", description = "A page of audit events; `total` counts all that match the filters.")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    public Page<AuditEventView> list(
            @Parameter(description = "Only requests made with this key.", example = "7",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = SchemaBounds.MAX_INT)) @QueryParam("keyId") String keyId,
            @Parameter(description = "Only events of this kind.", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"write", "read", "refused-key"}), example = "write") @QueryParam("kind") String kind,
            @Parameter(description = "Only events at or after this instant (ISO 8601) or date.", example = "2026-11-01",
                    schema = @Schema(type = SchemaType.STRING, maxLength = SchemaBounds.MAX_INSTANT_LENGTH))
            @QueryParam("since") String since,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20"), example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's `next`.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH)) @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Integer key = QueryParameters.wholeNumber("keyId", keyId, 1, Integer.MAX_VALUE);
        AuditKind kindFilter = kind == null || kind.isBlank() ? null : AuditKind.parse(kind.strip());
        if (kind != null && !kind.isBlank() && kindFilter == null) {
            errors.add(new FieldError("kind", "must be one of write, read, refused-key"));
        }
        Instant from = QueryParameters.instant("since", since, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        int pageSize = QueryParameters.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit());
        return audit.find(key == null ? null : key.longValue(), kindFilter, from,
                cursor == null || cursor.isBlank() ? null : cursor, pageSize);
    }
}
