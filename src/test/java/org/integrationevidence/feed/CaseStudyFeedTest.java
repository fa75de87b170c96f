package org.integrationevidence.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feed over HTTP; each test follows an approach of its own, as a subscriber to one topic would. */
@QuarkusTest
@ActingAs(Role.EDITOR)
class CaseStudyFeedTest {

    private static final String FEED = "/api/v1/feeds/case-studies.atom";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void aFilteredFeedListsItsPublishedCaseStudiesNewestChangeFirst() throws Exception {
        String approach = createApproach(null);
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> caseStudy = caseStudy(approach);
            caseStudy.put("title", "Feed entry " + i + " & <friends>");
            slugs.add(create(caseStudy));
        }
        Map<String, Object> draft = caseStudy(approach);
        draft.put("status", "draft");
        create(draft);
        String updated = slugs.get(0);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("summary", "Changed last."))
                .when().patch("/api/v1/case-studies/" + updated).then().statusCode(200);
        TestKeys.actAnonymously();

        String xml = given().queryParam("approach", approach)
                .when().get(FEED)
                .then().statusCode(200).contentType(startsWith("application/atom+xml"))
                .extract().asString();

        Element feed = parse(xml).getDocumentElement();
        assertEquals("feed", feed.getLocalName());
        assertEquals(ATOM, feed.getNamespaceURI());
        assertTrue(text(feed, "id").endsWith(FEED + "?approach=" + approach), text(feed, "id"));
        List<Element> entries = children(feed, "entry");
        List<String> ids = entries.stream().map(entry -> text(entry, "id")).toList();
        assertEquals(3, ids.size());
        assertTrue(ids.get(0).endsWith("/api/v1/case-studies/" + updated), "the one changed last comes first: " + ids);
        assertTrue(ids.stream().allMatch(id -> slugs.stream().anyMatch(id::endsWith)), "no draft: " + ids);
        Element first = entries.get(0);
        assertEquals("Changed last.", text(first, "summary"));
        assertTrue(text(first, "title").endsWith(" & <friends>"));
        assertEquals(text(first, "updated"), text(feed, "updated"));
        Instant.parse(text(first, "published"));
        Element category = children(first, "category").get(0);
        assertEquals(approach, category.getAttribute("term"));
        Element link = children(first, "link").get(0);
        assertEquals("alternate", link.getAttribute("rel"));
        given().when().get(link.getAttribute("href")).then().statusCode(200).body("slug", equalTo(updated));
    }

    @Test
    void limitAndBadFiltersAreChecked() throws Exception {
        String approach = createApproach(null);
        for (int i = 0; i < 3; i++) {
            create(caseStudy(approach));
        }
        TestKeys.actAnonymously();

        String xml = given().queryParam("approach", approach).queryParam("limit", 2).when().get(FEED)
                .then().statusCode(200).extract().asString();
        assertEquals(2, children(parse(xml).getDocumentElement(), "entry").size());
        given().queryParam("limit", 0).when().get(FEED)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("country", "XX").when().get(FEED)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("country"));
        given().accept(ContentType.JSON).when().get(FEED)
                .then().statusCode(406).contentType("application/problem+json")
                .body("detail", containsString("application/atom+xml"));
    }

    @Test
    void aFeedWithNoEntriesIsStillAValidFeed() throws Exception {
        String approach = createApproach(null);
        TestKeys.actAnonymously();
        String xml = given().queryParam("approach", approach).when().get(FEED).then().statusCode(200).extract().asString();
        Element feed = parse(xml).getDocumentElement();
        assertEquals(0, children(feed, "entry").size());
        Instant.parse(text(feed, "updated"));
        assertEquals(1, children(feed, "author").size());
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
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

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), "one " + name);
        return found.get(0).getTextContent();
    }
}
