package org.integrationevidence.backup;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.access.Role;
import org.integrationevidence.common.Timestamps;

@Path("/api/v1/database-backup")
@Tag(name = "Operations")
public class DatabaseBackupResource {

    static final String MEDIA_TYPE = "application/gzip";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @Inject
    DatabaseBackup backup;

    @GET
    @Produces(MEDIA_TYPE)
    @RolesAllowed(Role.ADMIN_NAME)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "backUpDatabase", summary = "Back up the embedded database",
            description = "A consistent online backup of the embedded H2 database while the service keeps serving and "
                    + "writing: the SQL script (H2's `SCRIPT`) that recreates every table, row and sequence, compressed "
                    + "with gzip and streamed as it is read. It is the whole database, so it holds every case study "
                    + "(drafts and withdrawn ones too), every revision, the audit log and the API keys' hashes (never "
                    + "the keys themselves): store it as safely as the database. The search index is not in it; the "
                    + "service rebuilds it from the database when it starts without one.\n\n"
                    + "Restore it offline into a new data directory with `scripts/restore` (H2's `RUNSCRIPT`); "
                    + "`scripts/backup` calls this operation. With PostgreSQL the answer is 409: use `pg_dump` (which "
                    + "`scripts/backup` runs). Admins only; like every request with a key, it is in the audit log.")
    @APIResponse(responseCode = "200", description = "The backup, gzip-compressed SQL, streamed.",
            headers = @Header(name = "Content-Disposition", description = "`attachment; filename=\"evidence-<UTC time>.sql.gz\"`, "
                    + "so that a browser or `curl -OJ` saves it under a name that says when it was taken.",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^attachment; filename=\"evidence-[0-9]{8}T[0-9]{6}Z\\.sql\\.gz\"$",
                            maxLength = 60, example = "attachment; filename=\"evidence-20261124T033000Z.sql.gz\"")),
            content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    maxLength = Integer.MAX_VALUE)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response backUp() {
        backup.checkSupported();
        String file = "evidence-" + FILE_TIME.format(Timestamps.now()) + ".sql.gz";
        return Response.ok((StreamingOutput) backup::writeScript, MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
