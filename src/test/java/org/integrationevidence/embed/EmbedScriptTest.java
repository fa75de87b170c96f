package org.integrationevidence.embed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;

import org.junit.jupiter.api.Test;

/**
 * How the embed widget is served to third-party pages: as JavaScript, loadable as a module from any origin,
 * cached like the API's anonymous reads, revalidated with its ETag, compressed. What it shows is BrowserIT's business.
 */
@QuarkusTest
class EmbedScriptTest {

    private static final String SCRIPT = "/embed/case-studies.js";
    private static final String OTHER_SITE = "https://council.example.org";

    @Test
    void theWidgetIsJavaScriptThatAnotherSiteMayLoad() {
        given().header("Origin", OTHER_SITE).when().get(SCRIPT).then().statusCode(200)
                .contentType(equalTo("text/javascript; charset=utf-8"))
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("customElements.define(TAG, EvidenceCaseStudies)"))
                .body(containsString("'evidence-case-studies'"))
                .body(containsString("customElements.define(MAP_TAG, EvidenceGapMap)"))
                .body(containsString("'evidence-gap-map'"));
    }

    @Test
    void theWidgetIsCachedAndRevalidatedWithItsETag() {
        String etag = given().when().get(SCRIPT).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60, stale-while-revalidate=300"))
                .header("ETag", matchesPattern("\"[0-9a-f]{32}\""))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get(SCRIPT).then().statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyString());
        given().header("If-None-Match", "\"an-older-version\", " + etag).when().get(SCRIPT).then().statusCode(304);
        given().header("If-None-Match", "\"an-older-version\"").when().get(SCRIPT).then().statusCode(200)
                .body(containsString("evidence-case-studies"));
        given().when().head(SCRIPT).then().statusCode(200)
                .contentType(equalTo("text/javascript; charset=utf-8"))
                .header("ETag", equalTo(etag))
                .body(emptyString());
    }

    @Test
    void theWidgetIsCompressedWhenTheBrowserAsks() {
        RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        given().config(raw).header("Accept-Encoding", "gzip").when().get(SCRIPT).then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"))
                .header("Vary", containsString("Accept-Encoding"));
    }
}
