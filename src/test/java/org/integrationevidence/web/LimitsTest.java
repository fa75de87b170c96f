package org.integrationevidence.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import org.integrationevidence.ActingAs;
import org.integrationevidence.ActingAs.Role;
import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.integrationevidence.http.Cursor;
import org.integrationevidence.http.MergePatch;
import org.integrationevidence.problem.Problem;
import org.junit.jupiter.api.Test;

/** Hostile input: bodies, URLs, headers and JSON documents past the API's limits are refused, never a 5xx. */
@QuarkusTest
@ActingAs(Role.EDITOR)
class LimitsTest {

    private static final String CASE_STUDIES = "/api/v1/case-studies";
    private static final int MIB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBodyDeclaredOverOneMibIs413() {
        given().contentType(ContentType.JSON).body(stringBody(MIB + 1))
                .when().post(CASE_STUDIES)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/content-too-large"))
                .body("title", equalTo("Content too large"))
                .body("detail", equalTo("The request body is larger than 1 MiB, the most this API accepts here."))
                .body("instance", equalTo(CASE_STUDIES));
    }

    @Test
    void aChunkedBodyOverOneMibIs413() throws Exception {
        HttpResponse<String> response = chunked("POST", CASE_STUDIES, "application/json", stringBody(2 * MIB));
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("/problems/content-too-large", problem.path("type").asText());
        assertEquals("The request body is larger than 1 MiB, the most this API accepts here.", problem.path("detail").asText());
    }

