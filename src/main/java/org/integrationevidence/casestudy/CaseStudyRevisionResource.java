package org.integrationevidence.casestudy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.http.DeprecatedFields;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.IfMatch;
import org.integrationevidence.http.Page;
import org.integrationevidence.http.QueryParameters;
import org.integrationevidence.openapi.SchemaBounds;
import org.jboss.resteasy.reactive.RestResponse;

/** The revision history of a case study: for its curator and for editors. */
@Path("/api/v1/case-studies/{slug}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions")
@RolesAllowed(Role.CURATOR_NAME)
@SecurityRequirement(name = "apiKey")
public class CaseStudyRevisionResource {

    @Inject
    CaseStudyHistory history;

    @Inject
    CaseStudyWrites writes;

    @Inject
    SecurityIdentity identity;

    @Inject
    EvidenceConfig config;

    @Inject
    CaseStudyCitations citations;

    @GET
    @Operation(operationId = "listCaseStudyRevisions", summary = "List a case study's revisions",
            description = "Every change of the case study, oldest first: creation, edits, renames, workflow moves and "
                    + "restores, each with who made it, when and why, a page at a time (follow `next`). Each revision "
                    + "keeps a full snapshot (see getCaseStudyRevision). For editors (any case study, withdrawn ones too) "
                    + "and the case study's curator.")
    @APIResponse(responseCode = "200", description = "A page of revisions; `total` counts them all.")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    public Page<RevisionSummary> list(@BeanParam CaseStudyTarget target,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100",
                    defaultValue = "20"), example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from the previous page's `next`.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = Cursor.MAX_LENGTH)) @QueryParam("cursor") String cursor) {
        int pageSize = QueryParameters.limit(limit, config.paging().defaultLimit(), config.paging().maxLimit());
        return history.revisions(target.ref(), KeyHolder.of(identity), cursor == null || cursor.isBlank() ? null : cursor, pageSize);
    }

    @GET
    @Path("{number}")
    @Operation(operationId = "getCaseStudyRevision", summary = "Get one revision of a case study",
            description = "The revision with the full case study as it was after it, in the shape PUT takes.")
    @APIResponse(responseCode = "200", description = "The revision.")
    public RevisionView get(@BeanParam CaseStudyTarget target,
            @Parameter(description = "The revision's number, from 1.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = SchemaBounds.MAX_INT)) @PathParam("number") String number) {
        return history.revision(target.ref(), revisionNumber(number), KeyHolder.of(identity));
    }

    @GET
    @Path("{number}/diff")
    @Operation(operationId = "diffCaseStudyRevisions", summary = "Compare two revisions of a case study",
            description = "The fields that differ between revision `from` (by default the one before) and this one, "
                    + "each with its value before and after. `from=0` compares with nothing, listing every field of the "
                    + "case study. Objects are compared member by member, lists as a whole.")
    @APIResponse(responseCode = "200", description = "The differences.")
    @APIResponse(responseCode = "400", ref = "BadQuery")
    public RevisionDiff diff(@BeanParam CaseStudyTarget target,
            @Parameter(description = "The newer revision's number.", example = "2",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = SchemaBounds.MAX_INT)) @PathParam("number") String number,
            @Parameter(description = "The older revision's number; 0 for none. Defaults to the revision before.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = SchemaBounds.MAX_INT)) @QueryParam("from") String from) {
        int to = revisionNumber(number);
        Integer older = QueryParameters.wholeNumber("from", from, 0, Integer.MAX_VALUE);
        return history.diff(target.ref(), older == null ? to - 1 : older, to, KeyHolder.of(identity));
    }

    @DeprecatedFields
    @POST
    @Path("{number}/restore")
    @Operation(operationId = "restoreCaseStudyRevision", summary = "Restore an old revision as a new one",
            description = "Makes the content of this revision current again, as a new revision (history is never "
                    + "rewritten). The slug and status stay as they are now. The content is checked as a PUT of it "
                    + "would be: a revision that tags an approach since deleted is refused with 400. Needs If-Match, as "
                    + "PUT does; editors restore any case study, curators their own drafts.")
    @APIResponse(responseCode = "200", description = "The case study with the restored content, with its new ETag.",
            headers = @Header(name = "ETag", description = "The case study's new version.", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public RestResponse<CaseStudyView> restore(@BeanParam CaseStudyTarget target,
            @Parameter(description = "The number of the revision to restore.", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = SchemaBounds.MAX_INT)) @PathParam("number") String number,
            @BeanParam CaseStudyChange change) {
        IfMatch precondition = change.precondition();
        return CaseStudyResource.withETag(citations, writes.restore(target.ref(), revisionNumber(number), KeyHolder.of(identity),
                precondition, change.reason()));
    }

    /** A revision number in the path; anything but a positive number names no revision (404). */
    private static int revisionNumber(String value) {
        return (int) QueryParameters.pathNumber(value, Integer.MAX_VALUE, "There is no revision \"" + value + "\".");
    }
}
