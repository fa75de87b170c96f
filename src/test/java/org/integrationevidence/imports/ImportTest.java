package org.integrationevidence.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/** Bulk import over HTTP: formats, the all-or-nothing rule, dry runs, roles, limits, and a 10,000-row file. */
@QuarkusTest
class ImportTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";
    private static final String HEADER = "slug,title,summary,body,place.name,place.scale,approaches,evidence.level,"
            + "evidence.rationale,sources[0].title,sources[0].contribution,status";

    @Test
    void theCsvExampleFileImportsAsTheCuratorsDrafts() throws IOException {
        String curator = TestKeys.curator();
        Response response = post(curator, CSV, Files.readString(Path.of("docs/import-example.csv")), false);
        response.then().statusCode(200)
                .body("dryRun", equalTo(false))
                .body("rows", equalTo(2))
                .body("created", equalTo(2))
                .body("items.row", contains(2, 3))
                .body("items[0].slug", startsWith("example-a-sample-language-cafe-for-the-import-format"));
        String first = response.path("items[0].slug");
        String second = response.path("items[1].slug");

        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + first).then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("title", equalTo("Example: a sample language café, for the import format"))
                .body("body", equalTo("This is **example data** for the bulk import format.\n\nA quoted field may hold commas, "
                        + "line breaks and \"doubled quotes\"."))
                .body("partnerOrganisations", contains("Example Volunteers", "Example Library"))
                .body("themes", contains("language", "social-contact"))
                .body("period.startYear", equalTo(2020))
                .body("sources[0].url", equalTo("https://example.org/sample-source"));
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + second).then().statusCode(200)
                .body("status", equalTo("draft"))
                .body("period.ongoing", equalTo(true))
                .body("sources.title", contains("Example source (sample data)", "Another example source (sample data)"));
        // Drafts: nobody else learns that they exist.
        given().when().get(CASE_STUDIES + "/" + first).then().statusCode(404);
    }

    @Test
    void theNdjsonExampleFileChecksOnADryRunAndWritesNothing() throws IOException {
        String file = Files.readString(Path.of("docs/import-example.ndjson"));
        Response dryRun = post(TestKeys.editor(), NDJSON, file, true);
        dryRun.then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("rows", equalTo(2))
                .body("created", equalTo(0))
                .body("items.row", contains(1, 2));
        for (String slug : dryRun.<List<String>>path("items.slug")) {
            given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES + "/" + slug).then().statusCode(404);
        }

        String curator = TestKeys.curator();
        List<String> slugs = post(curator, NDJSON, file, false).then().statusCode(200)
                .body("created", equalTo(2)).extract().path("items.slug");
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + slugs.get(1)).then().statusCode(200)
                .body("place.name", equalTo("Example Village"))
                .body("sources", hasSize(2));
    }

    @Test
    void theDocumentedExamplesAreAccepted() throws IOException {
        var content = new com.fasterxml.jackson.databind.ObjectMapper().readTree(given().accept("application/json")
                .when().get("/q/openapi?format=json").asString())
                .path("paths").path(IMPORTS).path("post").path("requestBody").path("content");
        for (String mediaType : List.of(CSV, NDJSON)) {
            // A one-line NDJSON example is shown as the JSON object it is.
            var value = content.path(mediaType).path("examples").elements().next().path("value");
            String example = value.isTextual() ? value.asText() : value.toString();
            post(TestKeys.curator(), mediaType, example, true).then().log().ifValidationFails().statusCode(200).body("rows", equalTo(1));
        }
    }

    @Test
    void oneBadRowAmongGoodOnesIsReportedAndNothingIsWritten() {
        String good = TestData.unique("case-study");
        String alsoGood = TestData.unique("case-study");
        String file = HEADER + "\n"
                + row(good, "sport", "1", "") + "\n"
                + row(TestData.unique("case-study"), "no-such-approach", "high", "") + "\n"
                + row(alsoGood, "sport", "2", "") + "\n";
        post(TestKeys.editor(), CSV, file, false).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/import-invalid"))
                .body("title", equalTo("Invalid import"))
                .body("detail", equalTo("1 row has errors (1 error in a file of 3 case studies). Nothing was written."))
                .body("errors", hasSize(1))
                .body("errors[0].row", equalTo(3))
                .body("errors[0].field", equalTo("evidence.level"))
                .body("errors[0].message", equalTo("must be a whole number"));
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES + "/" + good).then().statusCode(404);
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES + "/" + alsoGood).then().statusCode(404);

        // Once the cell is a number, the service's own rules speak: the approach is not in the taxonomy.
        String fixedLevel = file.replace(",high,", ",1,");
        post(TestKeys.editor(), CSV, fixedLevel, false).then().statusCode(422)
                .body("errors[0].row", equalTo(3))
                .body("errors[0].field", equalTo("approaches[0]"))
                .body("errors[0].message", containsString("is not an approach in the taxonomy"));
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES + "/" + good).then().statusCode(404);
    }

    @Test
    void ndjsonRowsFollowTheRulesOfTheSingleCreate() {
        Map<String, Object> valid = TestData.caseStudy("sport");
        Map<String, Object> owner = TestData.caseStudy("sport");
        owner.put("owner", "Someone else");
        Map<String, Object> backwards = TestData.caseStudy("sport");
        TestData.part(backwards, "period").put("startYear", 2020);
        TestData.part(backwards, "period").put("endYear", 2010);
        TestData.part(backwards, "place").put("countryCode", "gb");
        String file = json(valid) + "\n\n" + json(owner) + "\n{\"title\": \n" + json(backwards) + "\nnull\n";
        post(TestKeys.editor(), NDJSON, file, false).then().statusCode(422)
                .body("detail", equalTo("4 rows have errors (4 errors in a file of 5 case studies). Nothing was written."))
                .body("errors.row", contains(3, 4, 5, 6))
                .body("errors.field", contains("owner", "$", "place.countryCode", "$"))
                .body("errors[0].message", equalTo("is set by the server and cannot be written"))
                .body("errors[1].message", containsString("is not one well-formed JSON object"))
                .body("errors[3].message", containsString("must be a JSON object"));
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES + "/" + valid.get("slug")).then().statusCode(404);

        // Bean Validation first, then the service's rules, as for POST /api/v1/case-studies.
        TestData.part(backwards, "place").put("countryCode", "GB");
        post(TestKeys.editor(), NDJSON, json(backwards), false).then().statusCode(422)
                .body("errors[0].row", equalTo(1))
                .body("errors[0].field", equalTo("period.endYear"))
                .body("errors[0].message", equalTo("must not be before period.startYear"));
    }

    @Test
    void slugsTakenOrRepeatedInTheFileAreErrors() {
        String repeated = TestData.unique("case-study");
        String file = HEADER + "\n"
                + row("linking-network-school-linking", "sport", "1", "") + "\n"
                + row(repeated, "sport", "1", "") + "\n"
                + row(repeated, "sport", "1", "") + "\n";
        post(TestKeys.editor(), CSV, file, true).then().statusCode(422)
                .body("errors.row", contains(2, 4))
                .body("errors.field", everyItem(equalTo("slug")))
                .body("errors[0].message", containsString("is taken"))
                .body("errors[1].message", equalTo("is also the slug of row 3; each case study needs its own"));
    }

    @Test
    void slugsDerivedFromTitlesAvoidEachOtherAndTheGivenOnes() {
        String title = "Example import title " + TestData.unique("t");
        String derived = title.toLowerCase().replace(' ', '-');
        String file = "title,summary,body,place.name,place.scale,approaches,evidence.level,evidence.rationale,"
                + "sources[0].title,sources[0].contribution,slug\n"
                + String.join("\n", List.of(
                        rowWithTitle(title, ""), rowWithTitle(title, ""), rowWithTitle("Another title", derived))) + "\n";
        post(TestKeys.curator(), CSV, file, false).then().statusCode(200)
                .body("items.slug", contains(derived + "-2", derived + "-3", derived));
    }

    @Test
    void quotedFieldsFollowRfc4180() {
        String curator = TestKeys.curator();
        String slug = TestData.unique("case-study");
        // A byte order mark, CRLF line ends, an empty quoted field, and no line break after the last record.
        String file = "\uFEFF" + HEADER + ",place.region\r\n"
                + slug + ",\"Quotes \"\"inside\"\", a comma\",\"Über, naïve; 日本\",\"Line one\r\nline two\n\nline four\","
                + "Example Town,city,\"sport|school-linking\",1,Sample.,\"Source, with a comma\",\"\"\"Quoted\"\" contribution\",draft,\"\"";
        post(curator, CSV, file, false).then().statusCode(200).body("items[0].row", equalTo(2));
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("title", equalTo("Quotes \"inside\", a comma"))
                .body("summary", equalTo("Über, naïve; 日本"))
                .body("body", equalTo("Line one\r\nline two\n\nline four"))
                .body("approaches.slug", contains("school-linking", "sport"))
                .body("sources[0].title", equalTo("Source, with a comma"))
                .body("sources[0].contribution", equalTo("\"Quoted\" contribution"))
                .body("place.region", equalTo(null));
    }

    @Test
    void malformedCsvRecordsAreReportedWithoutHidingTheOthers() {
        String file = HEADER + "\n"
                + row(TestData.unique("case-study"), "sport", "1", "") + "\n"
                + "a,\"closed\"early,c\n"
                + "only,three,fields\n"
                + "x,ab\"c,d\n"
                + row(TestData.unique("case-study"), "sport", "1", "") + "\n"
                + "\"never closed,\n";
        post(TestKeys.curator(), CSV, file, true).then().statusCode(422)
                .body("errors.row", contains(3, 4, 5, 7))
                .body("errors.field", everyItem(equalTo("$")))
                .body("errors[0].message", containsString("text after the closing quote"))
                .body("errors[1].message", equalTo("has 3 fields but the header has 12 columns"))
                .body("errors[2].message", containsString("quote inside a field that is not in quotes"))
                .body("errors[3].message", containsString("never closed"));
    }

    @Test
    void theNulCharacterIsARowError() {
        String file = HEADER + "\n" + row(TestData.unique("case-study"), "sport", "1", "").replace("A row made", "A row \u0000made") + "\n";
        post(TestKeys.curator(), CSV, file, true).then().statusCode(422)
                .body("errors.row", contains(2))
                .body("errors[0].message", equalTo("is not well-formed CSV: it has the NUL character (U+0000) in field 3"));
    }

    @Test
    void unknownOrRepeatedColumnsAreRefused() {
        String file = HEADER + ",place.town,title\n" + row(TestData.unique("case-study"), "sport", "1", "") + ",Bradford,x\n";
        post(TestKeys.curator(), CSV, file, true).then().statusCode(422)
                .body("errors.row", contains(1, 1))
                .body("errors.field", contains("place.town", "title"))
                .body("errors[0].message", startsWith("is not a known column; the columns are slug, title, summary"))
                .body("errors[1].message", equalTo("is a column twice"));
        post(TestKeys.curator(), CSV, "title,sources[20].title\nx,y\n", true).then().statusCode(422)
                .body("errors[0].field", equalTo("sources[20].title"));
        post(TestKeys.curator(), CSV, HEADER + "\n" + row("x", "sport", "1", "").replace(",1,", ",1,") + "\n", true)
                .then().statusCode(200);
    }

    @Test
    void badRequestsAreProblems() {
        String curator = TestKeys.curator();
        client(curator).contentType(ContentType.JSON).body("{}").when().post(IMPORTS).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"))
                .body("detail", containsString("text/csv or application/x-ndjson"));
        client(curator).contentType("text/csv; charset=ISO-8859-1").body(HEADER.getBytes(StandardCharsets.ISO_8859_1))
                .when().post(IMPORTS).then().statusCode(415).body("detail", containsString("UTF-8"));
        client(curator).body(HEADER).when().post(IMPORTS).then().statusCode(415);
        client(curator).contentType(CSV).queryParam("dryRun", "yes").body(HEADER).when().post(IMPORTS).then().statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
        post(curator, CSV, "", false).then().statusCode(400).body("errors[0].field", equalTo("$"))
                .body("errors[0].message", containsString("holds no case studies"));
        post(curator, CSV, HEADER + "\n\n", false).then().statusCode(400);
        client(curator).contentType(CSV).body(new byte[] {'t', 'i', 't', 'l', 'e', '\n', (byte) 0xC3, (byte) 0x28, '\n'})
                .when().post(IMPORTS).then().statusCode(400).body("detail", containsString("not valid UTF-8"));
    }

    @Test
    void curatorsImportDraftsAndEditorsMayPublish() {
        String curator = TestKeys.curator();
        String editor = TestKeys.editor();
        post(curator, CSV, HEADER + "\n" + row(TestData.unique("case-study"), "sport", "1", "published") + "\n", true)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", containsString("only editors publish"));
        post(editor, CSV, HEADER + "\n" + row(TestData.unique("case-study"), "sport", "1", "withdrawn") + "\n", true)
                .then().statusCode(422).body("errors[0].field", equalTo("status"));

        String draft = TestData.unique("case-study");
        String published = TestData.unique("case-study");
        String editorsDraft = TestData.unique("case-study");
        post(curator, CSV, HEADER + "\n" + row(draft, "sport", "1", "") + "\n", false).then().statusCode(200);
        post(editor, CSV, HEADER + "\n" + row(published, "sport", "1", "") + "\n" + row(editorsDraft, "sport", "1", "draft") + "\n",
                false).then().statusCode(200).body("created", equalTo(2));
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + draft).then().statusCode(200).body("status", equalTo("draft"));
        given().when().get(CASE_STUDIES + "/" + published).then().statusCode(200).body("status", equalTo("published"));
        given().spec(bearer(editor)).when().get(CASE_STUDIES + "/" + editorsDraft).then().statusCode(200).body("status", equalTo("draft"));
    }

    @Test
    void anonymousCallersAre401() {
        given().contentType(CSV).body(HEADER + "\n").when().post(IMPORTS).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("/problems/unauthorized"));
    }

    @Test
    void errorsAreCappedButCounted() {
        String file = "{}\n".repeat(1100);
        ValidatableResponse response = post(TestKeys.curator(), NDJSON, file, true).then().statusCode(422)
                .body("errors", hasSize(1000))
                .body("errors[0].row", equalTo(1));
        int perRow = post(TestKeys.curator(), NDJSON, "{}\n", true).then().statusCode(422).extract().path("errors.size()");
        response.body("detail", equalTo("1100 rows have errors (" + 1100 * perRow + " errors in a file of 1100 case studies). "
                + "Nothing was written. The first 1000 errors are listed."));
    }

    @Test
    void filesOverTheLimitsAre413() {
        // 20 MiB by default: one byte more is refused while it is read.
        StringBuilder big = new StringBuilder(HEADER).append('\n');
        String line = "\"" + "x".repeat(4094) + "\"\n";
        while (big.length() <= 20 * 1024 * 1024) {
            big.append(line);
        }
        post(TestKeys.curator(), CSV, big.toString(), true).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/content-too-large"))
                .body("detail", containsString("larger than the 20971520 bytes"));
        // 20,000 case studies at most, however small.
        post(TestKeys.curator(), NDJSON, "{}\n".repeat(20_001), true).then().statusCode(413)
                .body("detail", containsString("more than the 20000 case studies"));
    }

    /**
     * A file of 10,000 case studies imports within the suite's normal time and is then readable and searchable.
     * The slugs start with "case-study-", which marks what tests made (see SeedDataTest).
     */
    @Test
    void tenThousandRowsImportAndAreSearchable() {
        String editor = TestKeys.editor();
        String approach = given().spec(bearer(editor)).contentType(ContentType.JSON)
                .body(Map.of("slug", TestData.unique("approach"), "name", TestData.unique("Bulk approach"), "definition", "For a test."))
                .when().post("/api/v1/approaches").then().statusCode(201).extract().path("slug");
        String word = "bulkword" + TestData.unique("w").replaceAll("[^a-z]", "");
        String prefix = TestData.unique("case-study-bulk");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 10_000; i++) {
            file.append(prefix).append('-').append(i).append(",Example bulk row ").append(i).append(' ').append(word)
                    .append(",A generated row for a test.,\"Generated body, row ").append(i).append(".\",Example Town,city,")
                    .append(approach).append(",1,Generated for a test.,Example source (test data),Everything.,\n");
        }
        Instant start = Instant.now();
        client(editor).config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 180_000))
                        .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(CSV).body(file.toString().getBytes(StandardCharsets.UTF_8))
                .when().post(IMPORTS).then().statusCode(200)
                .body("rows", equalTo(10_000))
                .body("created", equalTo(10_000))
                .body("items[9999].row", equalTo(10_001))
                .body("items[9999].slug", equalTo(prefix + "-10000"));
        // How fast is measured by scripts/bench, which loads its 100,000 case studies through this import and reports
        // the rate beside its other figures; a bound on time here would fail on a loaded machine, not on a slowdown.
        System.out.println("Imported 10,000 case studies in " + Duration.between(start, Instant.now()).toMillis() + " ms");

        given().when().get(CASE_STUDIES + "/" + prefix + "-5000").then().statusCode(200)
                .body("title", equalTo("Example bulk row 5000 " + word))
                .body("body", equalTo("Generated body, row 5000."));
        // The index may still be catching up when the import is answered: give it time.
        Instant deadline = Instant.now().plusSeconds(120);
        int total;
        do {
            total = given().queryParam("approach", approach).queryParam("q", word).when().get(CASE_STUDIES)
                    .then().statusCode(200).extract().path("total");
        } while (total < 10_000 && Instant.now().isBefore(deadline) && pause());
        assertEquals(10_000, total);
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String row(String slug, String approach, String level, String status) {
        return slug + ",\"Example: import test row\",A row made for a test.,Body text.,Example Town,city," + approach + ","
                + level + ",Made for a test.,Example source (test data),Everything in this row.," + status;
    }

    private static String rowWithTitle(String title, String slug) {
        return title + ",A row made for a test.,Body text.,Example Town,city,sport,1,Made for a test.,Example source (test data),"
                + "Everything in this row.," + slug;
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests that send exactly the Content-Type given: REST Assured would otherwise add a charset to text/csv. */
    private static RequestSpecification client(String key) {
        return given().spec(bearer(key)).config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    private static Response post(String key, String contentType, String file, boolean dryRun) {
        RequestSpecification request = client(key).contentType(contentType).body(file.getBytes(StandardCharsets.UTF_8));
        if (dryRun) {
            request.queryParam("dryRun", "true");
        }
        return request.when().post(IMPORTS);
    }
}
