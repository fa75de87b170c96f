package org.integrationevidence.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.integrationevidence.feed.SavedSearchTest.children;
import static org.integrationevidence.feed.SavedSearchTest.parse;
import static org.integrationevidence.feed.SavedSearchTest.save;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.integrationevidence.http.PublicAddressTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The feeds' settings: a WebSub hub that every Atom feed names, and the most saved searches kept (two, in this
 * profile, on a database of its own). Only these tests save searches on it.
 */
@QuarkusTest
@TestProfile(PublicAddressTest.BehindAProxy.class)
@ActingAs(Role.ANONYMOUS)
class SavedSearchSettingsTest {

    private static final String BASE = "https://evidence.example.org/";
    private static final String HUB = "https://hub.example.org/";
    private static final Map<String, Object> SCHOOL_LINKING_IN_THE_UK = Map.of("title", "School linking in the UK",
            "parameters", Map.of("approach", List.of("school-linking"), "country", List.of("GB")));

    @Test
    void everyAtomFeedNamesTheHubInALinkAndInItsLinkHeader() throws Exception {
        hubAndSelf("/api/v1/feeds/case-studies.atom?approach=sport", BASE + "api/v1/feeds/case-studies.atom?approach=sport");
        String id = save(SCHOOL_LINKING_IN_THE_UK).then().statusCode(oneOf(200, 201)).extract().path("id");
        hubAndSelf("/api/v1/feeds/searches/" + id + ".atom", BASE + "api/v1/feeds/searches/" + id + ".atom");
    }

    @Test
    void aNewSearchBeyondTheMostKeptIsRefusedAndOneSavedAlreadyIsStillAnswered() {
        save(SCHOOL_LINKING_IN_THE_UK).then().statusCode(oneOf(200, 201));
        save(Map.of("parameters", Map.of("q", TestData.unique("second")))).then().statusCode(201);
        save(Map.of("parameters", Map.of("q", TestData.unique("third")))).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/saved-searches-full"))
                .body("detail", containsString("at most 2 saved searches"));
        save(SCHOOL_LINKING_IN_THE_UK).then().statusCode(200).body("title", equalTo("School linking in the UK"));
    }

    private static void hubAndSelf(String path, String self) throws Exception {
        Response answer = given().when().get(path).then().statusCode(200)
                .header("Link", equalTo("<" + HUB + ">; rel=\"hub\", <" + self + ">; rel=\"self\"")).extract().response();
        List<Element> links = children(parse(answer.asString()), "link");
        assertEquals(2, links.size());
        assertEquals("self", links.get(0).getAttribute("rel"));
        assertEquals(self, links.get(0).getAttribute("href"));
        assertEquals("hub", links.get(1).getAttribute("rel"));
        assertEquals(HUB, links.get(1).getAttribute("href"));
    }
}
