package org.integrationevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/**
 * SIGTERM lets requests in flight finish: runs the packaged server (as {@link PackagedServer} does), sends it SIGTERM
 * while a bulk import is still being uploaded, and expects the import to be read to its last line and answered,
 * the search index to be committed and closed, and the next start to open the index as it was, without a rebuild.
 */
class GracefulShutdownIT {

    /** Lines of the upload, sent one every {@link #LINE_PAUSE_MILLIS}: a few seconds, well within the 30 s allowed. */
    private static final int LINES = 40;
    private static final long LINE_PAUSE_MILLIS = 150;

    @Test
    void anUploadInFlightAtSigtermIsAnsweredAndTheIndexClosesCleanly() throws Exception {
        Path workDir = Files.createTempDirectory("evidence-shutdown");
        int port = PackagedServer.freePort();
        Process server = PackagedServer.start(workDir, port, "graceful_shutdown");
        String adminKey = Files.readString(workDir.resolve("data").resolve("initial-admin-key")).strip();

        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports?dryRun=true"))
                .header("Authorization", "Bearer " + adminKey)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(SlowUpload::new))
                .build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                .sendAsync(upload, HttpResponse.BodyHandlers.ofString());
        Thread.sleep(LINES * LINE_PAUSE_MILLIS / 4); // a quarter of the file is sent
        assertFalse(answer.isDone(), "the upload should still be in flight");
        server.destroy(); // SIGTERM

        HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode report = new ObjectMapper().readTree(response.body());
        assertEquals(LINES, report.get("rows").asInt(), "every line sent after SIGTERM was read too");
        assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server should exit once the request is answered");
        String firstLog = serverLogs(workDir);
        assertTrue(firstLog.contains("Committed and closed the search index"), "no clean close in the log:\n" + firstLog);

        Process restarted = PackagedServer.start(workDir, port, "graceful_shutdown");
        try {
            String log = serverLogs(workDir).substring(firstLog.length());
            assertTrue(log.contains("Opened the search index"), "the index should open as committed:\n" + log);
            assertFalse(log.contains("Rebuilding the search index"), "the index should not be rebuilt:\n" + log);
        } finally {
            restarted.destroy();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The logs of every start in the working directory, oldest first (PackagedServer names them by start time). */
    private static String serverLogs(Path workDir) throws IOException {
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.list(workDir)) {
            for (Path log : files.filter(file -> file.getFileName().toString().startsWith("server-")).sorted().toList()) {
                logs.append(Files.readString(log));
            }
        }
        return logs.toString();
    }

    /** An NDJSON import of {@link #LINES} valid case studies, one line at a time with a pause before each. */
    private static final class SlowUpload extends InputStream {

        private static final byte[] LINE = ("{\"title\": \"Shutdown test case study\", \"summary\": \"Sent while the server "
                + "stops.\", \"body\": \"A body.\", \"place\": {\"name\": \"Example Town\", \"countryCode\": \"GB\", "
                + "\"scale\": \"city\"}, \"approaches\": [\"language-learning\"], \"themes\": [\"language\"], \"evidence\": "
                + "{\"level\": 1, \"rationale\": \"Test data.\"}, \"sources\": [{\"title\": \"A test source\", "
                + "\"contribution\": \"Everything.\"}], \"status\": \"draft\"}\n").getBytes(StandardCharsets.UTF_8);

        private int line;
        private int position = LINE.length;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position == LINE.length) {
                if (line == LINES) {
                    return -1;
                }
                try {
                    Thread.sleep(LINE_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                line++;
                position = 0;
            }
            int count = Math.min(length, LINE.length - position);
            System.arraycopy(LINE, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
