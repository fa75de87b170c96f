package org.integrationevidence.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.integrationevidence.NodeScripts;

/**
 * The independent webhook receiver of the tests, {@code src/test/webhooks/receiver.mjs}, run by Node from
 * {@link NodeScripts#WORK}, where {@link NodeScripts#install()} put the pinned {@code standardwebhooks} library that
 * verifies every delivery. Starts it, configures its paths (secrets and behaviour), and reads the log of what it
 * received. Without Node 20 the calling test is skipped, saying why (see {@link NodeScripts}).
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Path SCRIPT = Path.of("src/test/webhooks/receiver.mjs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<Integer> ports;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookReceiver(Process process, List<Integer> ports, Path log) {
        this.process = process;
        this.ports = ports;
        this.log = log;
    }

    /** Starts a receiver on a free port of 127.0.0.1 that logs to {@code log} (made empty first). */
    public static WebhookReceiver start(Path log) throws IOException, InterruptedException {
        return start(log, 1);
    }

    /**
     * The same, listening on {@code ports} free ports that all serve the same paths: the service limits its connections
     * per host and port, so that subscriptions spread over them are sent to as if to several receivers.
     */
    public static WebhookReceiver start(Path log, int ports) throws IOException, InterruptedException {
        NodeScripts.install();
        Path script = NodeScripts.WORK.resolve("webhook-receiver.mjs");
        Files.copy(SCRIPT, script, StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.deleteIfExists(log);
        Files.createFile(log);
        Path output = log.resolveSibling(log.getFileName() + ".out");
        Process process = new ProcessBuilder("node", script.getFileName().toString(), "--log", log.toAbsolutePath().toString(),
                "--port", "0", "--ports", Integer.toString(ports)).directory(NodeScripts.WORK.toFile()).redirectError(output.toFile()).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = stdout.readLine();
        if (first == null || !first.startsWith("{\"port\":")) {
            process.destroyForcibly();
            throw new AssertionError("the webhook receiver did not start: " + first + "; see " + output);
        }
        // Keep reading what it prints (answers to commands on stdin), so that it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (stdout.readLine() != null) {
                    // nothing to do with it
                }
            } catch (IOException closed) {
                // the receiver stopped
            }
        }, "webhook-receiver-stdout");
        drain.setDaemon(true);
        drain.start();
        List<Integer> listening = new ArrayList<>();
        JSON.readTree(first).path("ports").forEach(port -> listening.add(port.asInt()));
        return new WebhookReceiver(process, List.copyOf(listening), log);
    }

    /** The address to register for {@code path}. */
    public String url(String path) {
        return url(path, 0);
    }

    /** The address to register for {@code path} on the {@code n}-th port (modulo their number). */
    public String url(String path, int n) {
        return "http://127.0.0.1:" + ports.get(n % ports.size()) + path;
    }

    /** Sends the body of a delivery logged with keepRaw, changed or not, with its headers; returns the answer's status. */
    public int replay(Delivery delivery, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(delivery.path())))
                .header("content-type", "application/json").header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", Long.toString(delivery.webhookTimestamp()))
                .header("webhook-signature", delivery.signatureHeader())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Serves {@code path} (again): the secrets by label (a delivery is accepted when any verifies it, and the log says
     * which did) and the behaviour, {@code ok}, {@code slow:<ms>}, {@code fail503:<seconds>} or {@code gone}.
     */
    public void configure(String path, Map<String, String> secrets, String behaviour) throws IOException, InterruptedException {
        configure(path, secrets, behaviour, false);
    }

    /** The same; with {@code keepRaw} the log keeps each delivery's body and signature header, for {@link #replay}. */
    public void configure(String path, Map<String, String> secrets, String behaviour, boolean keepRaw)
            throws IOException, InterruptedException {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("secrets", secrets);
        config.put("behaviour", behaviour);
        config.put("keepRaw", keepRaw);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(0)
                + "/_control/paths" + URLEncoder.encode(path, StandardCharsets.UTF_8).replace("%2F", "/")))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(config))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, response.statusCode(), "the receiver refused the configuration of " + path + ": " + response.body());
    }

    /** Every delivery logged so far, to every path, in the order they arrived. */
    public List<Delivery> deliveries() {
        List<Delivery> deliveries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                // The last line may be half written.
                if (line.endsWith("}")) {
                    deliveries.add(Delivery.of(JSON.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deliveries;
    }

    /** The deliveries to {@code path} that were verified and answered 2xx, in the order they arrived. */
    public List<Delivery> accepted(String path) {
        return deliveries().stream().filter(d -> d.path().equals(path) && d.accepted()).toList();
    }

    /** The deliveries to {@code path} that the library refused to verify. */
    public List<Delivery> rejected(String path) {
        return deliveries().stream().filter(d -> d.path().equals(path) && !d.verified()).toList();
    }

    /** The accepted deliveries to {@code path}, the first of each webhook-id only, in the order they arrived. */
    public List<Delivery> acceptedOnce(String path) {
        Set<String> seen = new LinkedHashSet<>();
        return accepted(path).stream().filter(d -> seen.add(d.webhookId())).toList();
    }

    /** Waits until an accepted delivery to {@code path} matches, and returns the first that does. */
    public Delivery await(String path, Predicate<Delivery> wanted, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            for (Delivery delivery : accepted(path)) {
                if (wanted.test(delivery)) {
                    return delivery;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no matching delivery to " + path + " within " + within + "; received: "
                        + deliveries().stream().filter(d -> d.path().equals(path)).toList());
            }
            Thread.sleep(50);
        }
    }

    /**
     * Checks that the accepted deliveries to {@code path} that carry a position came in the order of their positions,
     * each webhook-id counted at its first arrival (a repeat is at-least-once delivery, not disorder), and that no
     * position came under two webhook-ids. Returns the positions in that order.
     */
    public List<Long> assertInPositionOrder(String path) {
        Map<Long, List<String>> idsOfPosition = new LinkedHashMap<>();
        for (Delivery delivery : acceptedOnce(path)) {
            if (delivery.position() != null) {
                idsOfPosition.computeIfAbsent(delivery.position(), p -> new ArrayList<>()).add(delivery.webhookId());
            }
        }
        List<String> twice = idsOfPosition.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue()).toList();
        assertTrue(twice.isEmpty(), path + ": " + twice.size() + " positions came as several messages (different "
                + "webhook-ids), e.g. " + twice.subList(0, Math.min(5, twice.size())));
        List<Long> positions = new ArrayList<>();
        for (Delivery delivery : acceptedOnce(path)) {
            if (delivery.position() == null) {
                continue;
            }
            if (!positions.isEmpty()) {
                long last = positions.get(positions.size() - 1);
                assertTrue(delivery.position() > last, path + ": position " + delivery.position() + " (" + delivery.webhookId()
                        + ") came after position " + last);
            }
            positions.add(delivery.position());
        }
        return positions;
    }

    /** Stops the receiver (SIGTERM, then SIGKILL). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** One line of the receiver's log. */
    public record Delivery(String path, String webhookId, long webhookTimestamp, String type, Long position, String slug,
            String kind, Long version, String changedAt, String eventTimestamp, boolean hasCaseStudy, long receivedAt,
            int status, boolean verified, List<String> verifiedBy, int signatures, String error, String body,
            String signatureHeader) {

        static Delivery of(JsonNode line) {
            List<String> verifiedBy = new ArrayList<>();
            line.path("verifiedBy").forEach(label -> verifiedBy.add(label.asText()));
            return new Delivery(line.path("path").asText(), text(line, "webhookId"), line.path("webhookTimestamp").asLong(),
                    text(line, "type"), number(line, "position"), text(line, "slug"), text(line, "kind"),
                    number(line, "version"), text(line, "changedAt"), text(line, "eventTimestamp"),
                    line.path("hasCaseStudy").asBoolean(), line.path("receivedAt").asLong(), line.path("status").asInt(),
                    line.path("verified").asBoolean(), List.copyOf(verifiedBy), line.path("signatures").asInt(),
                    text(line, "error"), text(line, "body"), text(line, "signatureHeader"));
        }

        /** Verified by the library and answered 2xx: delivered. */
        public boolean accepted() {
            return verified && status >= 200 && status < 300;
        }

        private static String text(JsonNode line, String field) {
            JsonNode value = line.path(field);
            return value.isNull() || value.isMissingNode() ? null : value.asText();
        }

        private static Long number(JsonNode line, String field) {
            JsonNode value = line.path(field);
            return value.isNumber() ? value.asLong() : null;
        }
    }
}
