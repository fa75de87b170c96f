package org.integrationevidence.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.OwnDatabaseProfile;
import org.junit.jupiter.api.Test;

/**
 * With a configured public address (evidence.public-base-url), as in production behind a proxy or a CDN: every
 * absolute URL an answer carries is built on it, whatever address the request reached, and so the same data gives
 * the same tags on every address (two instances, two ports, a service and its restored copy).
 */
@QuarkusTest
@TestProfile(PublicAddressTest.BehindAProxy.class)
@ActingAs(Role.ANONYMOUS)
public class PublicAddressTest {

    private static final String BASE = "https://evidence.example.org/";

    /**
     * Also names a WebSub hub and keeps two saved searches at most, for SavedSearchSettingsTest: one profile, so that
     * Quarkus starts once for both.
     */
    public static class BehindAProxy extends OwnDatabaseProfile {
        public BehindAProxy() {
            super("public_address_test", "evidence.public-base-url", BASE,
                    "evidence.feeds.websub-hub", "https://hub.example.org/",
                    "evidence.feeds.max-saved-searches", "2");
        }
    }

    @Test
    void pagingLinksAreBuiltOnThePublicAddressWithTheRequestsQuery() {
        Response page = given().queryParam("limit", 1).queryParam("sort", "title").when().get("/api/v1/case-studies")
                .then().statusCode(200).extract().response();
        String link = page.header("Link");
        assertTrue(link.startsWith("<" + BASE + "api/v1/case-studies?"), link);
        assertTrue(link.contains("limit=1") && link.contains("sort=title") && link.contains("cursor="), link);
        given().accept("application/ld+json").queryParam("limit", 1).when().get("/api/v1/case-studies")
                .then().statusCode(200).body("@id", startsWith(BASE + "api/v1/case-studies?"));
        given().queryParam("limit", 1).when().get("/api/v1/changes").then().statusCode(200)
                .header("Link", startsWith("<" + BASE + "api/v1/changes?"));
    }

    @Test
    @ActingAs(Role.EDITOR)
    void theFeedAndLocationAreBuiltOnThePublicAddress() {
        String feed = given().when().get("/api/v1/feeds/case-studies.atom").then().statusCode(200).extract().asString();
        assertTrue(feed.contains("href=\"" + BASE + "api/v1/feeds/case-studies.atom"), feed.substring(0, 600));
        given().contentType("application/json").body(caseStudy(createApproach(null))).when().post("/api/v1/case-studies").then().statusCode(201)
                .header("Location", startsWith(BASE + "api/v1/case-studies/"));
    }

    @Test
    void everyAddressTheRequestReachedGetsTheSameTag() {
        Response one = given().header("Host", "instance-one.internal:8080").queryParam("limit", 2)
                .when().get("/api/v1/case-studies").then().statusCode(200).extract().response();
        Response two = given().header("Host", "instance-two.internal:9090").queryParam("limit", 2)
                .when().get("/api/v1/case-studies").then().statusCode(200).extract().response();
        assertEquals(one.header("ETag"), two.header("ETag"));
        assertEquals(one.header("Link"), two.header("Link"));
        given().header("Host", "instance-two.internal:9090").header("If-None-Match", one.header("ETag"))
                .queryParam("limit", 2).when().get("/api/v1/case-studies").then().statusCode(304)
                .header("ETag", equalTo(one.header("ETag")));
    }
}
