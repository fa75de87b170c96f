package org.integrationevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.restassured.RestAssured;

/**
 * Runs the Node scripts of {@code src/test/browser} against the application under test: the browser tests and the
 * independent checkers of the formats the API serves (citations, GeoJSON). The packages pinned in its
 * {@code package.json} are installed once per run with {@code npm ci} into {@code target/browser-tests}. Without Node
 * 20 or newer the tests are skipped, saying why, unless {@code EVIDENCE_BROWSER_TESTS=required} ({@code .ci/run} sets
 * it), where they fail instead.
 */
public final class NodeScripts {

    public static final Path WORK = Path.of("target/browser-tests");
    private static final Path SOURCES = Path.of("src/test/browser");
    private static final boolean REQUIRED = "required".equals(System.getenv("EVIDENCE_BROWSER_TESTS"));
    private static final long INSTALL_MINUTES = 5;
    private static final long SCRIPT_MINUTES = 3;

    private static boolean installed;

    private NodeScripts() {
    }

    /** Skips the calling test unless Node and npm can run the scripts; installs their packages the first time. */
    public static synchronized void install() throws IOException, InterruptedException {
        skipUnless(nodeMajorVersion() >= 20, "Node tests skipped: they need Node.js 20 or newer and npm on the PATH");
        if (installed) {
            return;
        }
        Files.createDirectories(WORK);
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, WORK.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String output = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(), "npm-ci.log",
                INSTALL_MINUTES);
        assertTrue(Files.isDirectory(WORK.resolve("node_modules")), "npm ci installed nothing:\n" + output);
        installed = true;
    }

    /**
     * Skips the test with the reason, also printed to the build's output, where a skip count alone says little; fails it
     * instead where the Node tests must run ({@code EVIDENCE_BROWSER_TESTS=required}, as {@code .ci/run} sets).
     */
    public static void skipUnless(boolean condition, String reason) {
        if (REQUIRED) {
            assertTrue(condition, reason.replace("skipped", "cannot run"));
        }
        if (!condition) {
            System.out.println("[WARNING] " + reason);
        }
        assumeTrue(condition, reason);
    }

    /**
     * Runs a script of src/test/browser against the application under test, whose address it finds in {@code API_URL};
     * fails with its output unless it exits 0, and returns the output.
     */
    public static String node(String script, Map<String, String> environment) throws IOException, InterruptedException {
        Map<String, String> withApi = new HashMap<>(environment);
        withApi.put("API_URL", RestAssured.baseURI + ":" + RestAssured.port);
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
