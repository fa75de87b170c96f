package org.integrationevidence.outcome;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The outcome domains: the seeded framework and its order, reads and their validators, editors' writes and their
 * rules, SKOS. Tests that change the vocabulary work on groups of their own, so that the seeded groups stay as seeded.
 */
@QuarkusTest
@ActingAs(Role.EDITOR)
class OutcomeDomainResourceTest {

    private static final String DOMAINS = "/api/v1/outcome-domains";

    private static final List<String> GROUPS = List.of("markers-and-means", "social-connections", "facilitators", "foundation");
    private static final Map<String, List<String>> DOMAINS_BY_GROUP = Map.of(
            "markers-and-means", List.of("work", "housing", "education", "health-and-social-care", "leisure"),
            "social-connections", List.of("bonds", "bridges", "links"),
            "facilitators", List.of("language-and-communication", "culture", "digital-skills", "safety", "stability"),
            "foundation", List.of("rights-and-responsibilities"));

    @Test
    void theListIsTheFrameworksFourGroupsAndFourteenDomainsInItsOrder() {
        JsonPath list = given().when().get(DOMAINS)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("next", nullValue())
                .extract().jsonPath();
        List<String> slugs = list.getList("items.slug");
        assertEquals(GROUPS, slugs.subList(0, 4), "the framework's groups come first, in its order");
        int domains = 0;
        for (int i = 0; i < GROUPS.size(); i++) {
            List<String> children = list.getList("items[" + i + "].children.slug");
            assertEquals(DOMAINS_BY_GROUP.get(GROUPS.get(i)), children, "the domains of " + GROUPS.get(i));
            domains += children.size();
        }
        assertEquals(14, domains);
        assertEquals("Social connections", list.getString("items[1].name"));
        assertEquals("Bridges", list.getString("items[1].children[1].name"));
        assertEquals(List.of(), list.getList("items[1].children[1].children"));
        long total = list.getLong("total");
        long counted = slugs.size() + list.getList("items.children.flatten()").size();
        assertEquals(counted, total, "total counts every group and domain");
    }

    @Test
    void aDomainShowsItsGroupAndAGroupItsDomains() {
        given().when().get(DOMAINS + "/bridges")
                .then().statusCode(200)
                .body("slug", equalTo("bridges"))
                .body("name", equalTo("Bridges"))
                .body("definition", startsWith("Contact, friendship and trust"))
                .body("parent.slug", equalTo("social-connections"))
                .body("parent.name", equalTo("Social connections"))
                .body("children", hasSize(0))
                .body("position", equalTo(2))
                .body("version", equalTo(0));
        given().when().get(DOMAINS + "/social-connections")
                .then().statusCode(200)
                .body("parent", nullValue())
                .body("children.slug", equalTo(List.of("bonds", "bridges", "links")))
                .body("position", equalTo(2));
    }

    @Test
    void anUnknownDomainIsNotFound() {
        given().when().get(DOMAINS + "/no-such-domain")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("detail", equalTo("There is no outcome domain with the slug \"no-such-domain\"."));
    }

    @Test
    void anEditorCreatesAndReplacesDomainsUnderTheirGroup() {
        String group = createGroup();
        String slug = unique("domain");
        given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Transport", "definition", "Getting about.", "parent", group))
                .when().post(DOMAINS)
                .then().statusCode(201)
                .header("Location", endsWith(DOMAINS + "/" + slug))
                .body("name", equalTo("Transport"))
                .body("parent.slug", equalTo(group))
                .body("position", equalTo(1))
                .body("version", equalTo(0));
        String second = createDomain(group);
        given().when().get(DOMAINS + "/" + second).then().statusCode(200).body("position", equalTo(2));
        given().when().get(DOMAINS + "/" + group).then().statusCode(200).body("children.slug", equalTo(List.of(slug, second)));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Transport and travel", "definition", "Getting about, near and far.", "parent", group))
                .when().put(DOMAINS + "/" + slug)
                .then().statusCode(200)
                .body("name", equalTo("Transport and travel"))
                .body("definition", equalTo("Getting about, near and far."))
                .body("position", equalTo(1))
                .body("version", equalTo(1));

        String other = createGroup();
        createDomain(other);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Transport and travel", "definition", "Getting about.", "parent", other))
                .when().put(DOMAINS + "/" + slug)
                .then().statusCode(200)
                .body("parent.slug", equalTo(other))
                .body("position", equalTo(2));
        given().when().get(DOMAINS + "/" + group).then().statusCode(200).body("children.slug", equalTo(List.of(second)));
    }

    @Test
    void theSlugIsDerivedFromTheName() {
        String name = "Civic Pride " + unique("x");
        given().contentType(ContentType.JSON).body(Map.of("name", name, "definition", "Pride in a place."))
                .when().post(DOMAINS)
                .then().statusCode(201)
                .body("slug", equalTo(name.toLowerCase().replace(' ', '-')))
                .body("parent", nullValue());
    }

