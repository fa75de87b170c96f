package org.integrationevidence.oai;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationevidence.http.ConditionalReads;
import org.integrationevidence.http.PublicUrls;
import org.integrationevidence.web.TakesAnyQueryParameter;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The OAI-PMH 2.0 provider: the six verbs by GET or by POST of a form, as the protocol allows (section 3.1.1). Every
 * answer is a 200 with an OAI-PMH document, errors of the protocol included (section 3.6).
 */
@Path("/oai")
@Tag(name = "OAI-PMH")
public class OaiPmhResource {

    static final String XML = "text/xml;charset=UTF-8";

    private static final String DESCRIPTION = "The repository as an OAI-PMH 2.0 data provider, for harvesters of "
            + "libraries, archives and aggregators. Every case study that was ever public is a record, identified as "
            + "`oai:<host>:<slug>` by the slug it was first published under (a rename keeps the identifier); one that is no "
            + "longer public is a deleted record, kept for good (`deletedRecord` is `persistent`). Formats: `oai_dc` "
            + "(simple Dublin Core) and `case_study` (the full case study, schema at `/oai/case-study.xsd`). Sets: "
            + "`approach` (hierarchical: `approach:social-contact-and-mixing:school-linking`, narrower approaches "
            + "included), `country` (`country:GB`), `theme` (`theme:education`) and `framework` (`framework:gcm:16`: case "
            + "studies whose approaches are mapped to that concept). Datestamps to the second, in UTC. "
            + "Lists come in parts with a `resumptionToken` (with `completeListSize`, `cursor` and `expirationDate`); a "
            + "list reads as it was when its first part was asked for, however the data changes meanwhile. Errors are "
            + "the protocol's, in the document, with status 200: `badVerb`, `badArgument`, `badResumptionToken`, "
            + "`cannotDisseminateFormat`, `idDoesNotExist`, `noRecordsMatch`. See the harvesting guide, docs/guide/oai-pmh.md.";

    static final String EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/ "
            + "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\"><responseDate>2026-12-01T10:00:00Z</responseDate>"
            + "<request verb=\"ListIdentifiers\" metadataPrefix=\"oai_dc\" set=\"country:GB\">https://evidence.example.org/oai"
            + "</request><ListIdentifiers><header><identifier>oai:evidence.example.org:example-school-link</identifier>"
            + "<datestamp>2026-11-02T10:30:00Z</datestamp><setSpec>approach:social-contact-and-mixing:school-linking"
            + "</setSpec><setSpec>country:GB</setSpec><setSpec>theme:education</setSpec></header>"
            + "<header status=\"deleted\"><identifier>oai:evidence.example.org:example-withdrawn</identifier>"
            + "<datestamp>2026-11-03T08:00:00Z</datestamp></header>"
            + "<resumptionToken expirationDate=\"2026-12-02T10:00:00Z\" completeListSize=\"250\" cursor=\"0\">"
            + "b2FpLXYxfExpc3RJZGVudGlmaWVycw.AbCdEfGhIjKlMnOpQrStUv</resumptionToken></ListIdentifiers></OAI-PMH>";

    static final String ERROR_EXAMPLE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.openarchives.org/OAI/2.0/ "
            + "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd\"><responseDate>2026-12-01T10:00:00Z</responseDate>"
            + "<request>https://evidence.example.org/oai</request><error code=\"badVerb\">The verb is not one of the "
            + "protocol's: Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords, GetRecord.</error></OAI-PMH>";

    @Inject
    OaiPmhService service;

    @Inject
    PublicUrls urls;

    @Inject
    ObjectMapper json;

    @Inject
    ConditionalReads conditional;

