import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The writers and the checker of scripts/crash-test, which starts, kills (kill -9) and restarts the server around
 * them. Files, in the directory given with --dir (one per database):
 * <ul>
 * <li>ledger.jsonl: every ACKNOWLEDGED write (a 2xx answer), one JSON object a line, each forced to the disk (fsync)
 * before the writer sends its next request: the slug and the version, summary and body it was answered with;</li>
 * <li>doubt-N.jsonl: the writes of cycle N whose answer never came (the server died with the request in flight):
 * they may or may not have been committed, and are reported apart, never as losses;</li>
 * <li>state.json: what the last check found on the server, each case study's version and fields, which the next
 * writers continue from and the next check expects (unless acknowledged writes superseded it since);</li>
 * <li>totals.json: the counts of every check so far.</li>
 * </ul>
 * Every case study it writes is published, titled "Crash test RUN TOKEN" with the run's token and one of its own,
 * so that a search for the run's token lists them all, and one for its token finds it alone. Each writer thread
 * writes only its own case studies (the slug names the writer), so that per case study the writes are sequential
 * and the latest acknowledged one is the state to find, or the one in flight at the kill.
 * Needs Jackson on the class path (the service's own jars).
 */
public class CrashTestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Context context = new Context(URI.create(options.get("base")), options.get("key"), Path.of(options.get("dir")),
                options.get("run"), Integer.parseInt(options.get("cycle")));
        switch (args[0]) {
            case "write" -> System.exit(new Writers(context).run(Integer.parseInt(options.getOrDefault("writers", "4")),
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")))));
            case "check" -> System.exit(new Check(context).run(
                    Duration.ofSeconds(Long.parseLong(options.getOrDefault("index-wait", "30")))));
            default -> throw new IllegalArgumentException("write or check, not " + args[0]);
        }
    }

    record Context(URI base, String key, Path dir, String run, int cycle) {

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + key).header("Accept", "application/json");
        }

        Path ledger() {
            return dir.resolve("ledger.jsonl");
        }

        Path doubts(int ofCycle) {
            return dir.resolve("doubt-" + ofCycle + ".jsonl");
        }

        Path state() {
            return dir.resolve("state.json");
        }

        Path totals() {
            return dir.resolve("totals.json");
        }
    }

    /** A case study as written and as read back: what the checks compare. */
    record Written(String slug, long version, String title, String summary, String body, int writer) {

        static Written of(JsonNode node) {
            return new Written(node.path("slug").asText(), node.path("version").asLong(-1), node.path("title").asText(),
                    node.path("summary").asText(), node.path("body").asText(), node.path("writer").asInt(-1));
        }

        boolean sameAs(Written other) {
            return other != null && version == other.version && title.equals(other.title)
                    && summary.equals(other.summary) && body.equals(other.body);
        }

        ObjectNode toJson() {
            ObjectNode node = JSON.createObjectNode();
            node.put("slug", slug).put("version", version).put("title", title).put("summary", summary).put("body", body)
                    .put("writer", writer);
            return node;
        }

        /** The case study's own search token: the last word of its title. */
        String token() {
            return title.substring(title.lastIndexOf(' ') + 1);
        }

        @Override
        public String toString() {
            return "version " + version + ", summary \"" + summary + "\"";
        }
    }

    static Map<String, Written> readState(Context context) throws IOException {
        Map<String, Written> state = new TreeMap<>();
        if (Files.exists(context.state())) {
            for (JsonNode node : JSON.readTree(context.state().toFile()).path("caseStudies")) {
                Written written = Written.of(node);
                state.put(written.slug(), written);
            }
        }
        return state;
    }

    static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        return lines;
    }

    /** Writes a file whole or not at all: a temporary file, forced to the disk, then renamed over the old one. */
    static void writeAtomically(Path file, Object content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(content)));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Appends JSON lines, each forced to the disk before append returns. */
    static final class SyncedLog implements AutoCloseable {
        private final FileChannel channel;

        SyncedLog(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }

        synchronized void append(JsonNode record) throws IOException {
            channel.write(ByteBuffer.wrap((JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    // ---------------------------------------------------------------- writers

    /** Writer threads that write until the server dies under them. */
    static final class Writers {
        private final Context context;
        private final Map<String, Written> state;
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger inDoubt = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
        private final AtomicBoolean started = new AtomicBoolean();

        Writers(Context context) throws IOException {
            this.context = context;
            this.state = readState(context);
        }

        int run(int writers, Duration atMost) throws Exception {
            Instant deadline = Instant.now().plus(atMost);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try (SyncedLog ledger = new SyncedLog(context.ledger()); SyncedLog doubts = new SyncedLog(context.doubts(context.cycle()))) {
                List<Future<?>> futures = new ArrayList<>();
                for (int writer = 0; writer < writers; writer++) {
                    int number = writer;
                    futures.add(pool.submit(() -> {
                        write(number, ledger, doubts, deadline);
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
            }
            System.out.printf("  writers: %d acknowledged (%s), %d in flight at the kill, %d refused%n", acknowledged.get(),
                    new TreeMap<>(byOperation), inDoubt.get(), refused.get());
            return refused.get() == 0 ? 0 : 3;
        }

        private void write(int writer, SyncedLog ledger, SyncedLog doubts, Instant deadline) throws IOException {
            Random random = new Random();
            List<Written> mine = new ArrayList<>();
            for (Written written : state.values()) {
                if (written.writer() == writer) {
                    mine.add(written);
                }
            }
            int n = 0;
            while (Instant.now().isBefore(deadline)) {
                n++;
                String id = context.cycle() + "." + writer + "." + n;
                String summary = "Crash test write " + id + ".";
                String body = "Written by crash test writer " + writer + ", write " + id + ", at " + Instant.now() + ".";
                String operation;
                Written intended;
                HttpRequest request;
                int index = -1;
                if (mine.size() < 3 || random.nextInt(10) < 3) {
                    operation = "POST";
                    String slug = "crash-" + context.run() + "-" + context.cycle() + "-" + writer + "-" + n;
                    String title = "Crash test " + context.run() + " " + letters(random, 12);
                    intended = new Written(slug, 0, title, summary, body, writer);
                    ObjectNode document = document(intended);
                    document.put("slug", slug);
                    request = context.request("/api/v1/case-studies").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(document.toString())).build();
                } else {
                    index = random.nextInt(mine.size());
                    Written current = mine.get(index);
                    intended = new Written(current.slug(), current.version() + 1, current.title(), summary, body, writer);
                    HttpRequest.Builder builder = context.request("/api/v1/case-studies/" + current.slug())
                            .header("If-Match", "\"" + current.version() + "\"");
                    if (random.nextBoolean()) {
                        operation = "PATCH";
                        ObjectNode patch = JSON.createObjectNode().put("summary", summary).put("body", body);
                        request = builder.header("Content-Type", "application/merge-patch+json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch.toString())).build();
                    } else {
                        operation = "PUT";
                        request = builder.header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(document(intended).toString())).build();
                    }
                }
                if (started.compareAndSet(false, true)) {
                    // Tells scripts/crash-test that writing has begun: its random moment to kill counts from here.
                    Files.writeString(context.dir().resolve("writing-" + context.cycle()), Instant.now() + "\n");
                }
                HttpResponse<String> response;
                try {
                    response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException e) {
                    return; // the server is down and the request was never sent: nothing to record
                } catch (IOException e) {
                    // Sent, and no answer: committed or not, nobody was told it is.
                    ObjectNode record = intended.toJson();
                    record.put("cycle", context.cycle()).put("operation", operation).put("error", String.valueOf(e));
                    doubts.append(record);
                    inDoubt.incrementAndGet();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (response.statusCode() / 100 != 2) {
                    refused.incrementAndGet();
                    System.err.printf("  writer %d: %s %s answered %d: %s%n", writer, operation, intended.slug(),
                            response.statusCode(), response.body());
                    return;
                }
                Written answered = Written.of(JSON.readTree(response.body()));
                answered = new Written(answered.slug(), answered.version(), answered.title(), answered.summary(),
                        answered.body(), writer);
                if (!answered.sameAs(intended)) {
                    refused.incrementAndGet();
                    System.err.printf("  writer %d: %s %s answered %s, not what was sent (%s)%n", writer, operation,
                            intended.slug(), answered, intended);
                    return;
                }
                ObjectNode record = answered.toJson();
                record.put("cycle", context.cycle()).put("operation", operation).put("answeredAt", Instant.now().toString());
                ledger.append(record);
                acknowledged.incrementAndGet();
                byOperation.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
                if (index < 0) {
                    mine.add(answered);
                } else {
                    mine.set(index, answered);
                }
            }
        }

        private static ObjectNode document(Written written) {
            ObjectNode document = JSON.createObjectNode();
            document.put("title", written.title()).put("status", "published").put("summary", written.summary())
                    .put("body", written.body());
            document.putObject("place").put("name", "Göttingen").put("countryCode", "DE").put("scale", "city");
            document.putArray("approaches").add("council-integration-strategies");
            document.putArray("themes").add("civic-participation");
            document.putObject("evidence").put("level", 2).put("rationale", "Written by scripts/crash-test.");
            document.putArray("sources").addObject().put("title", "scripts/crash-test").put("contribution", "Everything.");
            return document;
        }

        private static String letters(Random random, int length) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < length; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            return word.toString();
        }
    }

    // ---------------------------------------------------------------- checks

    /**
     * After a restart: every acknowledged write is there as it was answered (or superseded by a later one, or by the
     * write in flight at the kill), the search index lists exactly the case studies the database has, each as it is
     * now, finds each written since the last check by its own token, and the instance is ready.
     */
    static final class Check {
        private final Context context;
        private final List<String> problems = new ArrayList<>();

        Check(Context context) {
            this.context = context;
        }

        int run(Duration indexWait) throws Exception {
            // What the last check found, superseded by the writes acknowledged since (the ledger's later lines).
            Map<String, Written> expected = readState(context);
            List<JsonNode> ledger = readLines(context.ledger());
            int checkedLines = Files.exists(context.state())
                    ? JSON.readTree(context.state().toFile()).path("ledgerLines").asInt() : 0;
            Map<String, List<Written>> acknowledgedSince = new HashMap<>();
            for (JsonNode line : ledger.subList(checkedLines, ledger.size())) {
                Written acknowledged = Written.of(line);
                acknowledgedSince.computeIfAbsent(acknowledged.slug(), slug -> new ArrayList<>()).add(acknowledged);
                Written known = expected.get(acknowledged.slug());
                if (known == null || acknowledged.version() > known.version()) {
                    expected.put(acknowledged.slug(), acknowledged);
                }
            }
            Map<String, Written> doubts = new TreeMap<>();
            for (JsonNode line : readLines(context.doubts(context.cycle()))) {
                Written doubt = Written.of(line);
                doubts.put(doubt.slug(), doubt);
            }
            Map<String, Written> before = readState(context);

            // The database, through the API, as an admin, eight requests at a time.
            List<String> slugs = new ArrayList<>(expected.keySet());
            doubts.keySet().stream().filter(slug -> !expected.containsKey(slug)).forEach(slugs::add);
            Map<String, Written> found = new ConcurrentHashMap<>();
            Map<String, Integer> statuses = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> reads = new ArrayList<>();
                for (String slug : slugs) {
                    reads.add(pool.submit(() -> {
                        HttpResponse<String> response = HTTP.send(context.request("/api/v1/case-studies/" + slug).GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        statuses.put(slug, response.statusCode());
                        if (response.statusCode() == 200) {
                            found.put(slug, Written.of(JSON.readTree(response.body())));
                        }
                        return null;
                    }));
                }
                for (Future<?> read : reads) {
                    read.get();
                }
            } finally {
                pool.shutdownNow();
            }
            int lost = 0;
            int doubtsPresent = 0;
            int doubtsAbsent = 0;
            Map<String, Written> now = new TreeMap<>();
            for (String slug : slugs) {
                Written want = expected.get(slug);
                Written doubt = doubts.get(slug);
                Written got = found.get(slug);
                int status = statuses.get(slug);
                if (got != null) {
                    got = new Written(got.slug(), got.version(), got.title(), got.summary(), got.body(),
                            want != null ? want.writer() : doubt.writer());
                    now.put(slug, got);
                } else if (status != 404) {
                    problems.add(slug + " answered " + status);
                    continue;
                }
                if (doubt != null && doubt.sameAs(got)) {
                    doubtsPresent++;
                } else if (want != null && want.sameAs(got)) {
                    if (doubt != null) {
                        doubtsAbsent++;
                    }
                } else if (want == null && got == null) {
                    doubtsAbsent++; // a create in flight at the kill that was not committed
                } else {
                    // Each acknowledged write the server does not have counts, once: those newer than what it has.
                    Written has = got;
                    long missing = acknowledgedSince.getOrDefault(slug, List.of()).stream()
                            .filter(written -> has == null || written.version() > has.version()).count();
                    lost += (int) Math.max(1, missing);
                    problems.add("LOST: " + slug + " was acknowledged at " + want + (doubt == null ? "" : " (or in flight: "
                            + doubt + ")") + ", the server has " + (got == null ? "no such case study (" + status + ")" : got));
                }
            }

            // The search index: lists exactly these, each as it is now, once it has caught up.
            Map<String, String> listed = Map.of();
            Map<String, String> want = new TreeMap<>();
            now.values().forEach(written -> want.put(written.slug(), written.summary()));
            Instant deadline = Instant.now().plus(indexWait);
            long waitedMillis = 0;
            Instant started = Instant.now();
            while (true) {
                listed = listRun();
                if (listed.equals(want) || Instant.now().isAfter(deadline)) {
                    break;
                }
                Thread.sleep(250);
            }
            waitedMillis = Duration.between(started, Instant.now()).toMillis();
            boolean indexAgrees = listed.equals(want);
            if (!indexAgrees) {
                problems.add("INDEX: after " + indexWait.toSeconds() + " s a search lists " + describeDifference(want, listed));
            }
            // And finds each case study written since the last check by its own token, alone.
            int searched = 0;
            for (Written written : now.values()) {
                if (written.sameAs(before.get(written.slug()))) {
                    continue;
                }
                searched++;
                JsonNode page = JSON.readTree(get("/api/v1/case-studies?limit=5&q=" + written.token()));
                List<String> hits = new ArrayList<>();
                page.path("items").forEach(item -> hits.add(item.path("slug").asText()));
                if (!hits.equals(List.of(written.slug()))) {
                    indexAgrees = false;
                    problems.add("INDEX: a search for " + written.token() + " finds " + hits + ", not " + written.slug());
                }
            }
            HttpResponse<String> ready = HTTP.send(context.request("/q/health/ready").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            boolean isReady = ready.statusCode() == 200 && "UP".equals(JSON.readTree(ready.body()).path("status").asText());
            if (!isReady) {
                problems.add("NOT READY: /q/health/ready answered " + ready.statusCode() + ": " + ready.body());
            }

            // Totals, and the state the next writers and check start from.
            ObjectNode totals = Files.exists(context.totals()) ? (ObjectNode) JSON.readTree(context.totals().toFile())
                    : JSON.createObjectNode();
            totals.put("checks", totals.path("checks").asInt() + 1);
            totals.put("acknowledged", ledger.size());
            totals.put("lost", totals.path("lost").asInt() + lost);
            totals.put("doubtsPresent", totals.path("doubtsPresent").asInt() + doubtsPresent);
            totals.put("doubtsAbsent", totals.path("doubtsAbsent").asInt() + doubtsAbsent);
            totals.put("indexFailures", totals.path("indexFailures").asInt() + (indexAgrees && isReady ? 0 : 1));
            totals.put("otherFailures", totals.path("otherFailures").asInt() + (int) problems.stream()
                    .filter(problem -> !problem.startsWith("LOST") && !problem.startsWith("INDEX")
                            && !problem.startsWith("NOT READY")).count());
            totals.put("caseStudies", now.size());
            totals.put("longestIndexWaitMillis", Math.max(totals.path("longestIndexWaitMillis").asLong(), waitedMillis));
            writeAtomically(context.totals(), totals);
            ObjectNode state = JSON.createObjectNode();
            state.put("ledgerLines", ledger.size());
            now.values().forEach(written -> state.withArray("caseStudies").add(written.toJson()));
            writeAtomically(context.state(), state);

            System.out.printf("  check: %d case studies, %d acknowledged writes so far, %d lost; in flight at the kill: %d "
                            + "present, %d absent; index %s (listed all in %d ms, %d searched by their own token)%s%n",
                    now.size(), ledger.size(), lost, doubtsPresent, doubtsAbsent, indexAgrees ? "agrees" : "DISAGREES",
                    waitedMillis, searched, isReady ? ", ready" : ", NOT READY");
            problems.stream().limit(20).forEach(problem -> System.out.println("  " + problem));
            if (problems.size() > 20) {
                System.out.println("  ... and " + (problems.size() - 20) + " more problems");
            }
            return problems.isEmpty() ? 0 : 1;
        }

        /** Every case study a search for the run's token lists, slug to summary, page after page. */
        private Map<String, String> listRun() throws Exception {
            Map<String, String> listed = new TreeMap<>();
            String cursor = null;
            do {
                JsonNode page = JSON.readTree(get("/api/v1/case-studies?limit=100&q=" + context.run()
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))));
                page.path("items").forEach(item -> listed.put(item.path("slug").asText(), item.path("summary").asText()));
                cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
            } while (cursor != null);
            return listed;
        }

        private String get(String path) throws Exception {
            HttpResponse<String> response = HTTP.send(context.request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }

        private static String describeDifference(Map<String, String> want, Map<String, String> listed) {
            List<String> missing = new ArrayList<>();
            List<String> stale = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            want.forEach((slug, summary) -> {
                if (!listed.containsKey(slug)) {
                    missing.add(slug);
                } else if (!listed.get(slug).equals(summary)) {
                    stale.add(slug + " (\"" + listed.get(slug) + "\", not \"" + summary + "\")");
                }
            });
            listed.keySet().stream().filter(slug -> !want.containsKey(slug)).forEach(extra::add);
            Map<String, Object> difference = new LinkedHashMap<>();
            difference.put("missing", missing.subList(0, Math.min(5, missing.size())) + " (" + missing.size() + ")");
            difference.put("stale", stale.subList(0, Math.min(5, stale.size())) + " (" + stale.size() + ")");
            difference.put("not in the database", extra.subList(0, Math.min(5, extra.size())) + " (" + extra.size() + ")");
            return listed.size() + " case studies, the database has " + want.size() + ": " + difference;
        }
    }
}