    @Test
    void anEditorDeletesADomainWithoutFindings() {
        String group = createGroup();
        String domain = createDomain(group);
        given().when().delete(DOMAINS + "/" + domain).then().statusCode(204);
        given().when().get(DOMAINS + "/" + domain).then().statusCode(404);
        given().when().delete(DOMAINS + "/" + group).then().statusCode(204);
    }

    @Test
    void aGroupWithDomainsCannotBeDeleted() {
        given().when().delete(DOMAINS + "/social-connections")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/in-use"))
                .body("detail", equalTo("The group \"social-connections\" has 3 outcome domain(s). Delete them or move "
                        + "them to another group first."));
        String group = createGroup();
        createDomain(group);
        given().when().delete(DOMAINS + "/" + group)
                .then().statusCode(409)
                .body("detail", containsString("has 1 outcome domain(s)"));
        given().when().get(DOMAINS + "/" + group).then().statusCode(200);
    }

    @Test
    void aDomainWithFindingsCannotBeDeleted() {
        String domain = createDomain(createGroup());
        Map<String, Object> caseStudy = TestData.caseStudy(TestData.createApproach(null));
        caseStudy.remove("outcomes");
        caseStudy.put("findings", List.of(Map.of("domain", domain, "statement", "Filed under the new domain.")));
        TestData.create(caseStudy);
        given().when().delete(DOMAINS + "/" + domain)
                .then().statusCode(409)
                .body("type", equalTo("/problems/in-use"))
                .body("detail", equalTo("The outcome domain \"" + domain + "\" has 1 finding(s) filed under it. "
                        + "File them under another domain before deleting it."));
        given().when().get(DOMAINS + "/" + domain).then().statusCode(200);
    }

    @Test
    void aDomainsParentMustBeAGroup() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Too deep", "definition", "Under a domain.", "parent", "bridges"))
                .when().post(DOMAINS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("parent"))
                .body("errors[0].message", equalTo("\"bridges\" is a domain, not a group: a domain's parent must be a "
                        + "group, since outcome domains are at most two levels deep"));

