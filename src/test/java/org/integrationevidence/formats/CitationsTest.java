package org.integrationevidence.formats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.integrationevidence.http.MergePatch;
import org.junit.jupiter.api.Test;

/**
 * Citations: "cite as" in JSON and JSON-LD, CSL-JSON, BibTeX and RIS of a case study, a published version, a page
 * and an export; the public versions; the identifiers of sources and their checks.
 */
@QuarkusTest
class CitationsTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    private static final String BIBTEX = "application/x-bibtex";
    private static final String RIS = "application/x-research-info-systems";
    private static final String REPOSITORY = "Integration Evidence Repository";
    private static final String HOSTILE_TITLE = "Café {50%} & $5 #1 a_b ~^ \\end} @misc{x, \"ER  - \"";

    /** A published case study, by an editor, whose source has a DOI, a Handle and an ISBN. */
    private static Map<String, Object> citable(String approach, String title) {
        Map<String, Object> body = TestData.caseStudy(approach);
        body.put("title", title);
        @SuppressWarnings("unchecked")
        Map<String, Object> source = ((List<Map<String, Object>>) body.get("sources")).get(0);
        source.put("author", "Jane Smith");
        source.put("doi", "10.1093/jrs/fez095");
        source.put("handle", "20.500.12345/6789");
        source.put("isbn", "978-0-306-40615-7");
        return body;
    }

    /** A new approach, made by an editor: the requests of this suite are anonymous unless they say otherwise. */
    private static String approach() {
        return given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON)
                .body(Map.of("slug", TestData.unique("approach"), "name", TestData.unique("Citations approach"),
                        "definition", "An approach made for a test."))
                .when().post("/api/v1/approaches").then().statusCode(201).extract().path("slug");
    }

    private static String publish(Map<String, Object> body) {
        return given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(body)
                .when().post(CASE_STUDIES).then().statusCode(201)
                .body("citeAs.version", equalTo(0))
                .extract().path("slug");
    }

    @Test
    void aPublishedCaseStudySaysHowToCiteItsVersionInJsonAndJsonLd() {
        String slug = publish(citable(approach(), "A citable case study"));
        String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
        String url = given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("citeAs.publisher", equalTo(REPOSITORY))
                .body("citeAs.version", equalTo(0))
                .body("citeAs.url", endsWith(CASE_STUDIES + "/" + slug + "/versions/0"))
                .body("citeAs.text", startsWith(REPOSITORY + ". (" + year + "). A citable case study (Version 0). http"))
                .body("sources[0].doi", equalTo("10.1093/jrs/fez095"))
                .body("sources[0].handle", equalTo("20.500.12345/6789"))
                .body("sources[0].isbn", equalTo("978-0-306-40615-7"))
                .extract().path("citeAs.url");
        assertTrue(url.startsWith("http://"), url);

        given().accept("application/ld+json").when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("author.name", equalTo(REPOSITORY))
                .body("publisher.name", equalTo(REPOSITORY))
                .body("creditText", endsWith("/versions/0"))
                .body("citation[0].identifier.propertyID", equalTo(List.of("DOI", "Handle", "ISBN")))
                .body("citation[0].identifier.value", equalTo(List.of("10.1093/jrs/fez095", "20.500.12345/6789",
                        "978-0-306-40615-7")))
                .body("citation[0].sameAs", equalTo(List.of("https://doi.org/10.1093/jrs/fez095",
                        "https://hdl.handle.net/20.500.12345/6789")));
    }

    @Test
    void aCaseStudyIsServedAsCslJsonBibtexAndRisByAcceptOrFormat() {
        String slug = publish(citable(approach(), "Citation formats"));
        String item = slug + "-v0";
        for (var request : List.of(given().accept(CSL_JSON), given().queryParam("format", "csl-json"))) {
            request.when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                    .contentType(startsWith(CSL_JSON))
                    .body("$", hasSize(2))
                    .body("[0].id", equalTo(item))
                    .body("[0].type", equalTo("document"))
                    .body("[0].title", equalTo("Citation formats"))
                    .body("[0].author[0].literal", equalTo(REPOSITORY))
                    .body("[0].publisher", equalTo(REPOSITORY))
                    .body("[0].version", equalTo("0"))
                    .body("[0].URL", endsWith("/versions/0"))
                    .body("[0].issued.'date-parts'[0][0]", equalTo(LocalDate.now(ZoneOffset.UTC).getYear()))
                    .body("[1].id", equalTo(item + "-source-1"))
                    .body("[1].type", equalTo("book"))
                    .body("[1].author[0].literal", equalTo("Jane Smith"))
                    .body("[1].DOI", equalTo("10.1093/jrs/fez095"))
                    .body("[1].ISBN", equalTo("978-0-306-40615-7"))
                    .body("[1].note", equalTo("hdl:20.500.12345/6789"))
                    .body("[1].issued.'date-parts'[0]", equalTo(List.of(2017, 8, 25)));
        }
        String bibtex = given().queryParam("format", "bibtex").when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .contentType(equalTo(BIBTEX + ";charset=UTF-8")).extract().asString();
        assertTrue(bibtex.startsWith("@misc{" + item + ",\n  title = {Citation formats},\n  author = {{" + REPOSITORY + "}},\n"),
                bibtex);
        assertTrue(bibtex.contains("@book{" + item + "-source-1,\n"), bibtex);
        assertTrue(bibtex.contains("  doi = {10.1093/jrs/fez095},\n  isbn = {978-0-306-40615-7},\n  note = {hdl:20.500.12345/6789},\n"),
                bibtex);
        String ris = given().accept(RIS).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .contentType(equalTo(RIS + ";charset=UTF-8")).extract().asString();
        assertTrue(ris.startsWith("TY  - GEN\r\nID  - " + item + "\r\nTI  - Citation formats\r\nAU  - " + REPOSITORY + "\r\n"), ris);
        assertTrue(ris.contains("TY  - BOOK\r\n"), ris);
        assertTrue(ris.contains("DO  - 10.1093/jrs/fez095\r\nSN  - 978-0-306-40615-7\r\nN1  - hdl:20.500.12345/6789\r\nER  - \r\n"),
                ris);
    }

    @Test
    void aHostileTitleStaysInsideItsFieldInBibtexAndRis() {
        String slug = publish(citable(approach(), HOSTILE_TITLE));
        String bibtex = given().queryParam("format", "bibtex").when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .extract().asString();
        assertTrue(bibtex.contains("  title = {Café \\{50\\%\\} \\& \\$5 \\#1 a\\_b \\textasciitilde{}\\textasciicircum{} "
                + "\\textbackslash{}end\\} @misc\\{x, \"ER  - \"},\n"), bibtex);
        assertEquals(2, occurrences(bibtex, "\n@") + 1, bibtex);
        String ris = given().queryParam("format", "ris").when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .extract().asString();
        assertTrue(ris.contains("TI  - " + HOSTILE_TITLE.replace("ER  - ", "ER - ") + "\r\n"), ris);
        assertEquals(2, occurrences(ris, "\r\nER  - \r\n"), ris);
        assertEquals(2, occurrences(ris, "TY  - "), ris);
    }

    @Test
    void publishedVersionsAreServedForGoodAndOthersAre404() {
        String slug = publish(citable(approach(), "First published title"));
        String editor = TestKeys.editor();
        given().spec(bearer(editor)).header("If-Match", "\"0\"").contentType(MergePatch.MEDIA_TYPE)
                .body("{\"title\": \"Second published title\"}")
                .when().patch(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("citeAs.version", equalTo(1))
                .body("citeAs.text", containsString("Second published title (Version 1)"));

        String versions = CASE_STUDIES + "/" + slug + "/versions/";
        String etag = given().when().get(versions + "0").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("slug", equalTo(slug))
                .body("version", equalTo(0))
                .body("current", equalTo(false))
                .body("caseStudy.title", equalTo("First published title"))
                .body("caseStudy.sources[0].doi", equalTo("10.1093/jrs/fez095"))
                .body("citeAs.text", containsString("First published title (Version 0)"))
                .body("citeAs.url", endsWith(versions + "0"))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get(versions + "0").then().statusCode(304);
        given().when().get(versions + "1").then().statusCode(200)
                .body("current", equalTo(true)).body("caseStudy.title", equalTo("Second published title"));
        given().accept(CSL_JSON).when().get(versions + "0").then().statusCode(200)
                .body("[0].title", equalTo("First published title")).body("[0].version", equalTo("0"))
                .body("[1].DOI", equalTo("10.1093/jrs/fez095"));
        given().queryParam("format", "bibtex").when().get(versions + "0").then().statusCode(200)
                .body(startsWith("@misc{" + slug + "-v0,\n  title = {First published title},"));
        given().queryParam("format", "ris").when().get(versions + "1").then().statusCode(200)
                .body(containsString("TI  - Second published title\r\n"));

        for (String missing : List.of("2", "99", "-1", "abc", "1.0")) {
            given().when().get(versions + missing).then().statusCode(404)
                    .contentType(equalTo("application/problem+json"))
                    .body("type", equalTo("/problems/not-found"));
        }
        given().when().get(versions + "2").then().statusCode(404)
                .body("detail", equalTo("The case study \"" + slug + "\" was never published at version 2: see its "
                        + "`version` for the current one."));
        given().accept("text/csv").when().get(versions + "0").then().statusCode(406)
                .body("type", equalTo("/problems/not-acceptable"));
        given().queryParam("format", "csv").when().get(versions + "0").then().statusCode(400)
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", equalTo("\"csv\" is not one of: json, csl-json, bibtex, ris"));
    }

    @Test
    void aDraftHasNoCitationAndNoPublicVersion() {
        String curator = TestKeys.curator();
        Map<String, Object> body = citable(approach(), "A draft");
        body.remove("status");
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body)
                .when().post(CASE_STUDIES).then().statusCode(201).body("citeAs", nullValue()).extract().path("slug");
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("citeAs", nullValue());
        given().spec(bearer(curator)).accept(CSL_JSON).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("[0].id", equalTo(slug)).body("[0].version", nullValue()).body("[0].URL", nullValue());
        given().when().get(CASE_STUDIES + "/" + slug + "/versions/0").then().statusCode(404);
        given().spec(bearer(curator)).when().get(CASE_STUDIES + "/" + slug + "/versions/0").then().statusCode(404);
    }

    @Test
    void pagesAndExportsAreServedAsCitations() {
        String approach = approach();
        String first = publish(citable(approach, "Page citation one"));
        String second = publish(citable(approach, "Page citation two"));
        given().queryParam("approach", approach).queryParam("format", "csl-json").queryParam("sort", "title")
                .when().get(CASE_STUDIES).then().statusCode(200)
                .contentType(startsWith(CSL_JSON))
                .body("$", hasSize(2))
                .body("id", equalTo(List.of(first + "-v0", second + "-v0")))
                .body("type", not(hasItem("book")));
        String ris = given().queryParam("approach", approach).accept(RIS).queryParam("limit", 1)
                .when().get(CASE_STUDIES).then().statusCode(200)
                .header("Link", containsString("rel=\"next\""))
                .extract().asString();
        assertEquals(1, occurrences(ris, "TY  - "), ris);
        String bibtex = given().queryParam("approach", approach).queryParam("format", "bibtex")
                .when().get(CASE_STUDIES + "/export").then().statusCode(200)
                .contentType(equalTo(BIBTEX + ";charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"case-studies.bib\""))
                .extract().asString();
        assertTrue(bibtex.contains("@misc{" + first + "-v0,") && bibtex.contains("@misc{" + second + "-v0,"), bibtex);
        given().queryParam("approach", approach).accept(CSL_JSON).when().get(CASE_STUDIES + "/export").then()
                .statusCode(200).body("$", hasSize(2)).body("[0].version", equalTo("0"));
        given().queryParam("approach", approach).queryParam("format", "ris").when().get(CASE_STUDIES + "/export").then()
                .statusCode(200).header("Content-Disposition", equalTo("attachment; filename=\"case-studies.ris\""))
                .body(containsString("TI  - Page citation one\r\n"));
        given().queryParam("format", "endnote").when().get(CASE_STUDIES).then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void malformedIdentifiersAre400NamingTheField() {
        String approach = approach();
        Map<String, String> bad = Map.of(
                "doi", "doi:10.1093/jrs/fez095",
                "handle", "not a handle",
                "isbn", "978-0-306-40615-8");
        bad.forEach((field, value) -> {
            Map<String, Object> body = citable(approach, "Bad " + field);
            @SuppressWarnings("unchecked")
            Map<String, Object> source = ((List<Map<String, Object>>) body.get("sources")).get(0);
            source.put(field, value);
            given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(body)
                    .when().post(CASE_STUDIES).then().statusCode(400)
                    .contentType(equalTo("application/problem+json"))
                    .body("type", equalTo("/problems/validation"))
                    .body("errors.field", equalTo(List.of("sources[0]." + field)))
                    .body("errors[0].message", startsWith("must be a"));
        });
        Map<String, Object> body = citable(approach, "An ISBN-10");
        @SuppressWarnings("unchecked")
        Map<String, Object> source = ((List<Map<String, Object>>) body.get("sources")).get(0);
        source.put("isbn", "0-8044-2957-x");
        String slug = publish(body);
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("sources[0].isbn", equalTo("0-8044-2957-X"));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
