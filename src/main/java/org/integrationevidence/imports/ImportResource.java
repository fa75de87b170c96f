package org.integrationevidence.imports;

import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.access.KeyHolder;
import org.integrationevidence.access.Role;
import org.integrationevidence.casestudy.CaseStudyInput;
import org.integrationevidence.problem.ApiException;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports")
public class ImportResource {

    private static final String CSV_EXAMPLE = "title,summary,body,place.name,place.countryCode,place.scale,approaches,themes,"
            + "evidence.level,evidence.rationale,sources[0].title,sources[0].contribution,status\n"
            + "\"Example: a sample language café, for the import format\",A sample row that describes no real initiative.,"
            + "\"An **example** body.\n\nIt spans two lines, inside quotes.\",Example Town,GB,city,language-learning,"
            + "language|social-contact,1,Sample data: there is no evidence behind it.,\"Example source (sample data, not a real "
            + "publication)\",\"Everything in this example row; \"\"nothing\"\" else.\",draft\n";

    private static final String NDJSON_EXAMPLE = "{\"title\": \"Example: a sample language café, for the import format\", "
            + "\"summary\": \"A sample row that describes no real initiative.\", \"body\": \"An **example** body.\", "
            + "\"place\": {\"name\": \"Example Town\", \"countryCode\": \"GB\", \"scale\": \"city\"}, "
            + "\"approaches\": [\"language-learning\"], \"themes\": [\"language\", \"social-contact\"], "
            + "\"evidence\": {\"level\": 1, \"rationale\": \"Sample data: there is no evidence behind it.\"}, "
            + "\"sources\": [{\"title\": \"Example source (sample data, not a real publication)\", "
            + "\"contribution\": \"Everything in this example row.\"}], \"status\": \"draft\"}\n";

    @Inject
    ImportService imports;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Role.CURATOR_NAME)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "importCaseStudies", summary = "Import case studies from a CSV or NDJSON file",
            description = "Creates many case studies from one file, **all or nothing**: every row is checked exactly as "
                    + "`POST /api/v1/case-studies` would check it (fields, approach slugs, period, status rules for the key's "
                    + "role, slugs taken or repeated in the file), and only if every row is valid are they all written, in "
                    + "one transaction. Otherwise the answer is 422 listing each error with its `row`, `field` and `message` "
                    + "(the first 1,000; the detail says how many there were) and nothing is written. With `dryRun=true` the "
                    + "file is checked and nothing is written either way.\n\n"
                    + "**CSV** (`text/csv`, UTF-8, RFC 4180 quoting): a header row, then one case study per row. Columns are "
                    + "the JSON paths of the fields of CaseStudyInput: `slug`, `title`, `summary`, `body`, `place.name`, "
                    + "`place.localAuthority`, `place.region`, `place.countryCode`, `place.latitude`, `place.longitude`, "
                    + "`place.scale`, `period.startYear`, `period.endYear`, `period.ongoing`, `leadOrganisations`, "
                    + "`partnerOrganisations`, `approaches`, `themes`, `targetGroups`, `outcomes` (lists: values separated "
                    + "by `|`), `evidence.level`, `evidence.rationale`, `licence`, `status`, and `sources[i].title`, "
                    + "`.author`, `.publisher`, `.publishedOn`, `.url`, `.contribution`, `.fromReaderComments` for i from 0 "
                    + "to 19. Any subset, in any order; unknown columns are refused; an empty cell leaves the field out. "
                    + "Rows are numbered as in a spreadsheet: the header is row 1.\n\n"
                    + "**NDJSON** (`application/x-ndjson`): one CaseStudyInput JSON object per line, as the single create "
                    + "takes it; rows are line numbers; blank lines are skipped.\n\n"
                    + "Curators' case studies are drafts owned by them; editors' are published unless a row says `draft`. "
                    + "Files over 20 MiB or 20,000 case studies (configurable) are refused with 413 as they are read. "
                    + "Curators and above.")
    @RequestBody(required = true, description = "The file: CSV with a header row, or NDJSON.", content = {
            @Content(mediaType = ImportFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "CSV (RFC 4180) with a header row of column names, at most evidence.imports.max-bytes "
                            + "(20 MiB by default).", maxLength = 20971520),
                    examples = @ExampleObject(name = "csv", summary = "A header and one case study", value = CSV_EXAMPLE)),
            // Each line is a CaseStudyInput; the example (one line) is checked against that schema.
            @Content(mediaType = ImportFormat.NDJSON_TYPE, schema = @Schema(implementation = CaseStudyInput.class),
                    examples = @ExampleObject(name = "ndjson", summary = "One case study", value = NDJSON_EXAMPLE))})
    @APIResponse(responseCode = "200", description = "Every row is valid: all were written (or, on a dry run, would be).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "409", ref = "SlugTaken")
    @APIResponse(responseCode = "413", ref = "ImportTooLarge")
    @APIResponse(responseCode = "503", ref = "ImportTimedOut")
    @APIResponse(responseCode = "415", ref = "ImportUnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ImportInvalid")
    public ImportReport importCaseStudies(
            @Parameter(description = "`true` to check the file and write nothing; `false` (the default) to import it.",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"), example = "true")
            @QueryParam("dryRun") String dryRun,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream file) {
        ImportFormat format = ImportFormat.of(contentType);
        return imports.importFile(file, format, parseDryRun(dryRun), KeyHolder.of(identity));
    }

    private static boolean parseDryRun(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.invalid("dryRun", "must be true or false");
    }
}
