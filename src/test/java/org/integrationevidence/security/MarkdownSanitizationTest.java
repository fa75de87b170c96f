package org.integrationevidence.security;

import static io.restassured.RestAssured.given;
import static org.integrationevidence.TestKeys.bearer;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.integrationevidence.TestData;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Markdown bodies are served as HTML that third-party pages insert as they are: none of a set of XSS payloads may
 * come out as live markup, whether written alone or inside ordinary text.
 */
@QuarkusTest
class MarkdownSanitizationTest {

    /** What must never appear in served HTML: script-capable elements, event handlers, script URLs, inline styles. */
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("<\\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|video|source|"
                    + "marquee|details|body|noscript|frame|frameset|applet)\\b"),
            Pattern.compile("<[^>]*\\son[a-z]+\\s*="),
            Pattern.compile("<[^>]*\\s(style|srcdoc|formaction)\\s*="),
            Pattern.compile("(href|src|action|data)\\s*=\\s*[\"'`]?\\s*(javascript|vbscript|data):"));

    @Test
    void noPayloadSurvivesAsLiveMarkup() throws IOException {
        List<String> payloads = payloads();
        assertTrue(payloads.size() >= 40, "payload set too small: " + payloads.size());
        String editor = TestKeys.editor();
        for (String payload : payloads) {
            Map<String, Object> body = TestData.caseStudy("sport");
            body.put("body", "Before the payload.\n\n" + payload + "\n\nAfter *it*, [a real link](https://example.org).");
            String html = given().spec(bearer(editor)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/case-studies").then().statusCode(201).extract().path("bodyHtml");
            String lower = html.toLowerCase(Locale.ROOT);
            for (Pattern forbidden : FORBIDDEN) {
                assertFalse(forbidden.matcher(lower).find(), "payload " + payload + " came out as " + html);
            }
            // Sanitizing keeps the ordinary Markdown around the payload working.
            assertTrue(html.contains("<em>it</em>") && html.contains("href=\"https://example.org\""), html);
            assertTrue(html.contains("rel=\"nofollow\""), html);
        }
    }

    private static List<String> payloads() throws IOException {
        try (InputStream in = MarkdownSanitizationTest.class.getResourceAsStream("/xss-payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("# "))
                    .toList();
        }
    }
}
