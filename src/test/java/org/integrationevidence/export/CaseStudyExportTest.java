package org.integrationevidence.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.CsvAssertions;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Exports over HTTP. Each test tags its case studies with an approach of its own and exports that approach only.
 * In the test profile an export reads 7 case studies per batch, so a dozen already spans several batches.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class CaseStudyExportTest {

    private static final String EXPORT = "/api/v1/case-studies/export";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void csvHasEveryMatchOnceInTheListsOrderAcrossBatches() {
        String approach = createApproach(null);
        for (int i = 0; i < 16; i++) {
            Map<String, Object> caseStudy = caseStudy(approach);
            caseStudy.put("title", "Export row " + (char) ('a' + i));
            create(caseStudy);
        }
        List<String> listed = given().queryParam("approach", approach).queryParam("sort", "title").queryParam("limit", 100)
                .when().get("/api/v1/case-studies")
                .then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);
        TestKeys.actAnonymously();

        String csv = given().queryParam("approach", approach).queryParam("sort", "title").queryParam("format", "csv")
                .when().get(EXPORT)
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"case-studies.csv\""))
                .extract().asString();

        List<String> exported = CsvAssertions.slugs(csv);
        assertEquals(16, listed.size());
        assertEquals(listed, exported);
    }

    @Test
    void csvCellsKeepTheirTextJoinListsAndDisarmFormulas() {
        String approach = createApproach(null);
        Map<String, Object> caseStudy = caseStudy(approach);
        caseStudy.put("summary", "Parents, pupils and \"link\" teachers met.");
        caseStudy.put("body", "Twice a term, classes met.\r\n\r\nThe second paragraph.");
        caseStudy.put("leadOrganisations", List.of("Bradford Council", "The Linking Network"));
        caseStudy.put("outcomes", List.of("=HYPERLINK(\"https://example.org\")", "Pupils met pupils."));
        String slug = create(caseStudy);
        TestKeys.actAnonymously();

        List<Map<String, String>> rows = CsvAssertions.caseStudyRows(given().accept("text/csv")
                .queryParam("approach", approach).when().get(EXPORT).then().statusCode(200).extract().asString());

        assertEquals(1, rows.size());
        Map<String, String> row = rows.get(0);
        assertEquals(slug, row.get("slug"));
        assertEquals("Parents, pupils and \"link\" teachers met.", row.get("summary"));
        assertEquals(given().when().get("/api/v1/case-studies/" + slug).then().extract().path("body"), row.get("body"));
        assertTrue(row.get("body").contains("\n") && row.get("body").endsWith("The second paragraph."));
        assertEquals("Bradford Council|The Linking Network", row.get("leadOrganisations"));
        assertEquals("'=HYPERLINK(\"https://example.org\")|Pupils met pupils.", row.get("outcomes"));
        assertEquals(approach, row.get("approaches"));
        assertEquals("education|social-contact", row.get("themes"));
        assertEquals("GB", row.get("place.countryCode"));
        assertEquals("2", row.get("evidence.level"));
        assertEquals("https://example.org/source", row.get("sources.url"));
        assertEquals("0", row.get("version"));
    }

    @Test
    void ndjsonHasEachCaseStudyAsItIsServed() throws Exception {
        String approach = createApproach(null);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            slugs.add(create(caseStudy(approach)));
        }
        TestKeys.actAnonymously();

        String ndjson = given().accept("application/x-ndjson").queryParam("approach", approach)
                .when().get(EXPORT)
                .then().statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", equalTo("attachment; filename=\"case-studies.ndjson\""))
                .extract().asString();

        List<String> lines = ndjson.lines().toList();
        assertEquals(9, lines.size());
        assertTrue(ndjson.endsWith("\n"));
        List<String> exported = new ArrayList<>();
        for (String line : lines) {
            Map<String, Object> caseStudy = JSON.readValue(line, new TypeReference<>() { });
            String slug = (String) caseStudy.get("slug");
            exported.add(slug);
            Map<String, Object> served = JSON.readValue(given().when().get("/api/v1/case-studies/" + slug)
                    .then().statusCode(200).extract().asString(), new TypeReference<>() { });
            assertEquals(served, caseStudy);
        }
        assertEquals(slugs.stream().sorted().toList(), exported.stream().sorted().toList());
    }

    @Test
    void formatComesFromTheParameterOrTheAcceptHeader() {
        String approach = createApproach(null);
        create(caseStudy(approach));
        TestKeys.actAnonymously();

        given().queryParam("approach", approach).when().get(EXPORT)
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().queryParam("approach", approach).when().head(EXPORT)
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().accept("application/x-ndjson;q=0.9, text/csv;q=0.5").queryParam("approach", approach).when().get(EXPORT)
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"));
        given().accept("text/csv").queryParam("format", "NDJSON").queryParam("approach", approach).when().get(EXPORT)
                .then().statusCode(200).contentType(startsWith("application/x-ndjson"));
        given().accept("application/xml").queryParam("approach", approach).when().get(EXPORT)
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body("detail", containsString("text/csv"));
        given().queryParam("format", "xlsx").when().get(EXPORT)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("csv, ndjson"));
    }

    @Test
    void onlyPublishedCaseStudiesAreExported() {
        String approach = createApproach(null);
        String published = create(caseStudy(approach));
        Map<String, Object> draft = caseStudy(approach);
        draft.put("status", "draft");
        create(draft);
        TestKeys.actAnonymously();

        assertEquals(List.of(published), CsvAssertions.slugs(given().queryParam("approach", approach).when().get(EXPORT)
                .then().statusCode(200).extract().asString()));
    }

    @Test
    void badSearchesAreProblemsBeforeAnythingIsSent() {
        TestKeys.actAnonymously();
        given().queryParam("country", "XX").when().get(EXPORT)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("country"));
        given().queryParam("q", "\"unclosed").when().get(EXPORT)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("q"));
        given().queryParam("approach", "no-such-approach").when().get(EXPORT)
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("sort", "relevance").when().get(EXPORT)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
    }

    @Test
    void exportIsNeverTheSlugOfACaseStudy() {
        String approach = createApproach(null);
        Map<String, Object> named = caseStudy(approach);
        named.put("slug", "export");
        given().contentType(ContentType.JSON).body(named).when().post("/api/v1/case-studies")
                .then().statusCode(409).contentType("application/problem+json");
        Map<String, Object> titled = caseStudy(approach);
        titled.remove("slug");
        titled.put("title", "Export");
        assertNotEquals("export", create(titled));
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
}
