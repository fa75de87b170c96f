package org.integrationevidence.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What caches and websites see: cache policy, conditional reads of a case study, and compression. */
@QuarkusTest
class HttpCachingTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";

    @AfterEach
    void actAnonymously() {
        TestKeys.actAnonymously();
    }

    @Test
    void anonymousReadsMayBeCachedAndServedStaleWhileRevalidating() {
        given().when().get(CASE_STUDIES).then().statusCode(200)
                .header("Cache-Control", equalTo(PUBLIC))
                .header("Vary", equalTo("Accept, Accept-Encoding, Authorization"));
        given().when().get("/api/v1/approaches").then().statusCode(200).header("Cache-Control", equalTo(PUBLIC));
        given().when().get("/api/v1/feeds/case-studies.atom").then().statusCode(200).header("Cache-Control", equalTo(PUBLIC));
        given().when().get(CASE_STUDIES + "/no-such-case-study").then().statusCode(404).header("Cache-Control", equalTo("no-store"));
        given().queryParam("limit", 0).when().get(CASE_STUDIES).then().statusCode(400).header("Cache-Control", equalTo("no-store"));
        given().spec(TestKeys.bearer(TestKeys.editor())).when().get(CASE_STUDIES).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aCaseStudyIsReadAgainOnlyWhenItChanged() {
        TestKeys.actAsEditor();
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        String url = CASE_STUDIES + "/" + slug;

        String lastModified = given().when().get(url).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .header("Last-Modified", notNullValue())
                .extract().header("Last-Modified");
        given().header("If-None-Match", "\"0\"").when().get(url).then().statusCode(304)
                .header("ETag", equalTo("\"0\""))
                .header("Cache-Control", equalTo(PUBLIC))
                .body(emptyString());
        given().header("If-None-Match", "\"7\", \"0\"").when().get(url).then().statusCode(304);
        given().header("If-None-Match", "*").when().get(url).then().statusCode(304);
        given().header("If-Modified-Since", lastModified).when().get(url).then().statusCode(304);
        given().header("If-None-Match", "\"7\"").when().get(url).then().statusCode(200).body("slug", equalTo(slug));
        given().header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").when().get(url).then().statusCode(200);

        TestKeys.actAsEditor();
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("summary", "Changed."))
                .when().patch(url).then().statusCode(200);
        TestKeys.actAnonymously();
        given().header("If-None-Match", "\"0\"").when().get(url).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("summary", equalTo("Changed."));
    }

    @Test
    void answersAreCompressedWhenTheClientAsksForIt() {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        given().config(raw).header("Accept-Encoding", "gzip").when().get(CASE_STUDIES).then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        given().config(raw).header("Accept-Encoding", "gzip").queryParam("format", "csv")
                .when().get(CASE_STUDIES + "/export").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        given().header("Accept-Encoding", "gzip").when().get(CASE_STUDIES).then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.greaterThan(0));
        given().config(raw).header("Accept-Encoding", "identity").when().get(CASE_STUDIES).then().statusCode(200)
                .header("Content-Encoding", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(), equalTo("identity")))
                .body(containsString("\"items\""));
    }
}