    /**
     * A client still sending a body refused while it was read loses nothing: the rest is read and dropped before the
     * connection is closed. Closed at once, with bytes unread, the connection is reset, so that the client's next
     * writes fail, and a client not quick to read can lose the answer (CI's LimitsIT saw it once).
     */
    @Test
    void theRestOfABodyRefusedWhileReadIsReadBeforeTheConnectionCloses() throws Exception {
        String slug = TestData.create(TestData.caseStudy("sport"));
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (java.net.Socket socket = new java.net.Socket(RestAssured.baseURI.replaceFirst("^https?://", ""), RestAssured.port)) {
            socket.setSoTimeout((int) (HttpEdge.LINGER_MILLIS * 2));
            java.io.OutputStream out = socket.getOutputStream();
            // A merge patch is read as a stream, and refused as soon as it is over the limit.
            out.write(("PATCH " + CASE_STUDIES + "/" + slug + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestKeys.editor() + "\r\nContent-Type: " + MergePatch.MEDIA_TYPE + "\r\nIf-Match: *\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 20; i++) { // 1.25 MiB: over the limit
                writeChunk(out, chunk);
            }
            java.io.InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 413 "), head);
            // The answer came; the client goes on sending the rest of its body, as a client writing a stream does.
            for (int i = 0; i < 20; i++) {
                writeChunk(out, chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int length = Integer.parseInt(head.replaceAll("(?s).*\r\ncontent-length: *(\\d+)\r\n.*", "$1"));
            assertEquals(length, in.readNBytes(length).length, "the problem document");
            assertEquals(-1, in.read(), "the connection is closed once the body is read");
        }
    }

    private static void writeChunk(java.io.OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The status line and headers, lower-cased names and all, up to the blank line. */
    private static String readHead(java.io.InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended within the answer's head: " + head);
            }
            head.append((char) b);
        }
        return head.toString().toLowerCase(java.util.Locale.ROOT).replaceFirst("^http/1.1", "HTTP/1.1");
    }

    @Test
    void aChunkedMergePatchOverOneMibIs413() throws Exception {
        String slug = TestData.create(TestData.caseStudy("sport"));
        HttpResponse<String> response = chunked("PATCH", CASE_STUDIES + "/" + slug, MergePatch.MEDIA_TYPE, stringBody(2 * MIB));
        assertEquals(413, response.statusCode());
        assertEquals("/problems/content-too-large", JSON.readTree(response.body()).path("type").asText());
    }

    @Test
    void chunkedBodiesUnderTheLimitAreReadAsUsual() throws Exception {
        HttpResponse<String> response = chunked("POST", CASE_STUDIES, "application/json", "{\"title\": \"Chunked\"}");
        assertEquals(400, response.statusCode());
        assertEquals("/problems/validation", JSON.readTree(response.body()).path("type").asText());
    }

    @Test
    void bulkImportsAreExemptFromTheGeneralLimit() {
        // The import endpoint enforces its own, larger limit; whatever it answers, it is not the general 413.
        given().contentType("application/x-ndjson")
                .body(stringBody(MIB + 1).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/imports")
                .then().statusCode(allOf(not(413), greaterThanOrEqualTo(200), lessThan(500)));
    }

    @Test
    void overLongUrlsAre414() {
        given().queryParam("q", "a".repeat(70_000)).when().get(CASE_STUDIES)
                .then().statusCode(414);
    }

    @Test
    void overLongHeadersAre431() {
        given().header("X-Filler", "a".repeat(20_000)).when().get(CASE_STUDIES)
                .then().statusCode(431);
    }

    @Test
    void deeplyNestedJsonIs400NamingTheDepth() {
        String slug = TestData.create(TestData.caseStudy("sport"));
        String nested = "{\"outcomes\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        given().contentType(MergePatch.MEDIA_TYPE)
                .body(nested)
                .when().patch(CASE_STUDIES + "/" + slug)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-body"))
                .body("detail", equalTo("The request body nests arrays and objects deeper than 32 levels."));
    }

    @Test
    void hugeNumbersAndStringsAre400NamingTheLimit() {
        Map<String, Object> caseStudy = TestData.caseStudy("sport");
        String withNumber = json(caseStudy).replaceFirst("\"level\":\\s*\\d+", "\"level\": " + "9".repeat(1000));
        given().contentType(ContentType.JSON).body(withNumber)
                .when().post(CASE_STUDIES)
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body"))
                .body("detail", startsWith("The request body has a number longer than 50 characters"));
        caseStudy.put("body", "x".repeat(200_000));
        given().contentType(ContentType.JSON).body(json(caseStudy))
                .when().post(CASE_STUDIES)
                .then().statusCode(400)
                .body("type", equalTo("/problems/malformed-body"))
                .body("detail", startsWith("The request body has a string longer than 100000 characters"));
    }

    @Test
    void hugeArraysAre400NamingTheField() {
        Map<String, Object> caseStudy = TestData.caseStudy("sport");
        caseStudy.put("approaches", Collections.nCopies(100_000, "sport"));
        given().contentType(ContentType.JSON).body(json(caseStudy))
                .when().post(CASE_STUDIES)
                .then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("approaches"));
        caseStudy.put("approaches", java.util.List.of("sport"));
        caseStudy.put("outcomes", Collections.nCopies(100_000, ""));
        given().contentType(ContentType.JSON).body(json(caseStudy))
                .when().post(CASE_STUDIES)
                .then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("The request has 1 invalid field: outcomes must have at most 1000 items."))
                .body("errors.field", equalTo(java.util.List.of("outcomes")));
    }

    @Test
    void validationProblemsListAtMostOneHundredFields() {
        Map<String, Object> caseStudy = TestData.caseStudy("sport");
        caseStudy.put("outcomes", Collections.nCopies(1000, ""));
        caseStudy.put("leadOrganisations", Collections.nCopies(1000, ""));
        given().contentType(ContentType.JSON).body(json(caseStudy))
                .when().post(CASE_STUDIES)
                .then().statusCode(400)
                .body("type", equalTo("/problems/validation"))
                .body("detail", equalTo("The request has 2002 invalid fields. The first 100 are listed."))
                .body("errors.size()", equalTo(100));
    }

    @Test
    void overLongValuesQuotedInProblemsAreCutShort() {
        given().when().get("/problems/" + "x".repeat(5000))
                .then().statusCode(404)
                .body("detail", allOf(startsWith("There is no problem type \"xxx"), endsWith("…")))
                .body("detail.length()", equalTo(Problem.MAX_DETAIL));
    }

    @Test
    void overLongCursorsInstantsAndFacetListsAre400NamingTheParameter() {
        given().queryParam("cursor", "a".repeat(Cursor.MAX_LENGTH + 1))
                .when().get(CASE_STUDIES)
                .then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("cursor")));
        given().queryParam("updatedSince", "2026-11-01T00:00:00." + "0".repeat(30) + "Z")
                .when().get(CASE_STUDIES)
                .then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("updatedSince")))
                .body("errors[0].message", equalTo("must be at most 45 characters: an ISO 8601 instant or date"));
        given().queryParam("facets", "approach,approach,approach,approach,approach,approach,approach,approach,approach,approach")
                .when().get(CASE_STUDIES)
                .then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("facets")))
                .body("errors[0].message", equalTo("must be at most 85 characters: each facet at most once"));
    }

    /** A JSON object of {@code length} bytes, padded with spaces, which pass every limit of the JSON parser. */
    private static String stringBody(int length) {
        String object = "{\"title\": \"Padded\"}";
        return object.substring(0, object.length() - 1) + " ".repeat(length - object.length()) + "}";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request whose body has no Content-Length: HttpClient sends a stream of unknown length chunked. */
    private static HttpResponse<String> chunked(String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + TestKeys.editor())
                .header("Content-Type", contentType)
                .header("If-Match", "*")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertNull(request.headers().firstValue("Content-Length").orElse(null));
        assertTrue(response.statusCode() < 500, () -> "A 5xx for a chunked body: " + response.body());
        return response;
    }
}
