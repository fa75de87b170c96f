package org.integrationevidence.browser;

import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import org.integrationevidence.NodeScripts;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embed widget, its evidence gap map and Swagger UI in a real browser: Debian's Chromium, driven by playwright-core from the Node
 * scripts in {@code src/test/browser} (run by {@link NodeScripts}), against the packaged application. Only here, not in-process as well: a browser run is slow, and the packaged jar is what sites
 * see. Without Chromium, Node or npm the tests are skipped, saying why, unless {@code EVIDENCE_BROWSER_TESTS=required};
 * {@code .ci/run} installs Chromium and requires them.
 */
@QuarkusIntegrationTest
class BrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    /** Before each test rather than all, so that a skip is reported on every test, with its reason. */
    @BeforeEach
    void installBrowserTools() throws Exception {
        NodeScripts.skipUnless(Files.isExecutable(CHROMIUM), "Browser tests skipped: Debian's chromium is not installed at "
                + CHROMIUM + " (apt-get install chromium; .ci/run installs it)");
        NodeScripts.install();
    }

    @Test
    void theWidgetShowsCaseStudiesOnAnotherSitesPage() throws Exception {
        String hostileTitle = "<img src=x onerror=\"window.hostileScriptRan=true\">A <b>hostile</b> title";
        String approach;
        TestKeys.actAsEditor();
        try {
            approach = createApproach(null);
            Map<String, Object> hostile = caseStudy(approach);
            hostile.put("title", hostileTitle);
            hostile.put("summary", "<script>window.hostileScriptRan=true</script>");
            create(hostile);
        } finally {
            TestKeys.actAnonymously();
        }

        String output = node("embed-widget.mjs", Map.of("HOSTILE_APPROACH", approach, "HOSTILE_TITLE", hostileTitle,
                "SCREENSHOT", NodeScripts.WORK.resolve("embed-widget.png").toAbsolutePath().toString()));

        assertTrue(output.contains("ok - it shows as many cards as limit=\"3\" asks"), output);
        assertTrue(output.contains("ok - a title made of HTML is shown as text"), output);
        assertTrue(output.contains("ok - an unreachable API shows an error"), output);
        assertTrue(Files.size(NodeScripts.WORK.resolve("embed-widget.png")) > 10_000, "the screenshot should have been written");
    }

    /**
     * The evidence gap map element on another site's page, against the seed data: it compares the table with
     * {@code GET /api/v1/evidence-map?rows=approach&columns=outcomeDomain} (see evidence-gap-map.mjs).
     */
    @Test
    void theGapMapShowsTheEvidenceMapOnAnotherSitesPage() throws Exception {
        String output = node("evidence-gap-map.mjs",
                Map.of("SCREENSHOT", NodeScripts.WORK.resolve("evidence-gap-map.png").toAbsolutePath().toString(),
                        "SVG_SCREENSHOT", NodeScripts.WORK.resolve("evidence-gap-map-svg.png").toAbsolutePath().toString()));

        assertTrue(output.contains("ok - a cell for every row and column"), output);
        assertTrue(output.contains("ok - each link goes to its cell's search, made absolute, and says how many case studies"),
                output);
        assertTrue(output.contains("ok - a gap says so to a screen reader"), output);
        assertTrue(output.contains("ok - the right arrow moves to the next cell"), output);
        assertTrue(output.contains("ok - an unreachable API shows an error"), output);
        assertTrue(output.contains("ok - the SVG map opens in Chromium with a title and a description"), output);
        assertTrue(Files.size(NodeScripts.WORK.resolve("evidence-gap-map.png")) > 10_000, "the screenshot should have been written");
        assertTrue(Files.size(NodeScripts.WORK.resolve("evidence-gap-map-svg.png")) > 10_000, "the SVG's screenshot should have been written");
    }

    @Test
    void swaggerUiListsCaseStudiesInBradford() throws Exception {
        String output = node("swagger-ui.mjs", Map.of());

        assertTrue(output.contains("ok - the request is answered 200"), output);
        assertTrue(output.contains("ok - the response body lists case studies in Bradford"), output);
    }

    /** Runs a script of src/test/browser with the browser's path; fails with its output unless it exits 0. */
    private static String node(String script, Map<String, String> environment) throws Exception {
        Map<String, String> withChromium = new HashMap<>(environment);
        withChromium.put("CHROMIUM", CHROMIUM.toString());
        return NodeScripts.node(script, withChromium);
    }
}
