package org.integrationevidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and of docs/**&#47;*.md leads somewhere: its file (or directory) exists, and its
 * {@code #anchor}, in a Markdown file, is one of the target's headings as GitHub names them. Links to other sites
 * (http, https, mailto) are not followed. Plain JUnit: it reads the files of the working tree.
 */
class DocumentationLinksUnitTest {

    /** An inline link or image: [text](target "title"), the target possibly in angle brackets. */
    static final Pattern INLINE = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition: [label]: target. */
    static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");
    static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*|^//.*");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(Path.of("README.md"));
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The lines of a document outside fenced code blocks, with inline code spans blanked. */
    static List<String> prose(Path document) throws IOException {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : Files.readAllLines(document)) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                lines.add("");
            } else if (fence != null) {
                if (line.trim().startsWith(fence)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line.replaceAll("(`+)(?:(?!\\1).)+?\\1", "``"));
            }
        }
        return lines;
    }

    /** GitHub's anchor of a heading: its text lower-cased, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1") // a link counts by its text
                .replaceAll("<[^>]+>", "") // inline HTML
                .replace("`", "").replace("*", "");
        return text.toLowerCase().replaceAll("[^\\p{L}\\p{N}\\p{Mn} _-]", "").replace(' ', '-');
    }

    Set<String> anchors(Path document) {
        return anchors.computeIfAbsent(document.normalize(), path -> {
            Set<String> found = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            String fence = null;
            try {
                for (String line : Files.readAllLines(path)) {
                    Matcher opening = FENCE.matcher(line);
                    if (fence == null && opening.find()) {
                        fence = opening.group(1);
                        continue;
                    }
                    if (fence != null) {
                        if (line.trim().startsWith(fence)) {
                            fence = null;
                        }
                        continue;
                    }
                    Matcher heading = HEADING.matcher(line);
                    if (heading.matches()) {
                        String slug = slug(heading.group(1));
                        int times = seen.merge(slug, 1, Integer::sum);
                        found.add(times == 1 ? slug : slug + "-" + (times - 1));
                    }
                    Matcher id = HTML_ID.matcher(line);
                    while (id.find()) {
                        found.add(id.group(1));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return found;
        });
    }

    static List<String> targets(Path document) throws IOException {
        List<String> targets = new ArrayList<>();
        for (String line : prose(document)) {
            Matcher inline = INLINE.matcher(line);
            while (inline.find()) {
                targets.add(inline.group(1));
            }
            Matcher definition = DEFINITION.matcher(line);
            if (definition.find()) {
                targets.add(definition.group(1));
            }
        }
        return targets;
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndAHeading() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path document : documents()) {
            for (String raw : targets(document)) {
                String target = raw.startsWith("<") ? raw.substring(1, raw.length() - 1) : raw;
                if (EXTERNAL.matcher(target).matches()) {
                    continue;
                }
                checked++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
                Path resolved = file.isEmpty() ? document
                        : document.resolveSibling(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
                if (!Files.exists(resolved)) {
                    failures.add(document + ": " + target + " (no file " + resolved + ")");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    failures.add(document + ": " + target + " (no heading #" + anchor + " in " + resolved + ")");
                }
            }
        }
        assertTrue(checked > 0, "no relative link was found: is the working directory the project's?");
        assertTrue(failures.isEmpty(), "Broken links:\n" + String.join("\n", failures));
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertEquals("durability-and-the-crash-test", slug("Durability and the crash test"));
        assertEquals("keys-and-roles", slug("Keys and roles"));
        assertEquals("formats-json-json-ld-and-csv", slug("Formats: JSON, JSON-LD and CSV"));
        assertEquals("the-first-admin-key", slug("The first **admin** key"));
        assertEquals("scriptsrun-prod", slug("`scripts/run-prod`"));
        assertEquals("api1-broken-object-level-authorization", slug("API1 Broken Object Level Authorization"));
        assertEquals("see-the-guide", slug("See [the guide](guide.md)"));
    }
}