        String group = createGroup();
        createDomain(group);
        String other = createGroup();
        given().contentType(ContentType.JSON).body(Map.of("name", "Moved", "definition", "A group.", "parent", other))
                .when().put(DOMAINS + "/" + group)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("parent"))
                .body("errors[0].message", equalTo("\"" + group + "\" is a group with domains and cannot be put under "
                        + "another group, since outcome domains are at most two levels deep"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Itself", "definition", "A group.", "parent", other))
                .when().put(DOMAINS + "/" + other)
                .then().statusCode(400)
                .body("errors[0].message", equalTo("cannot be the outcome domain itself"));
    }

    @Test
    void badInputIsReportedByField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Orphan", "definition", "No group.", "parent", "no-such-group"))
                .when().post(DOMAINS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("parent"))
                .body("errors[0].message", equalTo("\"no-such-group\" is not an outcome domain; see GET /api/v1/outcome-domains"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(121), "definition", ""))
                .when().post(DOMAINS)
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("definition", "name")));
        given().contentType(ContentType.JSON).body(Map.of("slug", "Not A Slug", "name", "N", "definition", "D"))
                .when().post(DOMAINS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("slug"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Bridges", "definition", "D", "slug", "bonds"))
                .when().put(DOMAINS + "/bridges")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("slug"))
                .body("errors[0].message", containsString("outcome domains cannot be renamed"));
        given().contentType(ContentType.JSON).body(Map.of("name", "N", "definition", "D", "version", 3))
                .when().post(DOMAINS)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].message", equalTo("is set by the server and cannot be written"));
        given().contentType(ContentType.JSON).body(Map.of("slug", "bridges", "name", "Bridges again", "definition", "Duplicate."))
                .when().post(DOMAINS)
                .then().statusCode(409)
                .body("type", equalTo("/problems/slug-taken"))
                .body("detail", equalTo("An outcome domain with the slug \"bridges\" already exists."));
        given().contentType(ContentType.JSON).body(Map.of("name", "N", "definition", "D"))
                .when().put(DOMAINS + "/no-such-domain")
                .then().statusCode(404);
        given().when().delete(DOMAINS + "/no-such-domain").then().statusCode(404);
    }

    @Test
    @ActingAs(Role.ANONYMOUS)
    void onlyEditorsWrite() {
        Map<String, Object> body = Map.of("name", "Anonymous", "definition", "Not allowed.");
        given().contentType(ContentType.JSON).body(body).when().post(DOMAINS)
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).when().put(DOMAINS + "/bridges").then().statusCode(401);
        given().when().delete(DOMAINS + "/bridges").then().statusCode(401);

        String curator = "Bearer " + TestKeys.curator();
        given().header("Authorization", curator).contentType(ContentType.JSON).body(body).when().post(DOMAINS)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", curator).contentType(ContentType.JSON).body(body).when().put(DOMAINS + "/bridges")
                .then().statusCode(403);
        given().header("Authorization", curator).when().delete(DOMAINS + "/bridges").then().statusCode(403);
        given().when().get(DOMAINS + "/bridges").then().statusCode(200).body("name", equalTo("Bridges"));
    }

    @Test
    @ActingAs(Role.ANONYMOUS)
    void readsAreCachedPubliclyAndRevalidatedUntilAChange() {
        String group = createGroupAsEditor();
        for (String path : List.of(DOMAINS, DOMAINS + "/" + group)) {
            String etag = given().when().get(path)
                    .then().statusCode(200)
                    .header("ETag", not(emptyOrNullString()))
                    .header("Last-Modified", not(emptyOrNullString()))
                    .header("Cache-Control", startsWith("public"))
                    .extract().header("ETag");
            given().header("If-None-Match", etag).when().get(path)
                    .then().statusCode(304)
                    .header("ETag", equalTo(etag))
                    .body(emptyOrNullString());
            given().header("Authorization", "Bearer " + TestKeys.editor()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Changed " + unique("x"), "definition", "Changed."))
                    .when().put(DOMAINS + "/" + group)
                    .then().statusCode(200)
                    .header("Cache-Control", equalTo("no-store"));
            given().header("If-None-Match", etag).when().get(path)
                    .then().statusCode(200)
                    .header("ETag", not(equalTo(etag)));
        }
        given().header("If-None-Match", "*").when().get(DOMAINS + "/no-such-domain").then().statusCode(404);
    }

    @Test
    void theVocabularyIsASkosConceptScheme() {
        JsonPath scheme = given().accept("application/ld+json").when().get(DOMAINS)
                .then().statusCode(200)
                .contentType("application/ld+json")
                .body("'@context'.skos", equalTo("http://www.w3.org/2004/02/skos/core#"))
                .body("'@graph'[0].'@type'", equalTo("skos:ConceptScheme"))
                .body("'@graph'[0].'@id'", endsWith(DOMAINS))
                .body("'@graph'[0].'skos:prefLabel'", equalTo("Integration Evidence Repository: outcome domains"))
                .body("'@graph'[0].'dct:description'", containsString("Home Office Indicators of Integration framework "
                        + "(2019, third edition)"))
                .body("'@graph'[0].'dct:description'", containsString("the definitions are the repository's own words"))
                .extract().jsonPath();
        List<String> top = scheme.getList("'@graph'[0].'skos:hasTopConcept'.'@id'");
        assertEquals(GROUPS, top.subList(0, 4).stream().map(id -> id.substring(id.lastIndexOf('/') + 1)).toList());
        Map<String, Object> group = scheme.getMap("'@graph'.find { it.'skos:notation' == 'social-connections' }");
        assertEquals("skos:Concept", group.get("@type"));
        assertEquals("Social connections", group.get("skos:prefLabel"));
        assertEquals(3, ((List<?>) group.get("skos:narrower")).size());
        assertEquals(Map.of("@id", String.valueOf(scheme.getString("'@graph'[0].'@id'"))), group.get("skos:topConceptOf"));
        Map<String, Object> bridges = scheme.getMap("'@graph'.find { it.'skos:notation' == 'bridges' }");
        assertEquals("Bridges", bridges.get("skos:prefLabel"));
        assertEquals(true, String.valueOf(bridges.get("skos:definition")).startsWith("Contact, friendship and trust"));
        assertEquals(true, String.valueOf(bridges.get("skos:broader")).endsWith(DOMAINS + "/social-connections}]"));
        assertEquals(null, bridges.get("skos:topConceptOf"));

        given().accept("application/ld+json").when().get(DOMAINS + "/bridges")
                .then().statusCode(200)
                .contentType("application/ld+json")
                .body("'@type'", equalTo("skos:Concept"))
                .body("'@id'", endsWith(DOMAINS + "/bridges"))
                .body("'skos:inScheme'.'@id'", endsWith(DOMAINS))
                .body("'skos:broader'[0].'@id'", endsWith(DOMAINS + "/social-connections"));
        given().accept("text/csv").when().get(DOMAINS)
                .then().statusCode(406)
                .body("detail", equalTo("This resource is served as application/json, application/ld+json; send one of them in Accept, or none."));
    }

    /** A new group of this test's own. */
    static String createGroup() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", unique("group"));
        body.put("name", "Test group " + body.get("slug"));
        body.put("definition", "A group made for a test.");
        return given().contentType(ContentType.JSON).body(body)
                .when().post(DOMAINS).then().statusCode(201).extract().path("slug");
    }

    private static String createGroupAsEditor() {
        return given().header("Authorization", "Bearer " + TestKeys.editor()).contentType(ContentType.JSON)
                .body(Map.of("slug", unique("group"), "name", "Test group", "definition", "A group made for a test."))
                .when().post(DOMAINS).then().statusCode(201).extract().path("slug");
    }

    /** A new domain under {@code group}. */
    static String createDomain(String group) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", unique("domain"));
        body.put("name", "Test domain " + body.get("slug"));
        body.put("definition", "A domain made for a test.");
        body.put("parent", group);
        return given().contentType(ContentType.JSON).body(body)
                .when().post(DOMAINS).then().statusCode(201).extract().path("slug");
    }
}
