package org.integrationevidence.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The OWASP API Security Top 10 (2023), item by item. Each test attacks the API the way its item describes; the
 * docs/operations/security.md maps each item to this suite and to the other tests that cover it in depth.
 */
@QuarkusTest
class OwaspApiTop10Test {

    private static final String CASE_STUDIES = "/api/v1/case-studies";

    /** API1 Broken Object Level Authorization: one curator's drafts and their history are not another's to see or touch. */
    @Test
    void api1ObjectsOfOthersAreOutOfReach() {
        String alice = TestKeys.create("curator", TestData.unique("alice"));
        String mallory = TestKeys.create("curator", TestData.unique("mallory"));
        Map<String, Object> body = TestData.caseStudy("sport");
        String word = TestData.unique("secret").replace("-", "");
        body.put("title", "Alice's draft " + word);
        String slug = given().spec(bearer(alice)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        String draft = CASE_STUDIES + "/" + slug;

        given().spec(bearer(mallory)).when().get(draft).then().statusCode(404);
        given().spec(bearer(mallory)).when().get(draft + "/revisions").then().statusCode(404);
        given().spec(bearer(mallory)).when().get(draft + "/revisions/1").then().statusCode(404);
        given().spec(bearer(mallory)).when().get(draft + "/transitions").then().statusCode(404);
        given().spec(bearer(mallory)).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(draft).then().statusCode(404);
        given().spec(bearer(mallory)).header("If-Match", "*").contentType("application/merge-patch+json")
                .body("{\"title\": \"Taken over\"}").when().patch(draft).then().statusCode(404);
        given().spec(bearer(mallory)).contentType(ContentType.JSON).body(Map.of("action", "submit"))
                .when().post(draft + "/transitions").then().statusCode(404);
        given().spec(bearer(mallory)).header("If-Match", "*").when().post(draft + "/revisions/1/restore").then().statusCode(404);
        given().when().get(draft).then().statusCode(404);
        // Search shows the word's published case study, written after the draft, and never the draft.
        Map<String, Object> published = TestData.caseStudy("sport");
        published.put("title", "Published control " + word);
        String control = given().spec(bearer(TestKeys.editor())).contentType(ContentType.JSON).body(published)
                .when().post(CASE_STUDIES).then().statusCode(201).extract().path("slug");
        given().queryParam("q", word).when().get(CASE_STUDIES).then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.contains(control));
        // Keys are objects too: only admins see or revoke any of them.
        given().spec(bearer(mallory)).when().get("/api/v1/keys/1").then().statusCode(403);
        given().spec(bearer(mallory)).when().delete("/api/v1/keys/1").then().statusCode(403);
        given().spec(bearer(alice)).when().get(draft).then().statusCode(200).body("title", equalTo(body.get("title")));
    }

