// Helper for scripts/bench-search, run as a single-file program (`java BenchTool.java <command> ...`) so that the
// benchmark needs nothing but the JDK. Commands:
//
//   generate <count> <seed> <approaches.json> <api.ndjson> <pg.csv>
//       Writes a synthetic corpus of case studies, with findings: one CaseStudyInput JSON document per line for the
//       API, and the same case studies as CSV rows for PostgreSQL's COPY (the findings' statements as its outcomes
//       text). Case study i depends only on (seed, i), so the same seed gives the same corpus, and a smaller corpus is
//       a prefix of a larger one.
//   load <base-url> <api.ndjson> <connections> [<max-seconds>]
//       POSTs the lines in order to /api/v1/case-studies over <connections> concurrent connections, and prints one
//       line of key=value results (created, failed, seconds, per_second, p50_ms, p99_ms). With max-seconds, no new
//       line is sent after that time: created + failed is then the number of leading lines that were sent.
//   cursor <url> <page>
//       Follows the `next` cursor of a listing from page 1 to page <page> (or its last page, if it has fewer), and
//       prints that page's number and the cursor that fetches it.
//   pgbench-latency <log-file>...
//       Reads pgbench per-transaction logs (-l) and prints "count p50_ms p99_ms".
//
// Only java.base and java.net.http are used: no JSON library is on the class path of a single-file program, so the
// small JSON reader and writer below are enough for the seed taxonomy, the generated documents and cursors.

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BenchTool {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "generate" -> {
                need(args, 6);
                Corpus.generate(Integer.parseInt(args[1]), Long.parseLong(args[2]), Path.of(args[3]), Path.of(args[4]),
                        Path.of(args[5]));
            }
            case "load" -> {
                need(args, 4);
                Loader.load(args[1], Path.of(args[2]), Integer.parseInt(args[3]),
                        args.length > 4 ? Double.parseDouble(args[4]) : 0);
            }
            case "cursor" -> {
                need(args, 3);
                System.out.println(cursorFor(args[1], Integer.parseInt(args[2])));
            }
            case "pgbench-latency" -> {
                need(args, 2);
                pgbenchLatency(Arrays.copyOfRange(args, 1, args.length));
            }
            default -> usage();
        }
    }

    private static void need(String[] args, int count) {
        if (args.length < count) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: java BenchTool.java generate <count> <seed> <approaches.json> <api.ndjson> <pg.csv>\n"
                + "       java BenchTool.java load <base-url> <api.ndjson> <connections> [<max-seconds>]\n"
                + "       java BenchTool.java cursor <url> <page>\n"
                + "       java BenchTool.java pgbench-latency <log-file>...");
        System.exit(2);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Deep page: walk a listing with its opaque cursor, as a client paging through results would.

    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*\"([^\"]+)\"");

    /** Prints "<page> <cursor>": the cursor of page {@code page}, or of the last page when the listing is shorter. */
    static String cursorFor(String url, int page) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String cursor = null;
        int reached = 1;
        for (int i = 1; i < page; i++) {
            String pageUrl = cursor == null ? url : url + (url.contains("?") ? "&" : "?") + "cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(pageUrl)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + pageUrl + " answered " + response.statusCode() + ": " + response.body());
            }
            Matcher next = NEXT.matcher(response.body());
            if (!next.find()) {
                break; // page i is the last one
            }
            cursor = next.group(1);
            reached = i + 1;
        }
        return reached + " " + (cursor == null ? "" : URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // pgbench per-transaction logs: "client_id transaction_no time_us script_no epoch_s epoch_us [lag]".

    static void pgbenchLatency(String[] files) throws IOException {
        List<Long> latencies = new ArrayList<>();
        for (String file : files) {
            try (BufferedReader reader = Files.newBufferedReader(Path.of(file))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length >= 3 && !parts[2].equals("skipped") && !parts[2].equals("failed")) {
                        latencies.add(Long.parseLong(parts[2]));
                    }
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d %.2f %.2f%n", sorted.length, percentile(sorted, 50) / 1000.0,
                percentile(sorted, 99) / 1000.0);
    }

    /** Nearest-rank percentile, as wrk and most tools report it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Loading through the public API.

    static final class Loader {

        /**
         * One worker thread per connection, each sending its next line as soon as the previous answer came. Uses
         * HttpURLConnection with keep-alive rather than java.net.http.HttpClient, whose per-request overhead took a
         * third of a core here: on a 2-core machine the loader competes with the service for CPU.
         */
        static void load(String baseUrl, Path file, int connections, double maxSeconds) throws Exception {
            System.setProperty("http.maxConnections", Integer.toString(Math.max(8, connections * 2)));
            java.net.URL target = URI.create(baseUrl + "/api/v1/case-studies").toURL();
            // Writing needs an editor's key; bench-search passes the admin key the service made at its first start.
            String apiKey = System.getenv("BENCH_API_KEY");
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("set BENCH_API_KEY to an editor or admin key of the service");
            }
            AtomicInteger created = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicLong lastReport = new AtomicLong(System.nanoTime());
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            List<long[]> latencyChunks = new ArrayList<>();
            long started = System.nanoTime();
            long deadline = maxSeconds > 0 ? started + (long) (maxSeconds * 1e9) : Long.MAX_VALUE;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                List<Thread> workers = new ArrayList<>();
                for (int w = 0; w < connections; w++) {
                    Thread worker = new Thread(() -> {
                        long[] mine = new long[1024];
                        int count = 0;
                        while (true) {
                            String line;
                            synchronized (reader) {
                                try {
                                    // Lines are taken in order under this lock, so what was sent is a prefix.
                                    line = System.nanoTime() > deadline ? null : reader.readLine();
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }
                            if (line == null) {
                                break;
                            }
                            long t0 = System.nanoTime();
                            int status;
                            String body;
                            try {
                                java.net.HttpURLConnection http = (java.net.HttpURLConnection) target.openConnection();
                                byte[] payload = line.getBytes(StandardCharsets.UTF_8);
                                http.setRequestMethod("POST");
                                http.setDoOutput(true);
                                http.setConnectTimeout(10_000);
                                http.setReadTimeout(120_000);
                                http.setFixedLengthStreamingMode(payload.length);
                                http.setRequestProperty("Content-Type", "application/json");
                                http.setRequestProperty("Authorization", "Bearer " + apiKey);
                                try (var out = http.getOutputStream()) {
                                    out.write(payload);
                                }
                                status = http.getResponseCode();
                                // Read the whole answer so that the connection goes back to the keep-alive cache.
                                var in = status < 400 ? http.getInputStream() : http.getErrorStream();
                                body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                                if (in != null) {
                                    in.close();
                                }
                            } catch (IOException e) {
                                status = -1;
                                body = e.toString();
                            }
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                            }
                            mine[count++] = System.nanoTime() - t0;
                            if (status == 201) {
                                created.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                if (errors.size() < 5) {
                                    errors.add(status + " " + body.substring(0, Math.min(400, body.length())));
                                }
                            }
                            long now = System.nanoTime();
                            long last = lastReport.get();
                            if (now - last > 30_000_000_000L && lastReport.compareAndSet(last, now)) {
                                double seconds = (now - started) / 1e9;
                                System.err.printf(Locale.ROOT, "    ... %d created, %d failed, %.0f s, %.0f/s%n",
                                        created.get(), failed.get(), seconds, (created.get() + failed.get()) / seconds);
                            }
                        }
                        synchronized (latencyChunks) {
                            latencyChunks.add(Arrays.copyOf(mine, count));
                        }
                    }, "loader-" + w);
                    worker.start();
                    workers.add(worker);
                }
                for (Thread worker : workers) {
                    worker.join();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] all = latencyChunks.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            errors.forEach(error -> System.err.println("    load error: " + error));
            System.out.printf(Locale.ROOT, "created=%d failed=%d seconds=%.1f per_second=%.1f p50_ms=%.2f p99_ms=%.2f%n",
                    created.get(), failed.get(), seconds, (created.get() + failed.get()) / seconds,
                    percentile(all, 50) / 1e6, percentile(all, 99) / 1e6);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The synthetic corpus.

    record City(String name, String country, String region, String council, String[] neighbourhoods) {
    }

    record Activity(String phrase, String[] approaches, String[] themes, String[] groups) {
    }

    static final class Corpus {

        static final Map<String, String> COUNTRIES = new LinkedHashMap<>();

        static {
            String[][] names = {{"GB", "United Kingdom"}, {"SE", "Sweden"}, {"DE", "Germany"}, {"IT", "Italy"},
                    {"FR", "France"}, {"BE", "Belgium"}, {"NL", "Netherlands"}, {"CH", "Switzerland"}, {"AT", "Austria"},
                    {"DK", "Denmark"}, {"NO", "Norway"}, {"FI", "Finland"}, {"ES", "Spain"}, {"PT", "Portugal"},
                    {"GR", "Greece"}, {"PL", "Poland"}, {"CZ", "Czechia"}, {"IE", "Ireland"}, {"IS", "Iceland"},
                    {"HU", "Hungary"}, {"SI", "Slovenia"}, {"SK", "Slovakia"}, {"EE", "Estonia"}, {"LT", "Lithuania"}};
            for (String[] pair : names) {
                COUNTRIES.put(pair[0], pair[1]);
            }
        }

        /** Cities with the share of case studies they get: the UK, Sweden, Germany and Italy dominate, as in the seed. */
        static final City[] CITIES = {
                city("Bradford", "GB", "Yorkshire and the Humber", "Bradford Council", "Manningham", "Little Horton"),
                city("Leeds", "GB", "Yorkshire and the Humber", "Leeds City Council", "Harehills", "Chapeltown"),
                city("Birmingham", "GB", "West Midlands", "Birmingham City Council", "Sparkbrook", "Handsworth"),
                city("Glasgow", "GB", "Scotland", "Glasgow City Council", "Govanhill", "Sighthill"),
                city("Cardiff", "GB", "Wales", "Cardiff Council", "Butetown", "Grangetown"),
                city("Leicester", "GB", "East Midlands", "Leicester City Council", "Belgrave", "Highfields"),
                city("Manchester", "GB", "North West England", "Manchester City Council", "Moss Side", "Cheetham Hill"),
                city("London", "GB", "London", "Greater London Authority", "Tower Hamlets", "Newham", "Brent"),
                city("Belfast", "GB", "Northern Ireland", "Belfast City Council", "Shankill"),
                city("Malmö", "SE", "Skåne", "Malmö stad", "Rosengård", "Seved", "Möllevången"),
                city("Göteborg", "SE", "Västra Götaland", "Göteborgs Stad", "Hammarkullen", "Angered", "Biskopsgården"),
                city("Stockholm", "SE", "Stockholm County", "Stockholms stad", "Rinkeby", "Tensta", "Husby"),
                city("Uppsala", "SE", "Uppsala County", "Uppsala kommun", "Gottsunda"),
                city("Örebro", "SE", "Örebro County", "Örebro kommun", "Vivalla"),
                city("Berlin", "DE", "Berlin", "Senat von Berlin", "Neukölln", "Moabit", "Marzahn"),
                city("München", "DE", "Bavaria", "Landeshauptstadt München", "Hasenbergl"),
                city("Köln", "DE", "North Rhine-Westphalia", "Stadt Köln", "Chorweiler", "Kalk"),
                city("Hamburg", "DE", "Hamburg", "Freie und Hansestadt Hamburg", "Wilhelmsburg", "Billstedt"),
                city("Leipzig", "DE", "Saxony", "Stadt Leipzig", "Grünau"),
                city("Düsseldorf", "DE", "North Rhine-Westphalia", "Stadt Düsseldorf", "Garath"),
                city("Turin", "IT", "Piedmont", "Città di Torino", "San Salvario", "Barriera di Milano", "Porta Palazzo"),
                city("Milano", "IT", "Lombardy", "Comune di Milano", "Via Padova", "Quarto Oggiaro"),
                city("Bologna", "IT", "Emilia-Romagna", "Comune di Bologna", "Bolognina"),
                city("Palermo", "IT", "Sicily", "Comune di Palermo", "Ballarò"),
                city("Napoli", "IT", "Campania", "Comune di Napoli", "Scampia"),
                city("Riace", "IT", "Calabria", "Comune di Riace"),
                city("Paris", "FR", "Île-de-France", "Ville de Paris", "La Goutte d'Or", "Belleville"),
                city("Lyon", "FR", "Auvergne-Rhône-Alpes", "Ville de Lyon", "La Guillotière"),
                city("Marseille", "FR", "Provence-Alpes-Côte d'Azur", "Ville de Marseille", "Noailles", "Quartiers Nord"),
                city("Strasbourg", "FR", "Grand Est", "Eurométropole de Strasbourg", "Neuhof"),
                city("Liège", "BE", "Wallonia", "Ville de Liège", "Outremeuse"),
                city("Bruxelles", "BE", "Brussels-Capital", "Région de Bruxelles-Capitale", "Molenbeek", "Schaerbeek"),
                city("Antwerpen", "BE", "Flanders", "Stad Antwerpen", "Borgerhout"),
                city("Gent", "BE", "Flanders", "Stad Gent", "Rabot"),
                city("Mechelen", "BE", "Flanders", "Stad Mechelen"),
                city("Amsterdam", "NL", "North Holland", "Gemeente Amsterdam", "Bijlmer", "Nieuw-West"),
                city("Rotterdam", "NL", "South Holland", "Gemeente Rotterdam", "Feijenoord", "Delfshaven"),
                city("Utrecht", "NL", "Utrecht", "Gemeente Utrecht", "Kanaleneiland"),
                city("Zürich", "CH", "Canton of Zürich", "Stadt Zürich", "Schwamendingen", "Altstetten"),
                city("Genève", "CH", "Canton of Geneva", "Ville de Genève", "Les Pâquis"),
                city("Basel", "CH", "Basel-Stadt", "Kanton Basel-Stadt", "Kleinhüningen"),
                city("Wien", "AT", "Vienna", "Stadt Wien", "Favoriten", "Ottakring"),
                city("Graz", "AT", "Styria", "Stadt Graz", "Gries"),
                city("København", "DK", "Capital Region", "Københavns Kommune", "Nørrebro", "Tingbjerg"),
                city("Aarhus", "DK", "Central Denmark", "Aarhus Kommune", "Gellerup"),
                city("Oslo", "NO", "Oslo", "Oslo kommune", "Grønland", "Stovner"),
                city("Bergen", "NO", "Vestland", "Bergen kommune", "Loddefjord"),
                city("Helsinki", "FI", "Uusimaa", "Helsingin kaupunki", "Itäkeskus"),
                city("Tampere", "FI", "Pirkanmaa", "Tampereen kaupunki", "Hervanta"),
                city("Madrid", "ES", "Community of Madrid", "Ayuntamiento de Madrid", "Lavapiés"),
                city("Barcelona", "ES", "Catalonia", "Ajuntament de Barcelona", "El Raval"),
                city("Málaga", "ES", "Andalusia", "Ayuntamiento de Málaga", "La Palmilla"),
                city("Lisboa", "PT", "Lisbon", "Câmara Municipal de Lisboa", "Mouraria"),
                city("Braga", "PT", "Norte", "Câmara Municipal de Braga"),
                city("Athína", "GR", "Attica", "Municipality of Athens", "Kypseli", "Exarchia"),
                city("Thessaloníki", "GR", "Central Macedonia", "Municipality of Thessaloniki"),
                city("Kraków", "PL", "Lesser Poland", "Miasto Kraków", "Nowa Huta"),
                city("Wrocław", "PL", "Lower Silesia", "Miasto Wrocław", "Nadodrze"),
                city("Gdańsk", "PL", "Pomerania", "Miasto Gdańsk"),
                city("Praha", "CZ", "Prague", "Hlavní město Praha", "Žižkov"),
                city("Dublin", "IE", "Leinster", "Dublin City Council", "Blanchardstown"),
                city("Cork", "IE", "Munster", "Cork City Council"),
                city("Reykjavík", "IS", "Capital Region", "Reykjavíkurborg", "Breiðholt"),
                city("Budapest", "HU", "Central Hungary", "Budapest Főváros", "Józsefváros"),
                city("Ljubljana", "SI", "Central Slovenia", "Mestna občina Ljubljana"),
                city("Bratislava", "SK", "Bratislava Region", "Hlavné mesto Bratislava", "Petržalka"),
                city("Tallinn", "EE", "Harju County", "Tallinna Linnavalitsus", "Lasnamäe"),
                city("Vilnius", "LT", "Vilnius County", "Vilniaus miesto savivaldybė")};

        /** What an initiative does, with the approaches, themes and groups it usually goes with. */
        static final Activity[] ACTIVITIES = {
                activity("language classes", a("esol", "language-learning"), a("language", "education"), a("refugees", "migrants", "women")),
                activity("conversation cafés", a("language-learning", "volunteering"), a("language", "social-contact"), a("refugees", "asylum-seekers", "receiving-communities")),
                activity("a mentoring programme", a("employment-and-skills", "volunteering"), a("employment", "social-contact"), a("refugees", "young-people", "labour-migrants")),
                activity("job coaching", a("employment-and-skills"), a("employment"), a("refugees", "labour-migrants", "women")),
                activity("paid work placements", a("employment-and-skills"), a("employment", "education"), a("refugees", "young-people")),
                activity("recognition of foreign qualifications", a("employment-and-skills", "national-integration-funds-and-centres"), a("employment", "public-services"), a("labour-migrants", "refugees")),
                activity("a women's football team", a("sport"), a("social-contact", "health"), a("women", "minority-ethnic-communities")),
                activity("weekly sport sessions", a("sport", "youth-and-schools"), a("social-contact", "health"), a("young-people", "children", "refugees")),
                activity("school linking", a("school-linking", "youth-and-schools"), a("education", "social-contact"), a("children", "whole-community")),
                activity("homework clubs", a("youth-and-schools", "volunteering"), a("education", "language"), a("children", "young-people")),
                activity("mother-tongue classes", a("heritage-languages"), a("language", "culture-and-heritage"), a("children", "minority-ethnic-communities")),
                activity("community sponsorship of refugee families", a("community-sponsorship", "refugee-sponsorship-and-resettlement"), a("housing", "social-contact"), a("refugees", "receiving-communities")),
                activity("a resettlement welcome service", a("refugee-sponsorship-and-resettlement"), a("housing", "public-services"), a("refugees", "asylum-seekers")),
                activity("mixed-tenure housing", a("mixed-tenure-housing"), a("housing", "social-contact"), a("whole-community", "migrants")),
                activity("housing advice", a("equality-and-rights", "local-strategy-and-governance"), a("housing", "rights-and-equality"), a("asylum-seekers", "labour-migrants")),
                activity("a befriending scheme run by volunteers", a("volunteering", "social-contact-and-mixing"), a("social-contact"), a("refugees", "asylum-seekers", "receiving-communities")),
                activity("shared civic commemorations", a("shared-civic-events"), a("culture-and-heritage", "civic-participation"), a("whole-community", "minority-ethnic-communities")),
                activity("neighbourhood festivals", a("shared-civic-events", "social-contact-and-mixing"), a("culture-and-heritage", "social-contact"), a("whole-community")),
                activity("a joint campaign on local services", a("joint-campaigns", "participation-and-joint-campaigning"), a("civic-participation", "public-services"), a("migrants", "receiving-communities")),
                activity("community organising", a("community-organising"), a("civic-participation"), a("whole-community", "minority-ethnic-communities")),
                activity("public dialogue meetings", a("public-dialogue"), a("civic-participation", "media-and-public-attitudes"), a("receiving-communities", "whole-community")),
                activity("a council integration strategy", a("council-integration-strategies", "local-strategy-and-governance"), a("public-services", "civic-participation"), a("whole-community")),
                activity("a national integration fund", a("national-integration-funds-and-centres"), a("public-services", "employment"), a("migrants", "refugees")),
                activity("a media campaign against rumours", a("media-and-public-attitudes"), a("media-and-public-attitudes"), a("receiving-communities")),
                activity("a storytelling project with local newspapers", a("media-and-public-attitudes"), a("media-and-public-attitudes", "culture-and-heritage"), a("refugees", "whole-community")),
                activity("legal advice on workers' rights", a("workers-rights", "equality-and-rights"), a("rights-and-equality", "employment"), a("labour-migrants")),
                activity("health navigators", a("local-strategy-and-governance", "volunteering"), a("health", "public-services"), a("refugees", "women", "asylum-seekers")),
                activity("youth leadership training", a("youth-and-schools", "community-organising"), a("civic-participation", "education"), a("young-people")),
                activity("parent volunteers in schools", a("youth-and-schools", "volunteering"), a("education", "social-contact"), a("women", "children")),
                activity("community safety patrols", a("community-organising", "local-strategy-and-governance"), a("community-safety"), a("whole-community"))};

        static final String[] GROUP_PHRASES = {"refugees", "asylum seekers", "newly arrived migrants", "refugee women",
                "young refugees", "unaccompanied minors", "migrant parents", "labour migrants", "long-standing residents",
                "Syrian families", "Ukrainian families", "Eritrean young people", "Afghan women", "Roma families",
                "older residents", "local volunteers", "migrant workers", "pupils", "young people"};

        static final String[] LEADS = {"%s Refugee Council", "Red Cross %s", "%s Volunteer Centre", "%s Migrant Forum",
                "%s Women's Network", "%s Community Foundation", "%s Adult Education Service", "%s Youth Service",
                "%s Football Club Foundation", "Caritas %s", "Save the Children %s", "%s Chamber of Commerce"};

        static final String[] OPENINGS = {
                "%LEAD% started %ACT% in %PLACE% in %YEAR% after %TRIGGER%.",
                "In %PLACE%, %ACT% brought %GROUP% together with %GROUP2% every week.",
                "%COUNCIL% asked %LEAD% to run %ACT% for %GROUP% arriving in %PLACE%.",
                "The initiative in %PLACE% grew out of %TRIGGER%, when %LEAD% offered %ACT% to %GROUP%."};
        static final String[] TRIGGERS = {"a rise in refugee arrivals", "the closure of a local reception centre",
                "complaints about long waiting lists for language classes", "a survey of newly arrived families",
                "tensions between neighbours on an estate", "a report on unemployment among refugee women",
                "the arrival of Ukrainian families in the area", "a council consultation on community cohesion"};
        /**
         * Body sentences by theme, so that a word such as "football" or "apprenticeships" turns up mostly where the
         * theme does, giving words uneven document frequencies as in real text. Each {WORD} is filled with a fresh
         * pick from WORDS.
         */
        static final Map<String, String[]> TOPICAL = Map.ofEntries(
                Map.entry("employment", new String[] {
                        "Job coaching focused on recognising foreign qualifications in {SECTOR} and on the language needed at work.",
                        "Local employers offered work placements in {SECTOR} of up to {NUM} weeks, and some of them led to permanent jobs.",
                        "Each participant was paired with a mentor working as {JOB}, who helped with applications and interviews.",
                        "Apprenticeships in {SECTOR} and {SECTOR} were open to {GROUP} with limited language skills.",
                        "A job fair with {NUM} employers from {SECTOR} was held every {PERIOD}."}),
                Map.entry("education", new String[] {
                        "Schools linked classes across the city so that pupils from different backgrounds met {NUM} times a year.",
                        "Homework clubs in {VENUE} helped children catch up after years out of school.",
                        "Teachers received training on working with pupils who had experienced trauma.",
                        "Adult learners could take evening courses on {TOPIC} at the local college."}),
                Map.entry("language", new String[] {
                        "Participants could join language classes at {NUM} levels, and many moved up a level within {NUM} months.",
                        "Language classes were combined with practical visits to {SERVICE} and {SERVICE}.",
                        "Conversation groups paired learners with local volunteers for an hour of practice every {PERIOD}.",
                        "Staff spoke {LANG}, {LANG} and {LANG}, and interpreters were available for other languages.",
                        "Children who spoke {LANG} at home had weekly mother-tongue lessons."}),
                Map.entry("housing", new String[] {
                        "Housing officers worked with landlords to find homes for {GROUP} close to schools and public transport.",
                        "Tenants' associations welcomed new families and explained {TOPIC}.",
                        "Empty flats above shops were renovated and let to {GROUP} at social rents.",
                        "Advisers helped families with tenancy agreements, deposits and repairs."}),
                Map.entry("health", new String[] {
                        "Health navigators accompanied {GROUP} to appointments and explained how to register with {SERVICE}.",
                        "A counsellor who spoke {LANG} offered sessions for people living with trauma.",
                        "Walking groups and {ACTIVITY} were offered to improve physical and mental health.",
                        "Midwives ran antenatal classes with interpreters in {LANG}."}),
                Map.entry("civic-participation", new String[] {
                        "A steering group of residents, councillors and {GROUP} met every {PERIOD} to decide on priorities.",
                        "The programme offered civic orientation courses on {TOPIC} and {TOPIC}.",
                        "Participants were encouraged to register to vote and to stand for school governing boards.",
                        "Residents' assemblies chose how to spend a small budget for the neighbourhood."}),
                Map.entry("social-contact", new String[] {
                        "Volunteers from the receiving community and {GROUP} ran the sessions together, which changed how both groups saw each other.",
                        "Football matches between teams of {GROUP} and {GROUP} drew crowds of several hundred people.",
                        "Shared meals every {PERIOD} brought neighbours who had never spoken to each other to the same table.",
                        "Mentoring pairs met for at least {NUM} hours a {PERIOD}, often over coffee or in {VENUE}.",
                        "Young people chose the activities themselves, from {ACTIVITY} and {ACTIVITY} to {ACTIVITY}."}),
                Map.entry("media-and-public-attitudes", new String[] {
                        "The local newspaper published portraits of participants, written together with them, every {PERIOD} for a year.",
                        "A campaign answered common rumours about {GROUP} with facts on posters and social media.",
                        "Journalists were invited to meet participants and report on the project.",
                        "Local radio broadcast a weekly programme presented by {GROUP}."}),
                Map.entry("culture-and-heritage", new String[] {
                        "An exhibition in {VENUE} told the history of migration to the town through objects lent by residents.",
                        "Musicians from {NUM} countries performed together at the annual festival.",
                        "Oral history interviews with older residents and newcomers were recorded and archived.",
                        "Evening {ACTIVITY} sessions in {VENUE} were the most popular part of the programme."}),
                Map.entry("community-safety", new String[] {
                        "Police officers joined community meetings to hear concerns about {TOPIC}.",
                        "Street wardens recruited from {GROUP} patrolled the estate in the evenings.",
                        "Incidents of hate crime were recorded and followed up with the victims."}),
                Map.entry("public-services", new String[] {
                        "A one-stop shop in {VENUE} brought together advice on {TOPIC}, {TOPIC} and {TOPIC}.",
                        "Front-line staff at {SERVICE} were trained in intercultural communication.",
                        "A helpline in {LANG} and {LANG} answered questions about {TOPIC} and {TOPIC}.",
                        "The council translated key information about {TOPIC} into {NUM} languages."}),
                Map.entry("rights-and-equality", new String[] {
                        "Legal advisers helped {GROUP} with {TOPIC} and appeals.",
                        "Workers who had been underpaid were helped to claim back wages from employers in {SECTOR}.",
                        "The project trained {JOB_PLURAL} to recognise discrimination and report it."}));
        /** Sentences that fit any initiative. */
        static final String[] GENERAL = {
                "Sessions took place in {VENUE} and {VENUE}, usually in the {TIME} so that {GROUP} could attend.",
                "Volunteers were trained over {NUM} weekends and met a coordinator every {PERIOD} to talk about what worked.",
                "{ORG} provided rooms free of charge and paid for {SUPPORT}, which organisers say was essential for {GROUP} to take part.",
                "The project worked with {ORG} and {ORG} to reach families who rarely use public services.",
                "Councils in neighbouring towns copied the model after a study visit organised by {ORG}.",
                "Funding came from {FUNDER} and {FUNDER}.",
                "Organisers found it hard to reach {GROUP} at first, and changed the timetable after {NUM} months.",
                "Some {GROUP} travelled for more than an hour to attend, so the project paid for {SUPPORT}.",
                "A second site opened in {VENUE} after the waiting list reached {NUM} names.",
                "The coordinator kept a register of attendance and asked participants about {TOPIC} at the end of each term.",
                "Participants learned about {TOPIC} from {JOB_PLURAL} who volunteered their time."};
        static final Map<String, String[]> WORDS = Map.ofEntries(
                Map.entry("{VENUE}", new String[] {"community centres", "the public library", "a primary school", "a mosque",
                        "a parish hall", "the town hall", "a sports club", "a youth centre", "a housing estate's meeting room",
                        "a refugee reception centre", "a community garden", "a football stadium", "a family centre"}),
                Map.entry("{TIME}", new String[] {"evening", "afternoon", "weekend", "school holidays", "morning"}),
                Map.entry("{NUM}", new String[] {"two", "three", "four", "six", "eight", "ten", "twelve", "twenty"}),
                Map.entry("{PERIOD}", new String[] {"week", "fortnight", "month", "term", "quarter"}),
                Map.entry("{JOB}", new String[] {"an engineer", "a nurse", "a teacher", "an accountant", "a builder",
                        "a chef", "a lawyer", "a social worker", "a doctor", "an electrician", "a shop manager"}),
                Map.entry("{JOB_PLURAL}", new String[] {"engineers", "nurses", "teachers", "accountants", "lawyers",
                        "social workers", "doctors", "police officers", "firefighters", "local councillors"}),
                Map.entry("{SERVICE}", new String[] {"the job centre", "a doctor's surgery", "the housing office",
                        "the tax office", "the town hall", "the public library", "a bank", "the police station"}),
                Map.entry("{ORG}", new String[] {"the council", "local mosques", "churches", "sports clubs", "housing associations",
                        "trade unions", "the regional government", "local employers", "a university", "the Red Cross",
                        "volunteer centres", "refugee-led organisations", "women's groups"}),
                Map.entry("{SUPPORT}", new String[] {"childcare", "bus tickets", "meals", "interpreters", "laptops", "sports kit"}),
                Map.entry("{SECTOR}", new String[] {"care", "construction", "hospitality", "logistics", "retail", "health care",
                        "information technology", "manufacturing", "agriculture", "cleaning", "transport"}),
                Map.entry("{ACTIVITY}", new String[] {"football", "basketball", "cricket", "swimming", "music", "theatre",
                        "cooking", "sewing", "gardening", "cycling lessons", "dance", "photography", "chess"}),
                Map.entry("{GROUP}", GROUP_PHRASES),
                Map.entry("{LANG}", new String[] {"Arabic", "Tigrinya", "Dari", "Pashto", "Ukrainian", "Somali", "Kurdish",
                        "Farsi", "Polish", "Romanian", "Urdu", "Bengali", "Turkish", "French", "Amharic"}),
                Map.entry("{TOPIC}", new String[] {"rights", "democracy", "local institutions", "housing", "schools",
                        "employment", "health care", "tenancy rules", "the asylum process", "family reunion", "benefits",
                        "recycling", "public transport", "workers' rights"}),
                Map.entry("{FUNDER}", new String[] {"the municipality", "a national integration fund", "the European Social Fund",
                        "the Asylum, Migration and Integration Fund", "charitable foundations", "the National Lottery",
                        "local businesses", "the regional government"}));
        static final String[] RESULTS = {
                "According to the evaluation, %N% participants found paid work within a year.",
                "Attendance at language classes rose from %N% to %N2% people a week over two years.",
                "Organisers report that friendships formed between volunteers and refugees lasted beyond the project.",
                "A survey before and after showed more trust between neighbours of different backgrounds.",
                "The council reports fewer complaints about community tensions in the neighbourhood since the project began.",
                "An independent evaluation compared participants with a similar group and found higher employment rates.",
                "Teachers report better attendance and more confidence among pupils who took part.",
                "No figures are given on how many people took part or what changed for them."};
        /** For each of RESULTS, the outcome domain it speaks of. */
        static final String[] RESULT_DOMAINS = {"work", "language-and-communication", "bridges", "bridges", "safety", "work",
                "education", null};
        /** The 14 outcome domains, and how often a finding is in each: contact, services, work and learning most. */
        static final String[] DOMAINS = {"work", "housing", "education", "health-and-social-care", "leisure", "bonds",
                "bridges", "links", "language-and-communication", "culture", "digital-skills", "safety", "stability",
                "rights-and-responsibilities"};
        static final int[] DOMAIN_WEIGHTS = {14, 5, 12, 6, 5, 4, 16, 13, 12, 4, 2, 3, 2, 4};
        /** The outcome domain of a case study's theme, for its "no result is reported" finding. */
        static final Map<String, String> THEME_DOMAINS = Map.ofEntries(Map.entry("employment", "work"),
                Map.entry("education", "education"), Map.entry("language", "language-and-communication"),
                Map.entry("housing", "housing"), Map.entry("health", "health-and-social-care"),
                Map.entry("civic-participation", "links"), Map.entry("social-contact", "bridges"),
                Map.entry("media-and-public-attitudes", "bridges"), Map.entry("culture-and-heritage", "culture"),
                Map.entry("community-safety", "safety"), Map.entry("public-services", "links"),
                Map.entry("rights-and-equality", "rights-and-responsibilities"));
        /** Mostly no reported direction (70 %), as in the seed; then improved, mixed, no change, worsened. */
        static final String[] DIRECTIONS = {"not-reported", "improved", "mixed", "no-change", "worsened"};
        static final int[] DIRECTION_WEIGHTS = {70, 18, 6, 4, 2};
        /** A finding's own level, from 2 (a reported result) to 5. */
        static final int[] FINDING_LEVEL_WEIGHTS = {50, 30, 15, 5};
        static final Pattern[] RESULT_PATTERNS = Arrays.stream(RESULTS).map(Corpus::templatePattern).toArray(Pattern[]::new);
        static final long FINDINGS_STREAM = 0x6a09e667f3bcc909L;
        static final String[] GAPS = {"results, costs or the number of participants", "how participants were recruited",
                "what happened after the funding ended", "whether the effect lasted", "how the volunteers were supported"};
        static final String[] SOURCE_KINDS = {"Evaluation of %ACT% in %PLACE%", "Annual report %YEAR%: %ACT%",
                "%PLACE%: what works in local integration", "Case study: %ACT% for %GROUP%",
                "Integration in practice: lessons from %PLACE%"};
        static final String[] PUBLISHERS = {"British Future", "Migration Policy Institute Europe", "Eurocities",
                "Council of Europe Intercultural Cities", "European Website on Integration", "Nesta", "Barrow Cadbury Trust",
                "Migration Observatory", "the municipality", "a local newspaper"};
        static final String[] RATIONALES = {
                "The sources describe what was done but report no results.",
                "The sources report outcomes, such as participants finding work, without data or a method a reader could check.",
                "Monitoring data before and after show change among participants, but there is no comparison group.",
                "An evaluation with a comparison group shows that the initiative caused the change.",
                "Independent evaluations in more than one place confirm the impact."};
        static final String[] THEMES = {"employment", "education", "language", "housing", "health", "civic-participation",
                "social-contact", "media-and-public-attitudes", "culture-and-heritage", "community-safety", "public-services",
                "rights-and-equality"};
        static final String[] TARGET_GROUPS = {"refugees", "asylum-seekers", "labour-migrants", "migrants", "women",
                "young-people", "children", "minority-ethnic-communities", "receiving-communities", "whole-community"};
        static final String[] SCALES = {"neighbourhood", "city", "region", "national", "international"};
        static final int[] SCALE_WEIGHTS = {20, 50, 15, 10, 5};
        /** Evidence is mostly thin, as in the seed: many descriptions, few evaluations. */
        static final int[] EVIDENCE_WEIGHTS = {40, 30, 18, 9, 3};

        static City city(String name, String country, String region, String council, String... neighbourhoods) {
            return new City(name, country, region, council, neighbourhoods);
        }

        static Activity activity(String phrase, String[] approaches, String[] themes, String[] groups) {
            return new Activity(phrase, approaches, themes, groups);
        }

        static String[] a(String... values) {
            return values;
        }

        static void generate(int count, long seed, Path approachesFile, Path apiOut, Path pgOut) throws IOException {
            Map<String, String[]> taxonomy = readTaxonomy(approachesFile); // slug -> {name, parent slug or null}
            for (Activity activity : ACTIVITIES) {
                for (String slug : activity.approaches()) {
                    if (!taxonomy.containsKey(slug)) {
                        throw new IllegalStateException("The generator uses approach \"" + slug + "\", which "
                                + approachesFile + " does not have; update ACTIVITIES in BenchTool.java");
                    }
                }
            }
            List<String> allSlugs = new ArrayList<>(taxonomy.keySet());
            try (BufferedWriter api = Files.newBufferedWriter(apiOut, StandardCharsets.UTF_8);
                    BufferedWriter pg = Files.newBufferedWriter(pgOut, StandardCharsets.UTF_8)) {
                for (int i = 1; i <= count; i++) {
                    // One generator per case study: case study i is the same whatever the corpus size.
                    Random random = new Random(seed * 1_000_003L + i);
                    // The findings' domains, directions and levels come from a second generator of (seed, i), so that
                    // adding them left every other field as it was in corpora generated before findings existed.
                    Random findingRandom = new Random((seed * 1_000_003L + i) ^ FINDINGS_STREAM);
                    Map<String, Object> doc = caseStudy(i, random, findingRandom, allSlugs);
                    api.write(Json.write(doc));
                    api.write('\n');
                    pg.write(csvRow(i, doc, taxonomy));
                    pg.write('\n');
                }
            }
        }

        @SuppressWarnings("unchecked")
        static Map<String, String[]> readTaxonomy(Path file) throws IOException {
            Map<String, String[]> taxonomy = new LinkedHashMap<>();
            for (Object item : (List<Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                Map<String, Object> approach = (Map<String, Object>) item;
                taxonomy.put((String) approach.get("slug"), new String[] {(String) approach.get("name"),
                        (String) approach.get("parent")});
            }
            return taxonomy;
        }

        static Map<String, Object> caseStudy(int n, Random r, Random fr, List<String> allSlugs) {
            City city = pickCity(r);
            Activity activity = ACTIVITIES[r.nextInt(ACTIVITIES.length)];
            String scale = SCALES[weighted(r, SCALE_WEIGHTS)];
            String placeName;
            String country = city.country();
            String region = city.region();
            String council = city.council();
            switch (scale) {
                case "neighbourhood" -> placeName = city.neighbourhoods().length == 0 ? city.name()
                        : pick(r, city.neighbourhoods());
                case "region" -> {
                    placeName = city.region();
                    council = null;
                }
                case "national" -> {
                    placeName = COUNTRIES.get(country);
                    region = null;
                    council = null;
                }
                case "international" -> {
                    placeName = pick(r, new String[] {"Europe", "Nordic countries", "Benelux", "European Union",
                            "Mediterranean cities"});
                    country = null;
                    region = null;
                    council = null;
                }
                default -> placeName = city.name();
            }
            String group = pick(r, GROUP_PHRASES);
            String group2 = pick(r, GROUP_PHRASES);
            String lead = String.format(Locale.ROOT, pick(r, LEADS), city.name());
            int startYear = 2025 - (int) Math.floor(Math.pow(r.nextDouble(), 1.6) * 30); // recent years more often
            String year = Integer.toString(startYear);

            String title = titleFor(r, placeName, activity, group, lead);
            Map<String, String> slots = Map.of("%PLACE%", placeName, "%ACT%", activity.phrase(), "%GROUP%", group,
                    "%GROUP2%", group2, "%LEAD%", lead, "%COUNCIL%", council == null ? "The national government" : council,
                    "%YEAR%", year, "%TRIGGER%", pick(r, TRIGGERS), "%N%", Integer.toString(10 + r.nextInt(300)),
                    "%N2%", Integer.toString(300 + r.nextInt(500)));

            String summary = fill(capitalize(lead + " ran " + activity.phrase() + " for " + group + " in " + placeName
                    + (r.nextBoolean() ? " from " + year : "") + "; " + lowerFirst(pick(r, RESULTS))), slots);
            if (summary.length() > 300) {
                summary = summary.substring(0, 297).strip() + "...";
            }

            // Body: a few hundred words in four to six paragraphs, with the Markdown a curator would write.
            StringBuilder body = new StringBuilder();
            Set<String> themes = themesFor(r, activity);
            List<String> pool = new ArrayList<>(Arrays.asList(GENERAL)); // what this body's sentences are drawn from
            themes.forEach(theme -> pool.addAll(Arrays.asList(TOPICAL.get(theme))));
            for (int k = 0; k < 3; k++) {
                pool.add(pick(r, TOPICAL.get(pick(r, THEMES))));
            }
            List<String> deck = new ArrayList<>(); // sentences drawn without repeats, reshuffled when used up
            body.append(fill(pick(r, OPENINGS), slots)).append(' ').append(sentence(r, pool, deck)).append(' ')
                    .append(sentence(r, pool, deck)).append("\n\n");
            int paragraphs = 3 + r.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                int sentences = 3 + r.nextInt(3);
                for (int s = 0; s < sentences; s++) {
                    body.append(sentence(r, pool, deck)).append(' ');
                }
                body.setLength(body.length() - 1);
                body.append("\n\n");
            }
            Set<String> outcomeSet = new LinkedHashSet<>();
            for (int o = r.nextInt(4); o > 0; o--) {
                outcomeSet.add(fill(pick(r, RESULTS), slots));
            }
            List<String> outcomes = new ArrayList<>(outcomeSet);
            if (!outcomes.isEmpty()) {
                body.append("**Results:**\n\n");
                outcomes.forEach(outcome -> body.append("- ").append(outcome).append('\n'));
                body.append('\n');
            }
            body.append("**What the sources do not say:** ").append(pick(r, GAPS)).append('.');

            Set<String> approaches = new LinkedHashSet<>();
            approaches.add(activity.approaches()[0]);
            int more = r.nextInt(3); // one to three approaches
            for (int k = 0; k < more; k++) {
                approaches.add(r.nextInt(3) == 0 ? allSlugs.get(r.nextInt(allSlugs.size()))
                        : pick(r, activity.approaches()));
            }
            Set<String> groups = new LinkedHashSet<>();
            groups.add(pick(r, activity.groups()));
            for (int k = r.nextInt(3); k > 0; k--) {
                groups.add(r.nextBoolean() ? pick(r, activity.groups()) : pick(r, TARGET_GROUPS));
            }
            int level = weighted(r, EVIDENCE_WEIGHTS) + 1;

            Map<String, Object> period = new LinkedHashMap<>();
            int periodKind = r.nextInt(10);
            if (periodKind < 2) { // the sources do not say
                period.put("startYear", null);
                period.put("endYear", null);
                period.put("ongoing", null);
            } else if (periodKind < 5) {
                period.put("startYear", startYear);
                period.put("endYear", null);
                period.put("ongoing", true);
            } else {
                period.put("startYear", startYear);
                period.put("endYear", Math.min(2025, startYear + r.nextInt(6)));
                period.put("ongoing", false);
            }

            Map<String, Object> place = new LinkedHashMap<>();
            place.put("name", placeName);
            place.put("localAuthority", council);
            place.put("region", region);
            place.put("countryCode", country);
            place.put("latitude", null);
            place.put("longitude", null);
            place.put("scale", scale);

            List<Object> partners = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0; k--) {
                partners.add(String.format(Locale.ROOT, pick(r, LEADS), city.name()));
            }
            List<Object> sources = new ArrayList<>();
            for (int k = 1 + (r.nextInt(4) == 0 ? 1 : 0); k > 0; k--) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("title", fill(pick(r, SOURCE_KINDS), slots));
                source.put("author", null);
                source.put("publisher", pick(r, PUBLISHERS));
                source.put("publishedOn", LocalDate.of(Math.min(2025, startYear + r.nextInt(3)), 1 + r.nextInt(12),
                        1 + r.nextInt(28)).toString());
                source.put("url", r.nextBoolean() ? "https://example.org/reports/" + n + "-" + k : null);
                source.put("contribution", "Describes " + activity.phrase() + " in " + placeName + " and "
                        + (level == 1 ? "reports no results." : "reports its results."));
                source.put("fromReaderComments", false);
                sources.add(source);
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("level", level);
            evidence.put("rationale", RATIONALES[level - 1]);

            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("slug", slugFor(title, n));
            doc.put("title", title);
            doc.put("summary", summary);
            doc.put("body", body.toString());
            doc.put("place", place);
            doc.put("period", period);
            doc.put("leadOrganisations", List.of(lead));
            doc.put("partnerOrganisations", partners);
            doc.put("approaches", new ArrayList<>(approaches));
            doc.put("themes", new ArrayList<>(themes));
            doc.put("targetGroups", new ArrayList<>(groups));
            doc.put("findings", findings(fr, outcomes, themes));
            doc.put("evidence", evidence);
            doc.put("sources", sources);
            doc.put("licence", "CC-BY-4.0");
            doc.put("status", "published");
            return doc;
        }

        /**
         * The findings: each result sentence of the body becomes a finding's statement, in a domain that fits the
         * sentence half of the time and is otherwise drawn from the weighted mix of DOMAINS; mostly with no reported
         * direction (as in the seed, where most sources describe activity), a level of its own for some, backed by the
         * first source (every generated case study has at least one). A case study without result sentences gets one
         * not-reported finding in the domain of its first theme.
         */
        static List<Object> findings(Random r, List<String> statements, Set<String> themes) {
            List<Object> findings = new ArrayList<>();
            for (String statement : statements) {
                int result = 0; // which of RESULTS the sentence was made from
                while (result < RESULTS.length - 1 && !sameTemplate(result, statement)) {
                    result++;
                }
                String fit = RESULT_DOMAINS[result];
                String domain = fit != null && r.nextBoolean() ? fit : DOMAINS[weighted(r, DOMAIN_WEIGHTS)];
                boolean noFigures = fit == null; // "No figures are given ...": no direction to go by
                String direction = noFigures ? "not-reported" : DIRECTIONS[weighted(r, DIRECTION_WEIGHTS)];
                Map<String, Object> evidence = null;
                if (!direction.equals("not-reported") && r.nextInt(5) < 2) { // two in five reported results
                    int level = 2 + weighted(r, FINDING_LEVEL_WEIGHTS);
                    evidence = new LinkedHashMap<>();
                    evidence.put("level", level);
                    evidence.put("rationale", RATIONALES[level - 1]);
                }
                findings.add(finding(domain, statement, direction, evidence));
            }
            if (findings.isEmpty()) {
                String theme = themes.iterator().next();
                findings.add(finding(THEME_DOMAINS.get(theme), "No result is reported.", "not-reported", null));
            }
            return findings;
        }

        static Map<String, Object> finding(String domain, String statement, String direction, Map<String, Object> evidence) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("domain", domain);
            finding.put("statement", statement);
            finding.put("direction", direction);
            if (evidence != null) {
                finding.put("evidence", evidence);
            }
            finding.put("sources", List.of(Map.of("index", 0)));
            return finding;
        }

        /** Whether {@code sentence} was made from RESULTS[k], by filling in its %SLOT%s. */
        static boolean sameTemplate(int k, String sentence) {
            return RESULT_PATTERNS[k].matcher(sentence).matches();
        }

        static Pattern templatePattern(String template) {
            String[] parts = template.split("%[A-Z0-9]+%", -1);
            StringBuilder regex = new StringBuilder();
            for (int k = 0; k < parts.length; k++) {
                regex.append(k > 0 ? ".+?" : "").append(Pattern.quote(k == 0 ? capitalize(parts[k]) : parts[k]));
            }
            return Pattern.compile(regex.toString());
        }

        /** One to three themes, mostly those of the activity. */
        static Set<String> themesFor(Random r, Activity activity) {
            Set<String> themes = new LinkedHashSet<>();
            themes.add(pick(r, activity.themes()));
            for (int k = r.nextInt(3); k > 0; k--) {
                themes.add(r.nextBoolean() ? pick(r, activity.themes()) : pick(r, THEMES));
            }
            return themes;
        }

        static String sentence(Random r, List<String> pool, List<String> deck) {
            if (deck.isEmpty()) {
                deck.addAll(pool);
                java.util.Collections.shuffle(deck, r);
            }
            String template = deck.remove(deck.size() - 1);
            StringBuilder out = new StringBuilder();
            Matcher slot = Pattern.compile("\\{[A-Z_]+\\}").matcher(template);
            while (slot.find()) {
                slot.appendReplacement(out, Matcher.quoteReplacement(pick(r, WORDS.get(slot.group()))));
            }
            slot.appendTail(out);
            return capitalize(out.toString());
        }

        static String titleFor(Random r, String place, Activity activity, String group, String lead) {
            String title = switch (r.nextInt(4)) {
                case 0 -> place + ": " + activity.phrase() + " for " + group;
                case 1 -> capitalize(activity.phrase()) + " for " + group + " in " + place;
                case 2 -> lead + ": " + activity.phrase() + " with " + group;
                default -> "How " + place + " used " + activity.phrase() + " to reach " + group;
            };
            return title.length() <= 200 ? title : title.substring(0, 200);
        }

        /**
         * An explicit slug: the service would otherwise derive one from the title and probe -2, -3, ... one query at
         * a time for the many titles the generator repeats, which would measure slug probing instead of writes.
         */
        static String slugFor(String title, int n) {
            String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
            String base = ascii.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-")
                    .replaceAll("^-+|-+$", "");
            String suffix = "-" + n;
            if (base.length() + suffix.length() > 80) {
                base = base.substring(0, 80 - suffix.length()).replaceAll("-+$", "");
            }
            return base + suffix;
        }

        static City pickCity(Random r) {
            // A third of case studies in the first nine (British) cities, as in an English-language collection.
            return r.nextInt(3) == 0 ? CITIES[r.nextInt(9)] : CITIES[r.nextInt(CITIES.length)];
        }

        static int weighted(Random r, int[] weights) {
            int total = Arrays.stream(weights).sum();
            int x = r.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        static String pick(Random r, String[] values) {
            return values[r.nextInt(values.length)];
        }

        static String fill(String template, Map<String, String> slots) {
            String result = template;
            for (Map.Entry<String, String> slot : slots.entrySet()) {
                result = result.replace(slot.getKey(), slot.getValue());
            }
            return capitalize(result);
        }

        static String capitalize(String s) {
            return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }

        static String lowerFirst(String s) {
            return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }

        /**
         * The same case study as a CSV row for COPY: the columns of bench_case_studies_raw in bench-search's SQL.
         * Approaches are given with their broader approaches too, since the API's approach filter and facet include
         * the narrower ones ("tagged with it or any narrower approach").
         */
        @SuppressWarnings("unchecked")
        static String csvRow(int id, Map<String, Object> doc, Map<String, String[]> taxonomy) {
            Map<String, Object> place = (Map<String, Object>) doc.get("place");
            Map<String, Object> period = (Map<String, Object>) doc.get("period");
            List<String> direct = (List<String>) doc.get("approaches");
            Set<String> withBroader = new LinkedHashSet<>();
            List<String> names = new ArrayList<>();
            for (String slug : direct) {
                names.add(taxonomy.get(slug)[0]);
                for (String step = slug; step != null && withBroader.add(step); step = taxonomy.get(step)[1]) {
                    // up to the root
                }
            }
            List<String> organisations = new ArrayList<>((List<String>) doc.get("leadOrganisations"));
            ((List<Object>) doc.get("partnerOrganisations")).forEach(o -> organisations.add((String) o));
            String countryCode = (String) place.get("countryCode");
            List<String> columns = List.of(
                    Integer.toString(id),
                    (String) doc.get("slug"),
                    (String) doc.get("title"),
                    (String) doc.get("summary"),
                    (String) doc.get("body"),
                    (String) place.get("name"),
                    nullable(place.get("localAuthority")),
                    nullable(place.get("region")),
                    nullable(countryCode),
                    countryCode == null ? "" : COUNTRIES.get(countryCode),
                    (String) place.get("scale"),
                    pgArray(direct),
                    pgArray(withBroader),
                    String.join("; ", names),
                    pgArray((List<String>) doc.get("themes")),
                    pgArray((List<String>) doc.get("targetGroups")),
                    ((Map<String, Object>) doc.get("evidence")).get("level").toString(),
                    nullable(period.get("startYear")),
                    nullable(period.get("endYear")),
                    nullable(period.get("ongoing")),
                    String.join("; ", organisations),
                    statements((List<Object>) doc.get("findings")));
            StringBuilder row = new StringBuilder();
            for (String column : columns) {
                if (row.length() > 0) {
                    row.append(',');
                }
                if (column.isEmpty()) {
                    continue; // unquoted empty = NULL in CSV COPY
                }
                row.append('"').append(column.replace("\"", "\"\"")).append('"');
            }
            return row.toString();
        }

        /** The findings' statements, for the baseline's `outcomes` text column (the API indexes them under that name). */
        @SuppressWarnings("unchecked")
        static String statements(List<Object> findings) {
            List<String> statements = new ArrayList<>();
            findings.forEach(finding -> statements.add((String) ((Map<String, Object>) finding).get("statement")));
            return String.join(" ", statements);
        }

        static String nullable(Object value) {
            return value == null ? "" : value.toString();
        }

        /** Slugs need no quoting inside a PostgreSQL array literal. */
        static String pgArray(java.util.Collection<String> values) {
            return "{" + String.join(",", values) + "}";
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Minimal JSON.

    static final class Json {

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        @SuppressWarnings("unchecked")
        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                out.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        case '\t' -> out.append("\\t");
                        default -> {
                            if (c < 0x20) {
                                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                            } else {
                                out.append(c);
                            }
                        }
                    }
                }
                out.append('"');
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(entry.getKey(), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out);
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("Cannot write " + value.getClass());
            }
        }

        static Object parse(String text) {
            Json parser = new Json(text);
            Object value = parser.value();
            parser.skipSpace();
            if (parser.at != text.length()) {
                throw parser.error("trailing characters");
            }
            return value;
        }

        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        private Object value() {
            skipSpace();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{': {
                    at++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    skipSpace();
                    if (text.charAt(at) == '}') {
                        at++;
                        return map;
                    }
                    while (true) {
                        skipSpace();
                        String key = string();
                        skipSpace();
                        expect(':');
                        map.put(key, value());
                        skipSpace();
                        if (text.charAt(at) == ',') {
                            at++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[': {
                    at++;
                    List<Object> list = new ArrayList<>();
                    skipSpace();
                    if (text.charAt(at) == ']') {
                        at++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skipSpace();
                        if (text.charAt(at) == ',') {
                            at++;
                        } else {
                            expect(']');
                            return list;
                        }
                    }
                }
                case '"':
                    return string();
                default:
                    if (text.startsWith("null", at)) {
                        at += 4;
                        return null;
                    }
                    if (text.startsWith("true", at)) {
                        at += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", at)) {
                        at += 5;
                        return Boolean.FALSE;
                    }
                    int start = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    if (start == at) {
                        throw error("unexpected character '" + c + "'");
                    }
                    return Double.parseDouble(text.substring(start, at));
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
        }

        private void expect(char c) {
            if (at >= text.length() || text.charAt(at) != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("JSON at character " + at + ": " + message);
        }
    }
}
