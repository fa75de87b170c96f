package org.integrationevidence.casestudy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.http.DeprecatedFields;
import org.junit.jupiter.api.Test;

/**
 * A case study's outcomes as findings: written and read with their domain, direction, measure, own rating and
 * sources; every rule they break is a 400 naming the field, with nothing written; v1 clients of the free-text
 * outcomes keep working and are told of the deprecation; what a GET returns can be sent back.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class FindingsTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";

    static Map<String, Object> finding(String domain, String statement, String direction) {
        Map<String, Object> finding = new HashMap<>();
        finding.put("domain", domain);
        finding.put("statement", statement);
        finding.put("direction", direction);
        finding.put("sources", new ArrayList<>(List.of(new HashMap<>(Map.of("index", 0, "locator", "Section 2")))));
        return finding;
    }

    static Map<String, Object> withFindings(Map<String, Object> body, List<Map<String, Object>> findings) {
        body.remove("outcomes");
        body.put("findings", new ArrayList<>(findings));
        return body;
    }

    @Test
    void findingsAreWrittenAndReadInFull() {
        Map<String, Object> improved = finding("bridges", "Pupils from the linked schools met again of their own accord.", "improved");
        improved.put("measure", Map.of("what", "Pupils meeting outside school", "value", 12.0, "unit", "percent",
                "comparison", "before-after", "effectSize", 0.3, "effectSizeKind", "standardised-mean-difference"));
        improved.put("evidence", Map.of("level", 3, "rationale", "Measured before and after, without a comparison group."));
        Map<String, Object> body = withFindings(caseStudy(createApproach(null)),
                List.of(improved, finding("education", "The source reports no result for learning.", null)));
        body.put("evaluation", Map.of("design", "before-after", "independent", false, "reference", "Internal report"));
        body.put("cost", Map.of("band", 2, "rationale", "A part-time coordinator."));
        body.put("title", "Findings in full " + org.integrationevidence.TestData.unique("t"));
        String slug = create(body);

        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("findings.domain.slug", contains("bridges", "education"))
                .body("findings[0].domain.name", equalTo("Bridges"))
                .body("findings.direction", contains("improved", "not-reported"))
                .body("findings[0].measure.comparison", equalTo("before-after"))
                .body("findings[0].measure.effectSizeKind", equalTo("standardised-mean-difference"))
                .body("findings[0].evidence.level", equalTo(3))
                .body("findings[0].evidence.label", equalTo("Change measured"))
                .body("findings[1].evidence", nullValue())
                .body("findings[1].measure", nullValue())
                .body("findings[0].sources[0].index", equalTo(0))
                .body("findings[0].sources[0].locator", equalTo("Section 2"))
                .body("evaluation.design", equalTo("before-after"))
                .body("evaluation.independent", equalTo(false))
                .body("cost.band", equalTo(2))
                .body("cost.label", equalTo("Low"))
                .body("outcomes", contains("Pupils from the linked schools met again of their own accord.",
                        "The source reports no result for learning."))
                .header("Deprecation", equalTo(DeprecatedFields.DEPRECATION_VALUE))
                .header("Sunset", equalTo(DeprecatedFields.SUNSET_VALUE));
        given().accept("application/ld+json").when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("about.name", contains("Bridges", "Education"))
                .body("about[0].'@type'", equalTo("DefinedTerm"));
        given().accept("text/csv").when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("bridges|education,improved|not-reported,3|,before-after,false,"));
        // Lists and the Atom feed carry the outcome domains of the findings; they carry no deprecated field.
        String title = (String) body.get("title");
        given().queryParam("q", "\"" + title + "\"").when().get(CASE_STUDIES).then().statusCode(200)
                .header("Deprecation", nullValue())
                .body("items.find { it.slug == '" + slug + "' }.outcomeDomains.slug", contains("education", "bridges"));
        given().queryParam("q", "\"" + title + "\"").when().get("/api/v1/feeds/case-studies.atom").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("term=\"bridges\""))
                .body(org.hamcrest.Matchers.containsString("/api/v1/outcome-domains/\""));
    }

    @Test
    void everyBrokenRuleOfAFindingIsA400NamingTheFieldAndNothingIsWritten() {
        String approach = createApproach(null);
        expectInvalid(approach, f -> f.put("domain", "happiness"), "findings[0].domain", "\"happiness\" is not an outcome domain");
        expectInvalid(approach, f -> f.put("domain", "social-connections"), "findings[0].domain", "is a group of outcome domains");
        expectInvalid(approach, f -> f.put("direction", "better"), "findings[0].direction", "must be one of");
        expectInvalid(approach, f -> f.put("sources", List.of(Map.of("index", 1))), "findings[0].sources[0].index",
                "must name one of the case study's 1 sources");
        expectInvalid(approach, f -> f.put("sources", List.of(Map.of("index", 0, "locator", "x".repeat(301)))),
                "findings[0].sources[0].locator", "size must be between 0 and 300");
        expectInvalid(approach, f -> f.put("measure", Map.of("effectSize", 0.4)), "findings[0].measure.effectSizeKind",
                "is required with measure.effectSize");
        expectInvalid(approach, f -> f.put("evidence", Map.of("level", 6, "rationale", "x")), "findings[0].evidence.level",
                "must be less than or equal to 5");
        expectInvalid(approach, f -> f.remove("statement"), "findings[0].statement", "must not be blank");
        Map<String, Object> body = withFindings(caseStudy(approach), List.of(finding("bridges", "A statement.", null)));
        body.put("outcomes", List.of("Another statement."));
        expectRejected(body, "outcomes", "is deprecated and read-only beside findings");
        Map<String, Object> cost = caseStudy(approach);
        cost.put("cost", Map.of("band", 0, "rationale", "x"));
        expectRejected(cost, "cost.band", "must be greater than or equal to 1");
        Map<String, Object> evaluation = caseStudy(approach);
        evaluation.put("evaluation", Map.of("design", "anecdote"));
        expectRejected(evaluation, "evaluation.design", "must be one of");
    }

    private static void expectInvalid(String approach, Consumer<Map<String, Object>> breakIt, String field, String message) {
        Map<String, Object> finding = finding("bridges", "A statement.", "improved");
        breakIt.accept(finding);
        expectRejected(withFindings(caseStudy(approach), List.of(finding)), field, message);
    }

    private static void expectRejected(Map<String, Object> body, String field, String message) {
        String title = "Never written " + org.integrationevidence.TestData.unique("t");
        body.put("title", title);
        given().contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", org.hamcrest.Matchers.containsString(message));
        given().when().get(CASE_STUDIES + "/" + body.get("slug")).then().statusCode(404);
    }

    /** A client of the free-text outcomes that reads, changes one field and writes back loses no finding. */
    @Test
    void aClientOfTheOldShapeKeepsWorking() {
        Map<String, Object> body = withFindings(caseStudy(createApproach(null)), List.of(
                finding("bridges", "First.", "improved"), finding("work", "Second.", "not-reported")));
        String slug = create(body);
        Map<String, Object> read = given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200).extract().as(Map.class);
        Map<String, Object> oldClient = new HashMap<>(read);
        oldClient.remove("findings");
        oldClient.put("title", "Retitled by an old client");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(oldClient)
                .when().put(CASE_STUDIES + "/" + slug).then().log().ifValidationFails().statusCode(200)
                .body("findings.domain.slug", contains("bridges", "work"))
                .body("findings.direction", contains("improved", "not-reported"));
        // A changed string is a finding of its own, not yet classified; the unchanged one keeps its finding.
        oldClient.put("outcomes", List.of("First.", "A new outcome."));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(oldClient)
                .when().put(CASE_STUDIES + "/" + slug).then().log().ifValidationFails().statusCode(200)
                .body("findings[0].domain.slug", equalTo("bridges"))
                .body("findings[1].domain", nullValue())
                .body("findings[1].direction", equalTo("not-reported"))
                .body("outcomes", contains("First.", "A new outcome."));
        // The same through a merge patch of outcomes alone.
        given().header("If-Match", "\"2\"").contentType("application/merge-patch+json")
                .body(Map.of("outcomes", List.of("First.")))
                .when().patch(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("findings.domain.slug", contains("bridges"));
    }

    /** GET, change one field, PUT: approaches as objects, labels and the server's own fields come back unchanged. */
    @Test
    void whatAGetReturnsCanBeSentBack() {
        Map<String, Object> body = withFindings(caseStudy(createApproach(null)), List.of(finding("bridges", "First.", "improved")));
        body.put("cost", Map.of("band", 1, "rationale", "Volunteers only."));
        String slug = create(body);
        String read = given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200).extract().asString();
        Map<String, Object> document = JsonPath.from(read).getMap("$");
        document.put("summary", "Changed by a client that sent back what it read.");
        given().header("If-Match", "\"0\"").contentType(ContentType.JSON).body(document)
                .when().put(CASE_STUDIES + "/" + slug).then().log().ifValidationFails().statusCode(200)
                .body("summary", equalTo("Changed by a client that sent back what it read."))
                .body("version", equalTo(1))
                .body("approaches.slug", equalTo(JsonPath.from(read).getList("approaches.slug")))
                .body("findings[0].domain.slug", equalTo("bridges"))
                .body("cost.band", equalTo(1));
        document.put("approaches", List.of(Map.of("name", "no slug")));
        given().header("If-Match", "\"1\"").contentType(ContentType.JSON).body(document)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(400)
                .body("errors[0].field", equalTo("approaches[0]"));
    }

    @Test
    void searchFiltersAndFacetsByOutcomeDomainAndDirection() {
        String word = org.integrationevidence.TestData.unique("domainfilter").replace("-", "");
        Map<String, Object> first = withFindings(caseStudy(createApproach(null)), List.of(
                finding("bridges", "Improved " + word, "improved"), finding("work", "Nothing on work " + word, "not-reported")));
        create(first);
        Map<String, Object> second = withFindings(caseStudy(createApproach(null)), List.of(
                finding("work", "Work improved " + word, "improved")));
        create(second);
        given().queryParam("q", word).queryParam("outcomeDomain", "bridges").when().get(CASE_STUDIES)
                .then().statusCode(200).body("total", equalTo(1));
        given().queryParam("q", word).queryParam("outcomeDomain", "social-connections").when().get(CASE_STUDIES)
                .then().statusCode(200).body("total", equalTo(1));
        given().queryParam("q", word).queryParam("direction", "improved").when().get(CASE_STUDIES)
                .then().statusCode(200).body("total", equalTo(2));
        // Both: a finding in the domain that went that way, not one finding of each.
        given().queryParam("q", word).queryParam("outcomeDomain", "work").queryParam("direction", "improved")
                .when().get(CASE_STUDIES).then().statusCode(200).body("total", equalTo(1));
        given().queryParam("q", word).queryParam("facets", "outcomeDomain,direction").when().get(CASE_STUDIES)
                .then().statusCode(200)
                .body("facets.outcomeDomain.find { it.value == 'work' }.count", equalTo(2))
                .body("facets.outcomeDomain.find { it.value == 'work' }.label", equalTo("Work"))
                .body("facets.outcomeDomain.find { it.value == 'work' }.parent", equalTo("markers-and-means"))
                .body("facets.direction.find { it.value == 'not-reported' }.count", equalTo(1))
                .body("facets.direction.find { it.value == 'not-reported' }.label", equalTo("Not reported"));
        given().queryParam("outcomeDomain", "happiness").when().get(CASE_STUDIES)
                .then().statusCode(400).body("errors[0].field", equalTo("outcomeDomain"));
        given().queryParam("direction", "sideways").when().get(CASE_STUDIES)
                .then().statusCode(400).body("errors[0].field", equalTo("direction"));
    }

    /** The seed: a direction only where the article states one, with the finding's own rating; not-reported elsewhere. */
    @Test
    void theSeedStatesADirectionOnlyWhereItsArticleDoes() {
        given().when().get(CASE_STUDIES + "/bradford-bangladeshi-women-football").then().statusCode(200)
                .body("findings.direction", org.hamcrest.Matchers.everyItem(equalTo("not-reported")))
                .body("findings.evidence", org.hamcrest.Matchers.everyItem(nullValue()))
                .body("findings.measure", org.hamcrest.Matchers.everyItem(nullValue()));
        given().when().get(CASE_STUDIES + "/san-salvario-turin-joint-campaign-casa-del-quartiere").then().statusCode(200)
                .body("findings.find { it.direction == 'improved' }.evidence.level", equalTo(2))
                .body("findings.sources.flatten().index", org.hamcrest.Matchers.everyItem(equalTo(0)));
    }
}