    @GET
    @PermitAll
    @Produces(XML)
    @TakesAnyQueryParameter // an argument the verb does not take is OAI-PMH's badArgument, in the document
    @Operation(operationId = "oaiPmh", summary = "Harvest case studies by OAI-PMH 2.0", description = DESCRIPTION)
    @Parameters({
            @Parameter(name = "verb", in = ParameterIn.QUERY, required = true, description = "The verb.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"Identify", "ListMetadataFormats", "ListSets",
                            "ListIdentifiers", "ListRecords", "GetRecord"}), example = "ListRecords"),
            @Parameter(name = "metadataPrefix", in = ParameterIn.QUERY, description = "The format: `oai_dc` or "
                    + "`case_study` (ListIdentifiers, ListRecords, GetRecord).",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40), example = "oai_dc"),
            @Parameter(name = "identifier", in = ParameterIn.QUERY, description = "A record's identifier (GetRecord, "
                    + "ListMetadataFormats).", schema = @Schema(type = SchemaType.STRING, maxLength = 200),
                    example = "oai:evidence.example.org:example-school-link"),
            @Parameter(name = "set", in = ParameterIn.QUERY, description = "A setSpec from ListSets.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 400), example = "country:GB"),
            @Parameter(name = "from", in = ParameterIn.QUERY, description = "Records changed at or after this UTC "
                    + "datestamp (`YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`).",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 20), example = "2026-11-01T00:00:00Z"),
            @Parameter(name = "until", in = ParameterIn.QUERY, description = "Records changed at or before this UTC "
                    + "datestamp, of the same granularity as `from`.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 20), example = "2026-11-30T23:59:59Z"),
            @Parameter(name = "resumptionToken", in = ParameterIn.QUERY, description = "The token of the list's previous "
                    + "part; sent alone, with the verb.", schema = @Schema(type = SchemaType.STRING, maxLength = 2048),
                    example = "b2FpLXYxfExpc3RJZGVudGlmaWVycw.AbCdEfGhIjKlMnOpQrStUv")})
    @APIResponse(responseCode = "200", description = "An OAI-PMH document: the verb's answer, or the protocol's errors "
            + "(which OAI-PMH answers with status 200).",
            content = @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.STRING, maxLength = 100_000_000),
                    examples = {@ExampleObject(name = "list", summary = "A part of a list of headers", value = EXAMPLE),
                            @ExampleObject(name = "error", summary = "An error of the protocol", value = ERROR_EXAMPLE)}))
    public RestResponse<String> get(@Context UriInfo request) {
        String xml = answer(request.getQueryParameters());
        // Tagged by what it says but its responseDate, so that a conditional GET of an answer that has not changed is
        // a 304; modified as of now, so that If-Modified-Since never hides a change.
        String state = xml.replaceFirst("<responseDate>[^<]*</responseDate>", "");
        Instant now = Instant.now();
        return conditional.answer(() -> conditional.validator(null, state, now), () -> xml);
    }

    @POST
    @PermitAll
    @TakesAnyQueryParameter
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(XML)
    @Operation(operationId = "oaiPmhByPost", summary = "Harvest case studies by OAI-PMH 2.0 (POST)",
            description = "The same as the GET, with the arguments in a form, as OAI-PMH allows.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = SchemaType.OBJECT, implementation = OaiForm.class),
            examples = @ExampleObject(name = "identify", value = "{\"verb\": \"Identify\"}")))
    @APIResponse(responseCode = "200", description = "An OAI-PMH document, as for the GET.",
            content = @Content(mediaType = "text/xml", schema = @Schema(type = SchemaType.STRING, maxLength = 100_000_000),
                    examples = {@ExampleObject(name = "list", summary = "A part of a list of headers", value = EXAMPLE),
                            @ExampleObject(name = "error", summary = "An error of the protocol", value = ERROR_EXAMPLE)}))
    public String post(MultivaluedMap<String, String> form) {
        return answer(form);
    }

    @GET
    @PermitAll
    @Path("case-study.xsd")
    @Produces("application/xml")
    @Operation(operationId = "oaiCaseStudySchema", summary = "The XML Schema of the case_study format",
            description = "The schema of the repository's own OAI-PMH format: the fields of a case study's JSON answer, "
                    + "as elements of the same names in namespace `" + CaseStudyXml.NAMESPACE + "`.")
    @APIResponse(responseCode = "200", description = "The schema.", content = @Content(mediaType = "application/xml",
            schema = @Schema(type = SchemaType.STRING, maxLength = 1_000_000), examples = @ExampleObject(name = "schema",
                    value = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                            + "targetNamespace=\"" + CaseStudyXml.NAMESPACE + "\" elementFormDefault=\"qualified\">"
                            + "<xs:element name=\"caseStudy\">...</xs:element></xs:schema>")))
    public RestResponse<String> caseStudySchema() {
        String schema = CaseStudyXml.schema(json);
        return conditional.release(schema, () -> schema);
    }

    private String answer(Map<String, List<String>> parameters) {
        String base = urls.base().toString();
        OaiResponse response = service.answer(parameters, base + "oai");
        return OaiPmhWriter.write(response, base + MetadataFormat.CASE_STUDY_SCHEMA_PATH, base + "api/v1/case-studies/", json);
    }

    /** The form of a POST, for the OpenAPI document. */
    @Schema(name = "OaiPmhForm", description = "The arguments of an OAI-PMH request, as for the GET.")
    record OaiForm(
            @Schema(required = true, enumeration = {"Identify", "ListMetadataFormats", "ListSets", "ListIdentifiers",
                    "ListRecords", "GetRecord"}) String verb,
            @Schema(maxLength = 40) String metadataPrefix,
            @Schema(maxLength = 200) String identifier,
            @Schema(maxLength = 400) String set,
            @Schema(maxLength = 20) String from,
            @Schema(maxLength = 20) String until,
            @Schema(maxLength = 2048) String resumptionToken) {
    }
}
