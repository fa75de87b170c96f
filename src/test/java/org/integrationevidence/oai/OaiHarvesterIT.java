package org.integrationevidence.oai;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application harvested by an independent harvester: Debian's libhttp-oai-perl (HTTP::OAI::Harvester,
 * driven by src/test/oai/harvest.pl), which walks every verb, set and resumption token; and its answers checked by
 * xmllint (libxml2-utils): well-formed, and the case_study metadata valid against the schema the service publishes.
 * Without those tools the tests are skipped, with the reason printed; with {@code EVIDENCE_BROWSER_TESTS=required}
 * (as {@code .ci/run} sets) they fail instead.
 */
@QuarkusIntegrationTest
@ActingAs(ActingAs.Role.EDITOR)
class OaiHarvesterIT {

    private static final boolean REQUIRED = "required".equals(System.getenv("EVIDENCE_BROWSER_TESTS"));
    private static final Path WORK = Path.of("target", "oai-harvester");
    private static final Path HARVEST_SCRIPT = Path.of("src", "test", "oai", "harvest.pl");

    @BeforeEach
    void toolsAreThere() throws IOException {
        skipUnless(succeeds(List.of("perl", "-MHTTP::OAI", "-e", "1")),
                "OAI-PMH harvester tests skipped: Debian's libhttp-oai-perl (perl's HTTP::OAI) is not installed");
        skipUnless(succeeds(List.of("xmllint", "--version")),
                "OAI-PMH harvester tests skipped: xmllint (Debian's libxml2-utils) is not installed");
        Files.createDirectories(WORK);
    }

    /**
     * A selective harvest from the moment the test begins, by the server's clock (Identify's responseDate), as an
     * incremental harvester makes: it holds this test's records whatever the database holds besides. On PostgreSQL the
     * packaged application shares its database with the in-process suite, whose imports leave some 10,000 case studies
     * behind, and a harvest of all of them in lists of 3 outlasted the harvester's 10 minutes on a slow machine.
     * {@code scripts/bench-oai} harvests everything, at 100,000 case studies.
     */
    @Test
    void theHarvesterHarvestsEveryRecordSetAndDeletionThroughResumptionTokens() throws Exception {
        String from = given().when().get("/oai?verb=Identify").then().statusCode(200).extract().xmlPath()
                .getString("OAI-PMH.responseDate");
        assertTrue(from.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), from);
        String approach = TestData.createApproach(null);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slugs.add(given().contentType(ContentType.JSON).body(TestData.caseStudy(approach)).when()
                    .post("/api/v1/case-studies").then().statusCode(201).extract().path("slug"));
        }
        given().when().delete("/api/v1/case-studies/" + slugs.get(0)).then().statusCode(204);

        String output = run(List.of("perl", HARVEST_SCRIPT.toString(), "--from", from, baseUrl() + "/oai"), "harvest.log");
        assertTrue(output.contains("\nOK"), output);
        Matcher harvested = Pattern.compile("Harvested (\\d+) records \\((\\d+) deleted\\) changed from " + from
                + " and (\\d+) sets").matcher(output);
        assertTrue(harvested.find(), output);
        assertTrue(Integer.parseInt(harvested.group(1)) >= 4, output);
        assertTrue(Integer.parseInt(harvested.group(2)) >= 1, "the withdrawn case study is a deleted record: " + output);
        assertTrue(output.contains("ListRecords case_study"), output);
    }

    @Test
    void everyAnswerIsWellFormedAndTheCaseStudyFormatValidAgainstItsSchema() throws Exception {
        String slug = given().contentType(ContentType.JSON).body(TestData.caseStudy(TestData.createApproach(null))).when()
                .post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        List<String> requests = List.of("verb=Identify", "verb=ListMetadataFormats", "verb=ListSets",
                "verb=ListIdentifiers&metadataPrefix=oai_dc", "verb=ListRecords&metadataPrefix=oai_dc",
                "verb=ListRecords&metadataPrefix=case_study", "verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:localhost:" + slug,
                "verb=Nonsense", "verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01");
        for (int i = 0; i < requests.size(); i++) {
            Path answer = WORK.resolve("answer-" + i + ".xml");
            Files.writeString(answer, given().urlEncodingEnabled(false).when().get("/oai?" + requests.get(i))
                    .then().statusCode(200).extract().asString());
            String lint = run(List.of("xmllint", "--noout", answer.toString()), "xmllint-" + i + ".log");
            assertEquals("", lint.strip(), requests.get(i) + " is not well-formed: " + lint);
        }

        Path schema = WORK.resolve("case-study.xsd");
        Files.writeString(schema, given().when().get("/oai/case-study.xsd").then().statusCode(200).extract().asString());
        OaiXml record = OaiXml.get("verb", "GetRecord", "metadataPrefix", "case_study", "identifier", "oai:localhost:" + slug);
        Path metadata = WORK.resolve("case-study.xml");
        StringWriter text = new StringWriter();
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(record.node("//cs:caseStudy")), new StreamResult(text));
        Files.writeString(metadata, text.toString());
        String valid = run(List.of("xmllint", "--noout", "--schema", schema.toString(), metadata.toString()), "xmllint-schema.log");
        assertTrue(valid.contains("validates"), valid);
    }

    private static String baseUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    private static String run(List<String> command, String logName) throws IOException, InterruptedException {
        Path log = WORK.resolve(logName).toAbsolutePath();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        assertTrue(finished, String.join(" ", command) + " took more than 10 minutes:\n" + output);
        if (!command.get(0).equals("xmllint") || command.contains("--schema")) {
            assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Skips with the reason, printed to the build's output too; fails instead where the tests must run. */
    private static void skipUnless(boolean condition, String reason) {
        if (REQUIRED) {
            assertTrue(condition, reason.replace("tests skipped", "tests cannot run"));
        }
        if (!condition) {
            System.out.println("[WARNING] " + reason);
        }
        assumeTrue(condition, reason);
    }
}
