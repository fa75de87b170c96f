package org.integrationevidence.browser;

import static org.integrationevidence.TestData.caseStudy;
import static org.integrationevidence.TestData.create;
import static org.integrationevidence.TestData.createApproach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;

import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embed widget, its evidence gap map and Swagger UI in a real browser: Debian's Chromium, driven by playwright-core from the Node
 * scripts in {@code src/test/browser} (installed with {@code npm ci} into {@code target/browser-tests}), against the
 * packaged application. Only here, not in-process as well: a browser run is slow, and the packaged jar is what sites
 * see. Without Chromium, Node or npm the tests are skipped, saying why, unless {@code EVIDENCE_BROWSER_TESTS=required};
 * {@code .ci/run} installs Chromium and requires them.
 */
@QuarkusIntegrationTest
class BrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path SOURCES = Path.of("src/test/browser");
    private static final Path WORK = Path.of("target/browser-tests");
    private static final boolean REQUIRED = "required".equals(System.getenv("EVIDENCE_BROWSER_TESTS"));
    private static final long INSTALL_MINUTES = 5;
    private static final long SCRIPT_MINUTES = 3;

    private static boolean installed;

    /** Before each test rather than all, so that a skip is reported on every test, with its reason. */
    @BeforeEach
    void installBrowserTools() throws Exception {
        skipUnless(Files.isExecutable(CHROMIUM), "Browser tests skipped: Debian's chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium; .ci/run installs it)");
        skipUnless(nodeMajorVersion() >= 20, "Browser tests skipped: they need Node.js 20 or newer and npm on the PATH");
        if (!installed) {
            Files.createDirectories(WORK);
            try (Stream<Path> files = Files.list(SOURCES)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String output = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(),
                    "npm-ci.log", INSTALL_MINUTES);
            assertTrue(Files.isDirectory(WORK.resolve("node_modules/playwright-core")), "npm ci installed nothing:\n" + output);
            installed = true;
        }
    }

    /**
     * Skips the test with the reason, also printed to the build's output, where a skip count alone says little; fails it
     * instead where the browser tests must run ({@code EVIDENCE_BROWSER_TESTS=required}, as {@code .ci/run} sets).
     */
    private static void skipUnless(boolean condition, String reason) {
        if (REQUIRED) {
            assertTrue(condition, reason.replace("Browser tests skipped", "Browser tests cannot run"));
        }
        if (!condition) {
            System.out.println("[WARNING] " + reason);
        }
        assumeTrue(condition, reason);
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
                "SCREENSHOT", WORK.resolve("embed-widget.png").toAbsolutePath().toString()));

        assertTrue(output.contains("ok - it shows as many cards as limit=\"3\" asks"), output);
        assertTrue(output.contains("ok - a title made of HTML is shown as text"), output);
        assertTrue(output.contains("ok - an unreachable API shows an error"), output);
        assertTrue(Files.size(WORK.resolve("embed-widget.png")) > 10_000, "the screenshot should have been written");
    }

    /**
     * The evidence gap map element on another site's page, against the seed data: it compares the table with
     * {@code GET /api/v1/evidence-map?rows=approach&columns=outcomeDomain} (see evidence-gap-map.mjs).
     */
    @Test
    void theGapMapShowsTheEvidenceMapOnAnotherSitesPage() throws Exception {
        String output = node("evidence-gap-map.mjs",
                Map.of("SCREENSHOT", WORK.resolve("evidence-gap-map.png").toAbsolutePath().toString(),
                        "SVG_SCREENSHOT", WORK.resolve("evidence-gap-map-svg.png").toAbsolutePath().toString()));

        assertTrue(output.contains("ok - a cell for every row and column"), output);
        assertTrue(output.contains("ok - each link goes to its cell's search, made absolute, and says how many case studies"),
                output);
        assertTrue(output.contains("ok - a gap says so to a screen reader"), output);
        assertTrue(output.contains("ok - the right arrow moves to the next cell"), output);
        assertTrue(output.contains("ok - an unreachable API shows an error"), output);
        assertTrue(output.contains("ok - the SVG map opens in Chromium with a title and a description"), output);
        assertTrue(Files.size(WORK.resolve("evidence-gap-map.png")) > 10_000, "the screenshot should have been written");
        assertTrue(Files.size(WORK.resolve("evidence-gap-map-svg.png")) > 10_000, "the SVG's screenshot should have been written");
    }

    @Test
    void swaggerUiListsCaseStudiesInBradford() throws Exception {
        String output = node("swagger-ui.mjs", Map.of());

        assertTrue(output.contains("ok - the request is answered 200"), output);
        assertTrue(output.contains("ok - the response body lists case studies in Bradford"), output);
    }

    /** Runs a script of src/test/browser against the application under test; fails with its output unless it exits 0. */
    private static String node(String script, Map<String, String> environment) throws Exception {
        Map<String, String> withApi = new java.util.HashMap<>(environment);
        withApi.put("API_URL", RestAssured.baseURI + ":" + RestAssured.port);
        withApi.put("CHROMIUM", CHROMIUM.toString());
        return run(List.of("node", script), withApi, script.replace(".mjs", ".log"), SCRIPT_MINUTES);
    }

    private static String run(List<String> command, Map<String, String> environment, String logName, long minutes)
            throws IOException, InterruptedException {
        Path log = WORK.resolve(logName).toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command).directory(WORK.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        // Never let anything fetch a browser: the tests use Debian's.
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process process = builder.start();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        assertTrue(finished, String.join(" ", command) + " took more than " + minutes + " minutes:\n" + output);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }

    /** The major version of the node on the PATH, or 0 when there is none (npm comes with it). */
    private static int nodeMajorVersion() throws InterruptedException {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            return version.matches("v\\d+\\..*") ? Integer.parseInt(version.substring(1, version.indexOf('.'))) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
