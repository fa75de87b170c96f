package org.integrationevidence.evidencemap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/evidence-map: the default map (top-level approaches by the fourteen outcome domains), cells counted
 * from findings, the same filters as search, three formats, conditional GETs, and a 400 for every bad parameter.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class EvidenceMapTest {

    private static final String MAP = "/api/v1/evidence-map";

    @Test
    void theDefaultMapIsTopLevelApproachesByTheFourteenOutcomeDomains() {
        // As any web page asks: without a key, so that the answer may be cached by anyone.
        JsonPath map = given().noFilters().when().get(MAP).then().statusCode(200)
                .header("ETag", startsWith("\""))
                .header("Cache-Control", startsWith("public, max-age="))
                .body("rows.dimension", equalTo("approach"))
                .body("rows.depth", equalTo(1))
                .body("rows.values.parent", everyItem(nullValue()))
                .body("columns.dimension", equalTo("outcomeDomain"))
                .body("columns.depth", equalTo(2))
                .body("columns.values", hasSize(14))
                .body("columns.values[0].key", equalTo("work"))
                .body("columns.values[0].parent", equalTo("markers-and-means"))
                .body("columns.values[13].key", equalTo("rights-and-responsibilities"))
                .extract().jsonPath();
        List<String> roots = given().when().get("/api/v1/approaches").then().statusCode(200).extract().path("items.slug");
        assertEquals(roots, map.getList("rows.values.key"), "every top-level approach is a row, in the taxonomy's order");
        assertEquals(roots.size() * 14, map.getList("cells").size(), "every cell is there, empty ones included");
        // The seed: Bradford's school mixing is under school linking, below social contact and mixing; its finding is in bridges.
        Map<String, Object> bridges = map.getMap("cells.find { it.row == 'social-contact-and-mixing' && it.column == 'bridges' }");
        assertTrue(((Number) bridges.get("caseStudies")).intValue() >= 1, "rolled up from school linking: " + bridges);
        assertTrue(((Map<?, ?>) bridges.get("directions")).containsKey("not-reported"));
        assertTrue(((String) bridges.get("search")).contains("approach=social-contact-and-mixing&outcomeDomain=bridges"));
    }

    @Test
    void cellsCountCaseStudiesFindingsDirectionsAndLevels() {
        String word = TestData.unique("mapword").replace("-", "");
        String parent = createApproach(null);
        String child = createApproach(parent);
        create(withFindings(caseStudy(child), word, 2, List.of(finding("bridges", "improved", 4), finding("work", "not-reported", null))));
        create(withFindings(caseStudy(parent), word, 1, List.of(finding("bridges", "worsened", null))));
        create(withFindings(caseStudy(parent), word, 3, List.of()));

        JsonPath map = given().queryParam("q", word).when().get(MAP).then().statusCode(200)
                .body("caseStudies", equalTo(3)).body("findings", equalTo(3)).extract().jsonPath();
        Map<String, Object> bridges = cell(map, parent, "bridges");
        assertEquals(2, bridges.get("caseStudies"));
        assertEquals(2, bridges.get("findings"));
        assertEquals(Map.of("improved", 1, "mixed", 0, "no-change", 0, "worsened", 1, "not-reported", 0), bridges.get("directions"));
        assertEquals(4, bridges.get("highestLevel"), "the finding's own level counts in its domain");
        assertEquals(1, bridges.get("medianLevel"), "the lower middle of 1 and 4");
        Map<String, Object> work = cell(map, parent, "work");
        assertEquals(1, work.get("caseStudies"));
        assertEquals(2, work.get("highestLevel"), "a finding without a level of its own has its case study's");
        Map<String, Object> housing = cell(map, parent, "housing");
        assertEquals(0, housing.get("caseStudies"));
        assertEquals(null, housing.get("highestLevel"));
        String search = (String) bridges.get("search");
        given().when().get(search).then().statusCode(200).body("total", equalTo(2));

        // A deeper level: the narrower approach is a row of its own.
        JsonPath deeper = given().queryParam("q", word).queryParam("rowsDepth", 2).when().get(MAP).then().statusCode(200)
                .body("rows.values.key", hasItem(child)).body("rows.values.key", not(hasItem(parent))).extract().jsonPath();
        assertEquals(1, cell(deeper, child, "bridges").get("caseStudies"));

        // Other dimensions: without outcome domains, every finding of the cell's case studies counts.
        given().queryParam("q", word).queryParam("rows", "theme").queryParam("columns", "country").when().get(MAP)
                .then().statusCode(200)
                .body("cells.find { it.row == 'education' && it.column == 'GB' }.caseStudies", equalTo(3))
                .body("cells.find { it.row == 'education' && it.column == 'GB' }.findings", equalTo(3));
        given().queryParam("q", word).queryParam("columnsDepth", 1).when().get(MAP).then().statusCode(200)
                // the framework's four groups first; groups other tests make come after them
                .body("columns.values.key[0..3]", equalTo(List.of("markers-and-means", "social-connections", "facilitators", "foundation")))
                .body("cells.find { it.row == '" + parent + "' && it.column == 'social-connections' }.caseStudies", equalTo(2));
    }

    /** An approach's page sums up its evidence, as an EEF strand does: by level, by direction, countries, domains. */
    @Test
    void anApproachSummarisesTheEvidenceOfItsCaseStudies() {
        String word = TestData.unique("summaryword").replace("-", "");
        String parent = createApproach(null);
        String child = createApproach(parent);
        create(withFindings(caseStudy(child), word, 2, List.of(finding("bridges", "improved", 4), finding("work", "not-reported", null))));
        create(withFindings(caseStudy(parent), word, 1, List.of(finding("bridges", "worsened", null))));
        given().when().get("/api/v1/approaches/" + parent).then().statusCode(200)
                .body("evidence.caseStudies", equalTo(2))
                .body("evidence.caseStudiesByLevel", equalTo(Map.of("1", 1, "2", 1, "3", 0, "4", 0, "5", 0)))
                .body("evidence.findings", equalTo(3))
                .body("evidence.findingsByLevel", equalTo(Map.of("1", 1, "2", 1, "3", 0, "4", 1, "5", 0)))
                .body("evidence.findingsByDirection", equalTo(Map.of("improved", 1, "mixed", 0, "no-change", 0, "worsened", 1,
                        "not-reported", 1)))
                .body("evidence.countries", equalTo(List.of("GB")))
                .body("evidence.outcomeDomains.slug", equalTo(List.of("work", "bridges")))
                .body("evidence.outcomeDomains.findings", equalTo(List.of(1, 2)));
        given().when().get("/api/v1/approaches/" + child).then().statusCode(200).body("evidence.caseStudies", equalTo(1));
    }

    /** The scales published beside the evidence levels: the crosswalk says whose reading it is; the cost bands. */
    @Test
    void theCrosswalkAndTheCostBandsArePublished() {
        given().when().get("/api/v1/evidence-levels/crosswalk").then().statusCode(200)
                .body("readingOf", equalTo("the repository"))
                .body("scales.key", equalTo(List.of("nesta", "maryland-sms", "eif")))
                .body("levels.level", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("levels[2].elsewhere.find { it.scale == 'nesta' }.levels", equalTo(List.of("2")));
        given().when().get("/api/v1/cost-bands").then().statusCode(200)
                .body("items.band", equalTo(List.of(1, 2, 3, 4, 5)))
                .body("items[0].label", equalTo("Very low"));
    }

    @Test
    void anEmptySelectionIsAnEmptyMatrixWithItsLabels() {
        given().queryParam("q", "zzzznothingmatchesthis").when().get(MAP).then().statusCode(200)
                .body("caseStudies", equalTo(0))
                .body("columns.values", hasSize(14))
                .body("cells.caseStudies", everyItem(equalTo(0)))
                .body("cells.highestLevel", everyItem(nullValue()));
    }

    @Test
    void theMapComesAsCsvAndSvgAndAnswersConditionalGets() {
        String csv = given().accept("text/csv").when().get(MAP).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"evidence-map.csv\""))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("approach,approachLabel,outcomeDomain,outcomeDomainLabel,caseStudies,findings,direction.improved,"
                + "direction.mixed,direction.no-change,direction.worsened,direction.not-reported,highestLevel,medianLevel,search",
                lines[0]);
        int cells = given().when().get(MAP).then().extract().path("cells.size()");
        assertEquals(cells + 1, lines.length, "a row per cell");
        given().queryParam("format", "svg").when().get(MAP).then().statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .body(containsString("<title"), containsString("<desc"));
        given().accept("image/svg+xml").when().get(MAP).then().statusCode(200).contentType(startsWith("image/svg+xml"));
        given().accept("image/png").when().get(MAP).then().statusCode(406);
        String tag = given().when().get(MAP).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).when().get(MAP).then().statusCode(304);
    }

    @Test
    void everyBadParameterIsA400NamingIt() {
        expect400(Map.of("rows", "colour"), "rows", "is not one of: approach, outcomeDomain, theme, targetGroup, country");
        expect400(Map.of("columns", "approach"), "columns", "must differ from rows");
        expect400(Map.of("rowsDepth", "9"), "rowsDepth", "the approach tree is");
        expect400(Map.of("columnsDepth", "3"), "columnsDepth", "must be 1 (groups) or 2 (domains)");
        expect400(Map.of("rows", "theme", "rowsDepth", "1"), "rowsDepth", "applies to approach and outcomeDomain only");
        expect400(Map.of("rowsDepth", "zero"), "rowsDepth", "whole number");
        expect400(Map.of("format", "png"), "format", "is not one of: json, csv, svg");
        expect400(Map.of("outcomeDomain", "happiness"), "outcomeDomain", "is not an outcome domain");
        expect400(Map.of("approach", "no-such-approach"), "approach", "is not an approach");
        expect400(Map.of("direction", "up"), "direction", "is not one of");
    }

    private static void expect400(Map<String, String> parameters, String field, String message) {
        given().queryParams(parameters).when().get(MAP).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    private static Map<String, Object> cell(JsonPath map, String row, String column) {
        return map.getMap("cells.find { it.row == '" + row + "' && it.column == '" + column + "' }");
    }

    private static Map<String, Object> finding(String domain, String direction, Integer level) {
        Map<String, Object> finding = new HashMap<>();
        finding.put("domain", domain);
        finding.put("statement", "A finding in " + domain + ".");
        finding.put("direction", direction);
        if (level != null) {
            finding.put("evidence", Map.of("level", level, "rationale", "Its own rating."));
        }
        return finding;
    }

    private static Map<String, Object> withFindings(Map<String, Object> body, String word, int level,
            List<Map<String, Object>> findings) {
        body.put("title", "Mapped " + word);
        body.remove("outcomes");
        body.put("findings", new ArrayList<>(findings));
        body.put("evidence", Map.of("level", level, "rationale", "The overall rating."));
        return body;
    }
}