    /** API2 Broken Authentication: missing, forged, malformed and revoked keys, and keys in URLs, never authenticate. */
    @Test
    void api2OnlyValidKeysSentProperlyAuthenticate() {
        Map<String, Object> body = TestData.caseStudy("sport");
        given().contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES).then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        for (String forged : List.of("iek_" + "A".repeat(43), "iek_", "not-a-key", "Bearer", "iek_" + "A".repeat(4000))) {
            given().header("Authorization", "Bearer " + forged).when().get(CASE_STUDIES).then().statusCode(401)
                    .body("type", equalTo("/problems/unauthorized"));
        }
        given().header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES).then().statusCode(401);

        String key = TestKeys.create("editor", TestData.unique("leaky"));
        given().queryParam("key", key).when().get(CASE_STUDIES).then().statusCode(400);
        given().queryParam("q", key).when().get(CASE_STUDIES).then().statusCode(400);

        long id = given().spec(bearer(TestKeys.admin())).when().get("/api/v1/keys").then().statusCode(200).extract()
                .jsonPath().getList("items", Map.class).stream().filter(k -> key.startsWith((String) k.get("prefix")))
                .mapToLong(k -> ((Number) k.get("id")).longValue()).max().orElseThrow();
        given().spec(bearer(key)).when().get("/api/v1/keys").then().statusCode(403);
        given().spec(bearer(TestKeys.admin())).when().delete("/api/v1/keys/" + id).then().statusCode(204);
        given().spec(bearer(key)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES).then().statusCode(401);
    }

    /**
     * API3 Broken Object Property Level Authorization: no client may set a server-owned or role-owned property, and
     * no response carries a property its reader should not have (key hashes, owners, secrets).
     */
    @Test
    void api3PropertiesAreWrittenAndReadOnlyByThoseAllowed() {
        String curator = TestKeys.curator();
        for (Map.Entry<String, Object> field : Map.<String, Object>of("owner", "Someone else", "id", 1, "status", "published")
                .entrySet()) {
            Map<String, Object> body = TestData.caseStudy("sport");
            body.remove("status");
            body.put(field.getKey(), field.getValue());
            given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                    .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem(field.getKey()));
        }
        // What a GET returns may be sent back (a client GETs, changes a field, PUTs): the server's own fields in it are
        // ignored, never written.
        Map<String, Object> echoed = TestData.caseStudy("sport");
        echoed.remove("status");
        echoed.putAll(Map.of("version", 7, "createdAt", "2020-01-01T00:00:00Z", "updatedAt", "2020-01-01T00:00:00Z",
                "bodyHtml", "<script>x</script>"));
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(echoed).when().post(CASE_STUDIES)
                .then().statusCode(201).body("version", equalTo(0))
                .body("createdAt", not(startsWith("2020"))).body("updatedAt", not(startsWith("2020")))
                .body("bodyHtml", not(containsString("script")));
        given().spec(bearer(TestKeys.admin())).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "owner", "y", "role", "curator", "hash", "00"))
                .when().post("/api/v1/keys").then().statusCode(400);

        given().spec(bearer(TestKeys.admin())).when().get("/api/v1/keys").then().statusCode(200)
                .body("items[0]", not(hasKey("key"))).body("items[0]", not(hasKey("hash"))).body("items[0]", not(hasKey("keyHash")));
        String published = given().when().get(CASE_STUDIES).then().statusCode(200).extract().path("items[0].slug");
        given().when().get(CASE_STUDIES + "/" + published).then().statusCode(200)
                .body("$", not(hasKey("owner"))).body("$", not(hasKey("id")));
    }

    /** API4 Unrestricted Resource Consumption: bodies, pages, queries and filters are all bounded. */
    @Test
    void api4EveryRequestIsBounded() {
        String editor = TestKeys.editor();
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("body", "x".repeat(2 * 1024 * 1024));
        given().spec(bearer(editor)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(413).body("type", equalTo("/problems/content-too-large"));
        given().queryParam("limit", 100_000).when().get(CASE_STUDIES).then().statusCode(400);
        given().queryParam("q", "integration ".repeat(100)).when().get(CASE_STUDIES).then().statusCode(400);
        List<String> manyCountries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            manyCountries.add("GB");
        }
        given().queryParam("country", manyCountries).when().get(CASE_STUDIES).then().statusCode(400);
        given().queryParam("limit", 1000).when().get("/api/v1/suggest?prefix=b").then().statusCode(400);
        given().spec(bearer(editor)).contentType(ContentType.JSON).body("[".repeat(10_000)).when().post(CASE_STUDIES)
                .then().statusCode(400);
    }

    /** API5 Broken Function Level Authorization: each role reaches its own functions only. */
    @Test
    void api5FunctionsBelongToRoles() {
        String curator = TestKeys.curator();
        String editor = TestKeys.editor();
        Map<String, Object> approach = Map.of("slug", TestData.unique("bfla"), "name", TestData.unique("BFLA"), "definition", "x");
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(approach).when().post("/api/v1/approaches")
                .then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        given().spec(bearer(curator)).header("If-Match", "*").when().delete(CASE_STUDIES + "/" + anyPublished())
                .then().statusCode(403);
        for (String key : List.of(curator, editor)) {
            given().spec(bearer(key)).when().get("/api/v1/keys").then().statusCode(403);
            given().spec(bearer(key)).contentType(ContentType.JSON).body(Map.of("name", "x", "owner", "y", "role", "admin"))
                    .when().post("/api/v1/keys").then().statusCode(403);
            given().spec(bearer(key)).when().get("/api/v1/audit-events").then().statusCode(403);
        }
        given().when().get("/api/v1/audit-events").then().statusCode(401);
    }

    /**
     * API6 Unrestricted Access to Sensitive Business Flows: publication is the flow that matters here. A curator
     * cannot publish, not by status, not by transition, not by bulk import: an editor must review.
     */
    @Test
    void api6OnlyEditorsPublish() {
        String curator = TestKeys.curator();
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("status", "published");
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        body.remove("status");
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(Map.of("action", "publish"))
                .when().post(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(403);
        given().spec(bearer(curator)).header("If-Match", "*").contentType("application/merge-patch+json")
                .body("{\"status\": \"published\"}").when().patch(CASE_STUDIES + "/" + slug).then().statusCode(400);
        String row = "{\"title\":\"Example: import that tries to publish\",\"summary\":\"Sample.\",\"body\":\"Sample.\","
                + "\"place\":{\"name\":\"Exampleton\",\"scale\":\"city\"},\"approaches\":[\"sport\"],"
                + "\"evidence\":{\"level\":1,\"rationale\":\"Sample.\"},\"sources\":[{\"title\":\"Sample\",\"publisher\":\"Sample\","
                + "\"url\":\"https://example.org/\",\"contribution\":\"Sample.\"}],\"status\":\"published\"}";
        given().spec(bearer(curator)).contentType("application/x-ndjson; charset=UTF-8")
                .body((row + "\n").getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/imports")
                .then().statusCode(422).body("errors[0].field", equalTo("status"));
        given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(404);
    }

    /**
     * API7 Server Side Request Forgery: the API fetches nothing a client names. Source links are data, limited to
     * http and https, and no operation takes a URL to call back but webhook subscriptions, whose destinations must be
     * http(s) and resolve to public addresses (loopback other than the test profile's allow-listed 127.0.0.1, private,
     * link-local, metadata and other internal ranges are refused: WebhookTest and DestinationsUnitTest try each).
     */
    @Test
    void api7NothingAClientNamesIsFetched() throws Exception {
        String editor = TestKeys.editor();
        for (String url : List.of("file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://127.0.0.1/", "jar:http://x!/",
                "dict://127.0.0.1:11211/", "javascript:alert(1)")) {
            Map<String, Object> body = TestData.caseStudy("sport");
            body.put("sources", List.of(Map.of("title", "S", "publisher", "P", "url", url, "contribution", "C")));
            given().spec(bearer(editor)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                    .then().statusCode(400).body("errors[0].field", equalTo("sources[0].url"));
        }
        for (String url : List.of("file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "http://127.0.0.2:6379/",
                "http://169.254.169.254/latest/meta-data/", "http://[::ffff:169.254.169.254]/", "http://10.0.0.1/",
                "http://metadata.google.internal.invalid/")) {
            given().spec(bearer(editor)).contentType(ContentType.JSON).body(Map.of("url", url))
                    .when().post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        JsonNode document = TestData.openApiDocument();
        List<String> callbacks = new ArrayList<>();
        document.get("paths").forEach(item -> item.forEach(operation -> {
            operation.path("parameters").forEach(parameter -> {
                String name = parameter.path("name").asText().toLowerCase();
                if (name.contains("url") || name.contains("callback") || name.contains("webhook") || name.contains("uri")) {
                    callbacks.add(name);
                }
            });
            if (operation.has("callbacks")) {
                callbacks.add(operation.path("operationId").asText());
            }
        }));
        assertTrue(callbacks.isEmpty(), "operations that take a URL: " + callbacks);
    }

    /** API8 Security Misconfiguration: headers, CORS, methods and errors are locked down. */
    @Test
    void api8TheConfigurationIsLockedDown() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Powered-By", nullValue())
                .body(not(containsString("Exception")));
        given().when().request("TRACE", CASE_STUDIES).then().statusCode(405);
        // Any page may read, and every answer is the same whatever the Origin (a shared cache may serve any page)...
        given().header("Origin", "https://evil.example").when().get(CASE_STUDIES).then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Vary", not(containsString("Origin")));
        // ...but a preflight offers no writes, no key and no credentials...
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization")
                .when().options(CASE_STUDIES + "/" + anyPublished()).then().statusCode(204)
                .header("Access-Control-Allow-Methods", equalTo("GET, HEAD"))
                .header("Access-Control-Allow-Headers", not(containsString("Authorization")))
                .header("Access-Control-Allow-Credentials", nullValue());
        // ...and a write that needs no preflight (a form's POST) meets the same refusals as any other, as documents.
        given().header("Origin", "https://evil.example").contentType("text/plain").body("title=x")
                .when().post(CASE_STUDIES).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"))
                .header("Access-Control-Allow-Origin", "*");
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES).then().statusCode(200)
                .header("Cache-Control", containsString("no-store"));
        given().contentType(ContentType.JSON).body("{\"title\": ").header("Authorization", "Bearer " + TestKeys.editor())
                .when().post(CASE_STUDIES).then().statusCode(400)
                .body(not(containsString("com.fasterxml"))).body(not(containsString("at [Source")));
    }

    /** API9 Improper Inventory Management: one documented, versioned API; no development endpoints served. */
    @Test
    void api9OnlyTheDocumentedApiIsServed() throws Exception {
        for (String hidden : List.of("/q/dev-ui", "/q/dev", "/q/arc", "/q/arc/beans", "/api/v2/case-studies", "/api/case-studies",
                "/h2-console", "/console", "/actuator", "/api/v1/admin")) {
            int status = given().redirects().follow(false).when().get(hidden).then().extract().statusCode();
            assertTrue(status == 404, hidden + " answered " + status);
        }
        JsonNode document = TestData.openApiDocument();
        // The OAI-PMH base URL is versioned by its protocol (2.0 answers say so), as harvesters expect it.
        document.get("paths").fieldNames().forEachRemaining(path -> assertTrue(path.startsWith("/api/v1/")
                || path.startsWith("/problems") || path.equals("/oai") || path.startsWith("/oai/"), "unversioned route " + path));
        assertTrue(document.path("info").path("version").asText().matches("\\d+\\.\\d+\\.\\d+"));
    }

    /**
     * API10 Unsafe Consumption of APIs: what others send in bulk is trusted no more than a single write. Imported rows
     * meet the same checks; Markdown from any source is sanitized (MarkdownSanitizationTest has the payloads).
     */
    @Test
    void api10ImportedDataIsCheckedLikeAnyWrite() {
        String editor = TestKeys.editor();
        String csv = "title,summary,body,place.name,place.scale,approaches,evidence.level,evidence.rationale,"
                + "sources[0].title,sources[0].publisher,sources[0].url,sources[0].contribution\n"
                + "\"Example: hostile import\",Sample.,\"<script>alert(1)</script> [x](javascript:alert(1))\",Exampleton,city,"
                + "sport,1,Sample.,Sample,Sample,https://example.org/,Sample.\n"
                + "\"Example: bad row\",Sample.,Sample.,Exampleton,city,no-such-approach,9,Sample.,Sample,Sample,file:///etc/passwd,Sample.\n";
        given().spec(bearer(editor)).contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/v1/imports")
                .then().statusCode(422)
                .body("errors.row", org.hamcrest.Matchers.everyItem(equalTo(3)))
                .body("errors.field", org.hamcrest.Matchers.hasItems("evidence.level", "sources[0].url"));
        String slug = given().spec(bearer(editor)).contentType("text/csv; charset=UTF-8").body(csv.substring(0, csv.lastIndexOf("\"Example: bad row\"")))
                .when().post("/api/v1/imports").then().statusCode(200).extract().path("items[0].slug");
        String html = given().when().get(CASE_STUDIES + "/" + slug).then().statusCode(200).extract().path("bodyHtml");
        assertTrue(!html.contains("<script") && !html.matches("(?s).*(href|src)=\"?javascript:.*"), html);
    }

    /**
     * API1 and API3, through side channels: a curator learns nothing of another's draft from taking its slug (at
     * create, by derivation, in an import's dry run), from a draft withdrawn before it was published, nor from the
     * validators of any public answer.
     */
    @Test
    void api1DraftsShowThroughNoSideChannel() throws Exception {
        String aliceOwner = TestData.unique("alice");
        String alice = TestKeys.create("curator", aliceOwner);
        String mallory = TestKeys.create("curator", TestData.unique("mallory"));
        String word = TestData.unique("confidential").replace("-", "");
        Map<String, Object> draft = TestData.caseStudy("sport");
        String slug = TestData.unique("hidden-plan");
        draft.put("slug", slug);
        draft.put("title", "Plan " + word);
        given().spec(bearer(alice)).contentType(ContentType.JSON).body(draft).when().post(CASE_STUDIES).then().statusCode(201);
        Map<String, Object> derivedDraft = TestData.caseStudy("sport");
        derivedDraft.remove("slug");
        derivedDraft.put("title", "Derived " + word);
        String derived = given().spec(bearer(alice)).contentType(ContentType.JSON).body(derivedDraft).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");

        // Mallory takes the same slugs as if they were free: no "is taken" in a dry run, then a 201 with the slug
        // asked for, and no "-2" for the slug derived from the same title.
        given().spec(bearer(mallory)).contentType("application/x-ndjson; charset=UTF-8").queryParam("dryRun", "true")
                .body(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(draft))
                .when().post("/api/v1/imports").then().statusCode(200).body("items[0].slug", equalTo(slug));
        given().spec(bearer(mallory)).contentType(ContentType.JSON).body(draft).when().post(CASE_STUDIES)
                .then().statusCode(201).body("slug", equalTo(slug));
        given().spec(bearer(mallory)).contentType(ContentType.JSON).body(derivedDraft).when().post(CASE_STUDIES)
                .then().statusCode(201).body("slug", equalTo(derived));
        // Each sees their own draft; an editor sees both, and says whose.
        given().spec(bearer(alice)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200).body("title", equalTo("Plan " + word));
        given().spec(bearer(mallory)).when().get(CASE_STUDIES + "/" + slug).then().statusCode(200);
        given().spec(bearer(TestKeys.editor())).when().get(CASE_STUDIES + "/" + slug).then().statusCode(409)
                .body("errors[0].field", equalTo("owner"));
        String etag = given().spec(bearer(TestKeys.editor())).queryParam("owner", aliceOwner).when().get(CASE_STUDIES + "/" + slug)
                .then().statusCode(200).body("title", equalTo("Plan " + word)).extract().header("ETag");
        // Publishing one would leave the other curator's draft under a public slug: the editor must rename one first.
        given().spec(bearer(TestKeys.editor())).queryParam("owner", aliceOwner).header("If-Match", etag)
                .contentType(ContentType.JSON).body(Map.of("action", "publish"))
                .when().post(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(409)
                .body("type", equalTo("/problems/slug-taken"));

        // A draft renamed and withdrawn before it was ever published is unknown to anyone who could not see it.
        String renamed = TestData.unique("renamed-plan");
        draft.put("slug", renamed);
        given().spec(bearer(alice)).header("If-Match", "*").contentType(ContentType.JSON).body(draft)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200);
        given().spec(bearer(TestKeys.editor())).header("If-Match", "*").when().delete(CASE_STUDIES + "/" + renamed)
                .then().statusCode(204);
        for (var caller : List.of(given(), given().spec(bearer(mallory)))) {
            caller.redirects().follow(false).when().get(CASE_STUDIES + "/" + renamed).then().statusCode(404);
        }
        given().redirects().follow(false).when().get(CASE_STUDIES + "/" + slug).then().statusCode(404);
        given().spec(bearer(alice)).when().get(CASE_STUDIES + "/" + renamed).then().statusCode(410);
    }

    /** The validators of public answers tell nothing of drafts: a curator's writes leave every one as it was. */
    @Test
    void api3PublicValidatorsDoNotMoveWithDrafts() {
        String curator = TestKeys.create("curator", TestData.unique("quiet-curator"));
        String published = anyPublished();
        List<String> reads = List.of(CASE_STUDIES, CASE_STUDIES + "?q=bradford&facets=approach,theme",
                CASE_STUDIES + "/" + published + "/related", "/api/v1/suggest?prefix=brad", "/api/v1/approaches",
                "/api/v1/approaches/sport", "/api/v1/feeds/case-studies.atom", CASE_STUDIES + "/export?format=csv",
                CASE_STUDIES + "?country=GB&limit=5");
        Map<String, String> before = new java.util.LinkedHashMap<>();
        for (String read : reads) {
            var response = given().when().get(read).then().statusCode(200).extract();
            before.put(read, response.header("ETag") + " " + response.header("Last-Modified"));
        }
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("title", "Bradford draft " + TestData.unique("quiet"));
        String slug = given().spec(bearer(curator)).contentType(ContentType.JSON).body(body).when().post(CASE_STUDIES)
                .then().statusCode(201).extract().path("slug");
        body.put("slug", slug);
        body.put("summary", "Changed while a draft.");
        given().spec(bearer(curator)).header("If-Match", "*").contentType(ContentType.JSON).body(body)
                .when().put(CASE_STUDIES + "/" + slug).then().statusCode(200);
        given().spec(bearer(curator)).contentType(ContentType.JSON).body(Map.of("action", "submit"))
                .when().post(CASE_STUDIES + "/" + slug + "/transitions").then().statusCode(200);
        for (String read : reads) {
            var response = given().when().get(read).then().statusCode(200).extract();
            assertEquals(before.get(read), response.header("ETag") + " " + response.header("Last-Modified"),
                    "the validators of " + read + " after a draft was written");
        }
    }

    /**
     * API4: no request adds a series to the metrics. A raw path (an empty segment, no leading slash, CONNECT's
     * host:port) or a made-up method was a label of its own, and labels are capped: whoever used the cap up hid the
     * routes first seen after it.
     */
    @Test
    void api4NoRequestNamesASeriesOfItsOwn() throws Exception {
        String mark = "x" + System.nanoTime();
        for (String request : List.of("CONNECT " + mark + ".example:443 HTTP/1.1\r\nHost: " + mark + ".example:443\r\n",
                "BREW" + mark.substring(0, 8).toUpperCase(java.util.Locale.ROOT) + " /pot-" + mark + " HTTP/1.1\r\nHost: localhost\r\n",
                "GET //" + mark + " HTTP/1.1\r\nHost: localhost\r\n", "GET " + mark + " HTTP/1.1\r\nHost: localhost\r\n",
                "GET /api/v1/" + mark + "// HTTP/1.1\r\nHost: localhost\r\n",
                "OPTIONS /" + mark + " HTTP/1.1\r\nHost: localhost\r\nOrigin: https://a.example\r\nAccess-Control-Request-Method: GET\r\n")) {
            RawHttp.exchange(request + "Connection: close\r\n\r\n");
        }
        String metrics = given().spec(bearer(TestKeys.monitor())).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        List<String> leaked = metrics.lines().filter(line -> line.startsWith("http_server")
                && (line.toLowerCase(java.util.Locale.ROOT).contains(mark) || line.contains("method=\"BREW") || line.contains("method=\"CONNECT")))
                .toList();
        assertEquals(List.of(), leaked);
    }

    private static String anyPublished() {
        return given().when().get(CASE_STUDIES).then().statusCode(200).extract().path("items[0].slug");
    }
}
