package org.integrationevidence.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Saved searches over HTTP, as a person uses them: save the filters of a search without a key, subscribe to the
 * feed it answers, and find the same saved search when saving it again. Each test follows an approach of its own, or
 * reads only the seed data, since other tests add case studies.
 */
@QuarkusTest
@ActingAs(Role.ANONYMOUS)
class SavedSearchTest {

    static final String SEARCHES = "/api/v1/feeds/searches";
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String ID = "[A-Za-z0-9_-]{22}";

    @Test
    void aSearchIsSavedWithoutAKeyAndSavingItAgainFindsItWithItsFirstTitle() {
        String approach = newApproach();
        Response created = save(Map.of("title", "  Our approach in the UK ",
                "parameters", Map.of("approach", List.of(approach), "country", List.of("gb", " GB"))))
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("id", matchesPattern(ID))
                .body("title", equalTo("Our approach in the UK"))
                .body("parameters.approach", equalTo(List.of(approach)))
                .body("parameters.country", equalTo(List.of("GB")))
                .body("parameters.q", nullValue())
                .body("createdAt", matchesPattern("\\d{4}-.*Z"))
                .extract().response();
        String id = created.path("id");
        assertEquals(created.header("Location"), created.<String>path("feed").replace(".atom", ""));
        assertTrue(created.header("Location").endsWith(SEARCHES + "/" + id), created.header("Location"));
        assertTrue(created.<String>path("feed").endsWith(SEARCHES + "/" + id + ".atom"), created.<String>path("feed"));
        assertTrue(created.<String>path("search").endsWith("/api/v1/case-studies?approach=" + approach + "&country=GB"),
                created.<String>path("search"));

        // The same filters, in another order and case, with another title: the same saved search, as first saved.
        save(Map.of("title", "Another title", "parameters", Map.of("country", List.of("GB"), "approach", List.of(approach, approach))))
                .then().statusCode(200).header("Location", nullValue())
                .body("id", equalTo(id)).body("title", equalTo("Our approach in the UK"))
                .body("createdAt", equalTo(created.path("createdAt")));
        given().when().get(SEARCHES + "/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("title", equalTo("Our approach in the UK"))
                .body("feed", equalTo(created.path("feed"))).body("search", equalTo(created.path("search")))
                .body("parameters.country", equalTo(List.of("GB")));
        // Its search URL is the list of the same case studies.
        given().when().get(created.<String>path("search")).then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFeedHasThePublishedCaseStudiesItsFiltersFindNewestChangeFirst() throws Exception {
        String approach = newApproach();
        TestKeys.actAsEditor();
        String older = create(caseStudy(approach));
        Map<String, Object> italian = caseStudy(approach);
        ((Map<String, Object>) italian.get("place")).put("countryCode", "IT");
        String elsewhere = create(italian);
        String newer = create(caseStudy(approach));
        Map<String, Object> draft = caseStudy(approach);
        draft.put("status", "draft");
        create(draft);
        TestKeys.actAnonymously();
        String feedUrl = save(Map.of("title", "Our approach & <friends>",
                "parameters", Map.of("approach", List.of(approach), "country", List.of("GB"))))
                .then().statusCode(201).extract().path("feed");

        Response answer = given().when().get(feedUrl).then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).header("Link", nullValue()).extract().response();
        Element feed = parse(answer.asString());
        assertEquals("Our approach & <friends>", text(feed, "title"));
        assertEquals(feedUrl, text(feed, "id"));
        List<Element> links = children(feed, "link");
        assertEquals(1, links.size(), "a self link and, with no hub configured, no other");
        assertEquals("self", links.get(0).getAttribute("rel"));
        assertEquals(feedUrl, links.get(0).getAttribute("href"));
        List<String> entries = children(feed, "entry").stream().map(entry -> text(entry, "id")).toList();
        assertEquals(2, entries.size(), "neither the draft nor the case study in Italy: " + entries);
        assertTrue(entries.get(0).endsWith("/" + newer) && entries.get(1).endsWith("/" + older), entries.toString());
        assertTrue(entries.stream().noneMatch(entry -> entry.endsWith("/" + elsewhere)), entries.toString());

        // A conditional GET, as feed readers poll.
        String etag = answer.header("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).when().get(feedUrl).then().statusCode(304);
        given().accept(ContentType.JSON).when().get(feedUrl).then().statusCode(406)
                .contentType("application/problem+json").body("detail", containsString("application/atom+xml"));
    }

    @Test
    void anUntitledSavedSearchOfSchoolLinkingInTheUkFindsTheSeedsSchoolLinkingCaseStudy() throws Exception {
        Response saved = save(Map.of("parameters", Map.of("approach", List.of("school-linking"), "country", List.of("GB"))))
                .then().statusCode(oneOf(200, 201)).extract().response();
        String feedUrl = saved.path("feed");
        String xml = given().when().get(feedUrl).then().statusCode(200).extract().asString();
        Element feed = parse(xml);
        if (saved.path("title") == null) {
            assertEquals("Integration Evidence Repository: case studies: approach=school-linking&country=GB", text(feed, "title"));
        }
        List<String> entries = children(feed, "entry").stream().map(entry -> text(entry, "id")).toList();
        assertTrue(entries.stream().anyMatch(id -> id.endsWith("/api/v1/case-studies/linking-network-school-linking")),
                entries.toString());
        assertTrue(entries.stream().noneMatch(id -> id.endsWith("/api/v1/case-studies/bradford-bangladeshi-women-football")),
                entries.toString());
        String etag = given().when().get(SEARCHES + "/" + saved.path("id")).then().statusCode(200)
                .body("parameters.approach", equalTo(List.of("school-linking"))).extract().header("ETag");
        assertNotNull(etag);
        given().header("If-None-Match", etag).when().get(SEARCHES + "/" + saved.path("id")).then().statusCode(304);
    }

    @Test
    void parametersAreCheckedAsTheListChecksThemAndEachErrorNamesItsParameter() {
        invalid(Map.of("parameters", Map.of("contry", List.of("GB"))), "parameters.contry", "is not a known field");
        invalid(Map.of("parameters", Map.of("country", List.of("XX"))), "parameters.country",
                "\"XX\" is not an ISO 3166-1 alpha-2 country code");
        invalid(Map.of("parameters", Map.of("theme", List.of("colour"))), "parameters.theme", "\"colour\" is not one of");
        invalid(Map.of("parameters", Map.of("minEvidence", 9)), "parameters.minEvidence", "1 to 5");
        invalid(Map.of("parameters", Map.of("approach", List.of("sport"), "updatedSince", "2026-11-01")),
                "parameters.updatedSince", "is not taken by a saved search");
        invalid(Map.of("parameters", Map.of("approach", List.of("sport"), "limit", 5)), "parameters.limit", "is not a known field");
        invalid(Map.of("parameters", Map.of()), "parameters", "at least one filter");
        invalid(Map.of("parameters", Map.of("country", List.of(" "))), "parameters", "at least one filter");
        invalid(Map.of("title", "x"), "parameters", "at least one filter");
        invalid(Map.of("title", "x".repeat(121), "parameters", Map.of("approach", List.of("sport"))), "title",
                "at most 120 characters");
        for (String radius : List.of("0", "-1", "20000.5", "1e-999999999", "1e999999999")) {
            given().contentType(ContentType.JSON).body("{\"parameters\": {\"near\": \"53.79,-1.75\", \"radius\": " + radius + "}}")
                    .when().post(SEARCHES).then().statusCode(400)
                    .body("errors.find { it.field == 'parameters.radius' }.message", containsString("kilometres"));
        }
    }

    @Test
    void aRadiusIsKeptAsTheNumberTheListReads() {
        given().contentType(ContentType.JSON).body("{\"parameters\": {\"near\": \"53.79,-1.75\", \"radius\": 50.000}}")
                .when().post(SEARCHES).then().statusCode(oneOf(200, 201))
                .body("parameters.radius", equalTo(50)).body("search", endsWith("?near=53.79%2C-1.75&radius=50"));
    }

    @Test
    void anUnknownSavedSearchIsNotFound() {
        String unknown = "AAAAAAAAAAAAAAAAAAAAAA";
        given().when().get(SEARCHES + "/" + unknown).then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found")).body("detail", containsString(unknown));
        given().when().get(SEARCHES + "/" + unknown + ".atom").then().statusCode(404).contentType("application/problem+json");
        given().when().get(SEARCHES + "/not-an-id.atom").then().statusCode(404);
        given().spec(bearer(TestKeys.editor())).when().delete(SEARCHES + "/" + unknown).then().statusCode(404);
    }

    @Test
    void editorsAndAdminsDeleteSavedSearchesAndNobodyElse() {
        String first = save(Map.of("parameters", Map.of("approach", List.of(newApproach())))).then().statusCode(201)
                .extract().path("id");
        given().when().delete(SEARCHES + "/" + first).then().statusCode(401);
        given().spec(bearer(TestKeys.curator())).when().delete(SEARCHES + "/" + first).then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
        String before = Instant.now().minusSeconds(1).toString();
        given().spec(bearer(TestKeys.editor())).when().delete(SEARCHES + "/" + first).then().statusCode(204);
        assertTrue(audited("DELETE", SEARCHES + "/" + first, 204, "editor", before), "the deletion is in the audit log");
        given().when().get(SEARCHES + "/" + first).then().statusCode(404);
        given().when().get(SEARCHES + "/" + first + ".atom").then().statusCode(404);
        String second = save(Map.of("parameters", Map.of("approach", List.of(newApproach())))).then().statusCode(201)
                .extract().path("id");
        given().spec(bearer(TestKeys.admin())).when().delete(SEARCHES + "/" + second).then().statusCode(204);
    }

    /** Whether the audit log, written a moment after each request, has this write since {@code since}. */
    private static boolean audited(String method, String path, int status, String role, String since) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            List<Map<String, Object>> events = given().spec(bearer(TestKeys.admin())).queryParam("kind", "write")
                    .queryParam("since", since).queryParam("limit", 100).when().get("/api/v1/audit-events")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            if (events.stream().anyMatch(e -> method.equals(e.get("method")) && path.equals(e.get("path"))
                    && Integer.valueOf(status).equals(e.get("status")) && role.equals(e.get("keyRole")))) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private static String newApproach() {
        TestKeys.actAsEditor();
        try {
            return createApproach(null);
        } finally {
            TestKeys.actAnonymously();
        }
    }

    static Response save(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(SEARCHES);
    }

    private static void invalid(Map<String, Object> body, String field, String message) {
        save(body).then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }

    static Element parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one " + name);
        return found.get(0).getTextContent();
    }
}
