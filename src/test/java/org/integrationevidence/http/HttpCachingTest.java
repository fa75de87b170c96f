package org.integrationevidence.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * What caches and websites see: cache policy, validators and conditional reads of every public GET, sparse
 * fieldsets, and compression.
 */
@QuarkusTest
@ActingAs(Role.ANONYMOUS)
class HttpCachingTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final String PUBLIC = "public, max-age=60, stale-while-revalidate=300";

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

        Response first = given().when().get(url).then().statusCode(200)
                .header("ETag", startsWith("\"0."))
                .header("Last-Modified", notNullValue())
                .extract().response();
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        given().header("If-None-Match", etag).when().get(url).then().statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", equalTo(PUBLIC))
                .body(emptyString());
        given().header("If-None-Match", "\"7\", " + etag).when().get(url).then().statusCode(304);
        given().header("If-None-Match", "W/" + etag).when().get(url).then().statusCode(304);
        given().header("If-None-Match", "*").when().get(url).then().statusCode(304);
        given().header("If-Modified-Since", lastModified).when().get(url).then().statusCode(304);
        given().header("If-None-Match", "\"7\"").when().get(url).then().statusCode(200).body("slug", equalTo(slug));
        given().header("If-None-Match", "\"7\"").header("If-Modified-Since", lastModified).when().get(url)
                .then().statusCode(200);
        given().header("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT").when().get(url).then().statusCode(200);
        given().header("If-None-Match", "*").when().get(CASE_STUDIES + "/no-such-case-study").then().statusCode(404);

        // The tag read names the version for a write, too.
        TestKeys.actAsEditor();
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("summary", "Changed."))
                .when().patch(url).then().statusCode(200);
        TestKeys.actAnonymously();
        given().header("If-None-Match", etag).when().get(url).then().statusCode(200)
                .header("ETag", startsWith("\"1."))
                .body("summary", equalTo("Changed."));
    }

    @Test
    void aCaseStudyReadBeforeIsAnsweredAsItIsNowAfterARenameOrWithdrawal() {
        // The service reuses the view of a published case study while its version is unchanged: every change that
        // follows a read must still show at once.
        TestKeys.actAsEditor();
        String slug = create(caseStudy(createApproach(null)));
        TestKeys.actAnonymously();
        String etag = given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200).extract().header("ETag");

        TestKeys.actAsEditor();
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("slug", slug + "-renamed"))
                .when().patch(CASE_STUDIES + "/" + slug).then().statusCode(200);
        TestKeys.actAnonymously();
        given().redirects().follow(false).header("If-None-Match", etag).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(308).header("Location", endsWith(CASE_STUDIES + "/" + slug + "-renamed"));
        String renamed = given().when().get(CASE_STUDIES + "/" + slug + "-renamed").then().statusCode(200)
                .body("slug", equalTo(slug + "-renamed")).header("ETag", startsWith("\"1.")).extract().header("ETag");

        TestKeys.actAsEditor();
        given().header("If-Match", renamed).when().delete(CASE_STUDIES + "/" + slug + "-renamed").then().statusCode(204);
        TestKeys.actAnonymously();
        given().header("If-None-Match", renamed).when().get(CASE_STUDIES + "/" + slug + "-renamed").then().statusCode(410);
    }

    @Test
    void everyPublicReadHasValidatorsAndAnswers304WithoutABody() {
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        List<String> reads = List.of(
                CASE_STUDIES,
                CASE_STUDIES + "?limit=1",
                CASE_STUDIES + "?q=bradford&facets=approach,theme",
                CASE_STUDIES + "?approach=" + approach + "&fields=slug,title,summary",
                CASE_STUDIES + "/" + slug,
                CASE_STUDIES + "/" + slug + "/related",
                "/api/v1/suggest?prefix=brad",
                "/api/v1/approaches",
                "/api/v1/approaches/" + approach,
                "/api/v1/evidence-levels",
                "/api/v1/feeds/case-studies.atom?approach=" + approach,
                CASE_STUDIES + "/export?format=ndjson&approach=" + approach);
        for (String read : reads) {
            Response first = given().when().get(read).then().statusCode(200)
                    .header("ETag", matchesPattern("\"[^\"]+\""))
                    .header("Last-Modified", notNullValue())
                    .header("Cache-Control", equalTo(PUBLIC))
                    .extract().response();
            String etag = first.header("ETag");
            Response again = given().when().get(read).then().statusCode(200).extract().response();
            assertEquals(etag, again.header("ETag"), read);
            assertArrayEquals(first.asByteArray(), again.asByteArray(), "the same answer twice: " + read);

            given().header("If-None-Match", etag).when().get(read).then().statusCode(304)
                    .header("ETag", equalTo(etag))
                    .header("Cache-Control", equalTo(PUBLIC))
                    .header("Vary", equalTo("Accept, Accept-Encoding, Authorization"))
                    .body(emptyString());
            given().header("If-None-Match", "\"other\", W/" + etag).when().head(read).then().statusCode(304);
            given().header("If-Modified-Since", first.header("Last-Modified")).when().get(read).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").when().get(read).then().statusCode(200);
        }
    }

    @Test
    void eachRepresentationHasItsOwnTag() {
        String plain = given().when().get(CASE_STUDIES).then().statusCode(200).extract().header("ETag");
        Set<String> tags = new HashSet<>(List.of(plain,
                given().queryParam("q", "football").when().get(CASE_STUDIES).then().statusCode(200).extract().header("ETag"),
                given().queryParam("limit", 3).when().get(CASE_STUDIES).then().statusCode(200).extract().header("ETag"),
                given().queryParam("fields", "slug,title").when().get(CASE_STUDIES).then().statusCode(200).extract().header("ETag"),
                given().accept("application/json").when().get(CASE_STUDIES).then().statusCode(200).extract().header("ETag"),
                given().header("Accept-Encoding", "identity").when().get(CASE_STUDIES).then().statusCode(200)
                        .extract().header("ETag"),
                given().spec(TestKeys.bearer(TestKeys.editor())).when().get(CASE_STUDIES).then().statusCode(200)
                        .extract().header("ETag")));
        assertEquals(7, tags.size(), "seven different requests, seven tags: " + tags);
        given().header("If-None-Match", plain).queryParam("fields", "slug,title").when().get(CASE_STUDIES)
                .then().statusCode(200).body("items[0].summary", nullValue());
    }

    @Test
    void publishingOrEditingChangesTheTagsOfListsAtOnce() {
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        TestKeys.actAnonymously();
        String list = CASE_STUDIES + "?approach=" + approach;
        String empty = given().when().get(list).then().statusCode(200).body("total", equalTo(0)).extract().header("ETag");
        String everything = given().when().get(CASE_STUDIES).then().statusCode(200).extract().header("ETag");
        String taxonomy = given().when().get("/api/v1/approaches").then().statusCode(200).extract().header("ETag");

        TestKeys.actAsEditor();
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        String published = given().header("If-None-Match", empty).when().get(list).then().statusCode(200)
                .body("items.slug", contains(slug))
                .extract().header("ETag");
        assertNotEquals(empty, published);
        given().header("If-None-Match", everything).when().get(CASE_STUDIES).then().statusCode(200);
        given().header("If-None-Match", taxonomy).when().get("/api/v1/approaches").then().statusCode(200);
        given().header("If-None-Match", published).when().get(list).then().statusCode(304);

        TestKeys.actAsEditor();
        String etag = given().when().get(CASE_STUDIES + "/" + slug).then().extract().header("ETag");
        given().contentType("application/merge-patch+json").header("If-Match", etag).body(Map.of("title", "Edited title"))
                .when().patch(CASE_STUDIES + "/" + slug).then().statusCode(200);
        TestKeys.actAnonymously();
        given().header("If-None-Match", published).when().get(list).then().statusCode(200)
                .body("items[0].title", equalTo("Edited title"));
    }

    @Test
    void renamingAnApproachChangesTheTagOfTheCaseStudiesThatShowItsName() {
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        String url = CASE_STUDIES + "/" + slug;
        String etag = given().when().get(url).then().statusCode(200).extract().header("ETag");

        TestKeys.actAsEditor();
        given().contentType("application/json")
                .body(Map.of("name", "Renamed approach " + approach, "definition", "An approach made for a test."))
                .when().put("/api/v1/approaches/" + approach).then().statusCode(200);
        TestKeys.actAnonymously();
        given().header("If-None-Match", etag).when().get(url).then().statusCode(200)
                .header("ETag", startsWith("\"0."))
                .header("ETag", not(equalTo(etag)))
                .body("approaches[0].name", equalTo("Renamed approach " + approach));
    }

    @Test
    void pagesOfASearchAreTheSameBytesUntilTheDataChanges() {
        Response first = given().queryParam("limit", 1).when().get(CASE_STUDIES).then().statusCode(200)
                .body("next", notNullValue()).extract().response();
        Response again = given().queryParam("limit", 1).when().get(CASE_STUDIES).then().statusCode(200).extract().response();
        assertEquals(first.asString(), again.asString());
        assertEquals(first.header("Link"), again.header("Link"));
        String cursor = first.path("next");
        String secondPage = given().queryParam("limit", 1).queryParam("cursor", cursor).when().get(CASE_STUDIES)
                .then().statusCode(200).extract().header("ETag");
        given().queryParam("limit", 1).queryParam("cursor", cursor).header("If-None-Match", secondPage)
                .when().get(CASE_STUDIES).then().statusCode(304);
    }

    @Test
    void sparseFieldsetsKeepOnlyTheFieldsAskedFor() {
        given().queryParam("fields", "slug,title,summary").queryParam("limit", 2).when().get(CASE_STUDIES)
                .then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items[0].keySet()", containsInAnyOrder("slug", "title", "summary"))
                .body("items[1].keySet()", containsInAnyOrder("slug", "title", "summary"))
                .body("total", greaterThan(2))
                .body("next", notNullValue());
        String slug = given().queryParam("limit", 1).when().get(CASE_STUDIES).then().extract().path("items[0].slug");
        given().queryParam("fields", "slug,evidence").when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200)
                .body("keySet()", containsInAnyOrder("slug", "evidence"))
                .body("evidence.level", notNullValue());
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200)
                .body("keySet()", hasItems("slug", "title", "body", "bodyHtml", "version"));

        given().queryParam("fields", "slug,colour").when().get(CASE_STUDIES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("fields"))
                .body("errors[0].message", startsWith("has an unknown field: \"colour\"; the fields are slug, title, summary"));
        given().queryParam("fields", "body,nope").when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(400)
                .body("errors[0].message", allOf(containsString("\"nope\""), containsString("bodyHtml")));
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

    /**
     * A shared cache keeps one answer per URL and per header named in Vary: every cacheable public answer must name
     * every request header its body, validators or CORS headers depend on, or one client's variant reaches another
     * (a page on one origin got the CORS headers of another; a CSV request a JSON body). Each public GET of the
     * OpenAPI document is asked with each header varied, raw bytes compared.
     */
    @Test
    void everyCacheablePublicAnswerVariesByEveryHeaderItDependsOn() throws Exception {
        TestKeys.actAsEditor();
        String approach = createApproach(null);
        String slug = create(caseStudy(approach));
        TestKeys.actAnonymously();
        String savedSearch = given().contentType("application/json")
                .body(Map.of("parameters", Map.of("approach", List.of(approach)))).when().post("/api/v1/feeds/searches")
                .then().statusCode(201).extract().path("id");
        Map<String, List<String>> variants = new java.util.LinkedHashMap<>();
        variants.put("Origin", List.of("https://one.example", "https://two.example"));
        variants.put("Accept", List.of("application/json", "application/ld+json", "text/csv", "application/atom+xml", "*/*"));
        variants.put("Accept-Encoding", List.of("gzip", "deflate"));
        variants.put("Accept-Language", List.of("fr", "de"));
        variants.put("X-Forwarded-Host", List.of("mirror.example"));
        variants.put("X-Forwarded-Proto", List.of("https"));
        variants.put("Forwarded", List.of("host=mirror.example;proto=https"));
        variants.put("User-Agent", List.of("another-agent"));
        variants.put("Cookie", List.of("session=1"));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + io.restassured.RestAssured.port;
        List<String> failures = new java.util.ArrayList<>();
        int checked = 0;
        for (var path : org.integrationevidence.TestData.openApiDocument().get("paths").properties()) {
            var get = path.getValue().get("get");
            if (get == null || get.has("security") && !get.get("security").isEmpty()) {
                continue;
            }
            String url = base + path.getKey().replace("{slug}", path.getKey().startsWith("/api/v1/approaches") ? approach : slug)
                    .replace("{type}", "validation").replace("{version}", "0").replace("{scheme}", "cbp").replace("{code}", "7")
                    .replace("{id}", savedSearch);
            java.net.http.HttpResponse<byte[]> plain = send(client, url, Map.of());
            String cacheControl = plain.headers().firstValue("Cache-Control").orElse("");
            if (plain.statusCode() != 200 || !cacheControl.contains("public")) {
                continue;
            }
            checked++;
            for (var header : variants.entrySet()) {
                for (String value : header.getValue()) {
                    java.net.http.HttpResponse<byte[]> varied = send(client, url, Map.of(header.getKey(), value));
                    if (varied.statusCode() == plain.statusCode() && signature(varied).equals(signature(plain))) {
                        continue;
                    }
                    // Only what a cache may keep needs to say what it varies by (a 406 is no-store).
                    for (var answer : List.of(plain, varied)) {
                        if (!answer.headers().firstValue("Cache-Control").orElse("").contains("public")) {
                            continue;
                        }
                        Set<String> vary = new HashSet<>();
                        answer.headers().allValues("Vary").forEach(line -> java.util.Arrays.stream(line.split(","))
                                .map(name -> name.strip().toLowerCase(java.util.Locale.ROOT)).forEach(vary::add));
                        if (!vary.contains(header.getKey().toLowerCase(java.util.Locale.ROOT)) && !vary.contains("*")) {
                            failures.add(path.getKey() + " differs by " + header.getKey() + ": " + value + ", but its Vary is "
                                    + answer.headers().allValues("Vary"));
                        }
                    }
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(checked >= 9, "only " + checked + " cacheable public reads were found");
        assertEquals(List.of(), failures);
    }

    /**
     * Without a configured public address, links are built on the address the request was sent to: a request with
     * another Host header gets its own links, under a validator of its own, never one shared with the real address.
     */
    @Test
    void linksBuiltOnTheRequestsHostCarryAValidatorOfTheirOwn() {
        Response own = given().queryParam("limit", 1).accept("application/ld+json").when().get(CASE_STUDIES)
                .then().statusCode(200).extract().response();
        Response forged = given().queryParam("limit", 1).accept("application/ld+json").header("Host", "evil.example")
                .when().get(CASE_STUDIES).then().statusCode(200).extract().response();
        org.junit.jupiter.api.Assertions.assertTrue(forged.header("Link").contains("//evil.example/"), forged.header("Link"));
        assertNotEquals(own.header("ETag"), forged.header("ETag"));
        given().queryParam("limit", 1).accept("application/ld+json").header("Host", "evil.example")
                .header("If-None-Match", own.header("ETag")).when().get(CASE_STUDIES).then().statusCode(200);
    }

    private static java.net.http.HttpResponse<byte[]> send(java.net.http.HttpClient client, String url, Map<String, String> headers)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url));
        headers.forEach(request::header);
        return client.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /** What a cache would hand on: the body as sent, and the headers that describe it or its CORS permissions. */
    private static String signature(java.net.http.HttpResponse<byte[]> response) {
        StringBuilder signature = new StringBuilder(java.util.Base64.getEncoder().encodeToString(response.body()));
        for (String name : List.of("Content-Type", "Content-Encoding", "Content-Language", "Content-Disposition", "ETag",
                "Last-Modified", "Link", "Location", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                "Access-Control-Expose-Headers", "Cache-Control")) {
            signature.append('\n').append(name).append(": ").append(response.headers().allValues(name));
        }
        return signature.toString();
    }
}
