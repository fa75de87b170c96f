import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The writer of scripts/bench-webhooks: POSTs {@code count} new published case studies, one every
 * {@code seconds / count}, on a fixed schedule (open loop: a slow answer never delays the next write), each from the
 * template with its {@code @SLUG@} replaced. Writes one line per write to {@code out}, tab-separated: slug, the time
 * it was sent and the time its answer came (Unix ms), and the status. Exits 1 if any write was not answered 201.
 * <pre>
 *   java WebhookLoad.java BASE_URL KEY_FILE TEMPLATE PREFIX COUNT SECONDS OUT
 * </pre>
 * No dependency beyond the JDK, so that it runs with the source launcher.
 */
public class WebhookLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String key = Files.readString(Path.of(args[1])).strip();
        String template = Files.readString(Path.of(args[2]));
        String prefix = args[3];
        int count = Integer.parseInt(args[4]);
        double seconds = Double.parseDouble(args[5]);
        Path out = Path.of(args[6]);
        if (!template.contains("@SLUG@")) {
            throw new IllegalArgumentException("no @SLUG@ in " + args[2]);
        }
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = Math.round(seconds * 1e9 / count);
        List<CompletableFuture<String>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String slug = prefix + "-" + i;
            CompletableFuture<String> line = new CompletableFuture<>();
            writes.add(line);
            clock.schedule(() -> {
                long sent = System.currentTimeMillis();
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/case-studies"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(template.replace("@SLUG@", slug), StandardCharsets.UTF_8))
                        .build();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    long answered = System.currentTimeMillis();
                    line.complete(slug + "\t" + sent + "\t" + answered + "\t" + (failure == null ? response.statusCode() : 0));
                });
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        int failed = 0;
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (CompletableFuture<String> write : writes) {
                String line = write.get(10, TimeUnit.MINUTES);
                writer.println(line);
                if (!line.endsWith("\t201")) {
                    failed++;
                }
            }
        }
        clock.shutdown();
        if (failed > 0) {
            System.err.println("WebhookLoad: " + failed + " of " + count + " writes were not answered 201; see " + out);
            System.exit(1);
        }
        System.exit(0);
    }

    private WebhookLoad() {
    }
}
