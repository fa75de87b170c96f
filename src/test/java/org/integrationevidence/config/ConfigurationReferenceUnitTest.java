package org.integrationevidence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import org.junit.jupiter.api.Test;

/**
 * The configuration reference, docs/operations/configuration.md, cannot drift from the code: every key of
 * {@link EvidenceConfig} has a row there with its environment variable and its default, and the reference (and the
 * user and operations guides) name no {@code evidence.*} key or {@code EVIDENCE_*} variable that does not exist.
 * Plain JUnit: the keys are read from the interface by reflection, the defaults from its {@code @WithDefault}
 * annotations and from application.properties, which wins where it sets a key.
 */
class ConfigurationReferenceUnitTest {

    static final Path REFERENCE = Path.of("docs/operations/configuration.md");
    static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    /** Documents whose mentions of settings must name existing ones (the performance records keep what was run). */
    static final List<Path> GUIDES = List.of(Path.of("README.md"), Path.of("docs/guide"), Path.of("docs/operations"));

    /** A row of a settings table: a key in code, its environment variable in code, its default, what it does. */
    static final Pattern ROW = Pattern.compile("^\\|\\s*`((?:evidence|quarkus)\\.[^`]+)`\\s*\\|([^|]*)\\|([^|]*)\\|.*$");
    static final Pattern CODE = Pattern.compile("`([^`]*)`");
    /**
     * An evidence.* key in the reference: anywhere but in a host name or a path (https://evidence.example.org/).
     * Elsewhere only a code span that is a key ({@code `evidence.search.write-wait`}, or with {@code =value}) under a
     * first segment of the settings counts, so that file names (evidence.sql.gz) and a case study's fields
     * (evidence.level) are not taken for keys.
     */
    static final Pattern KEY_MENTION = Pattern.compile("(?<![\\w./@-])evidence(?:\\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+");
    static final Pattern KEY_IN_CODE = Pattern.compile("`(evidence(?:\\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+)(?:=[^`]*)?`");
    static final Pattern ENV_MENTION = Pattern.compile("(?<![A-Za-z0-9_])EVIDENCE_[A-Z0-9_]*[A-Z0-9]");

    /** A setting of EvidenceConfig: its key and its default (null when it has none). */
    record Setting(String key, String defaultValue) {

        String env() {
            return environmentVariable(key);
        }
    }

    static String environmentVariable(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Every key of the mapping, with its default: methods are keys, nested interfaces key prefixes. */
    static Map<String, Setting> settings(Set<String> groups) throws IOException {
        Properties properties = properties();
        Map<String, Setting> settings = new LinkedHashMap<>();
        walk(EvidenceConfig.class, EvidenceConfig.class.getAnnotation(ConfigMapping.class).prefix(), properties,
                settings, groups);
        return settings;
    }

    private static void walk(Class<?> type, String prefix, Properties properties, Map<String, Setting> settings,
            Set<String> groups) {
        groups.add(prefix);
        for (Method method : type.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getName().startsWith("org.integrationevidence.")) {
                walk(returned, key, properties, settings, groups);
                continue;
            }
            WithDefault annotated = method.getAnnotation(WithDefault.class);
            String value = properties.getProperty(key, annotated == null ? null : annotated.value());
            settings.put(key, new Setting(key, value));
        }
    }

    static Properties properties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The rows of the reference's tables, by key; a key listed twice fails here. */
    static Map<String, String[]> rows(List<String> failures) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(REFERENCE)) {
            Matcher row = ROW.matcher(line.replace("\\|", "\u0000"));
            if (row.matches()) {
                String key = row.group(1);
                String[] cells = {row.group(2).trim().replace('\u0000', '|'), row.group(3).trim().replace('\u0000', '|')};
                if (rows.put(key, cells) != null) {
                    failures.add(key + " has more than one row");
                }
            }
        }
        return rows;
    }

    static String firstCode(String cell) {
        Matcher code = CODE.matcher(cell);
        return code.find() ? code.group(1) : null;
    }

    @Test
    void theWalkFindsTheKeysTheWayQuarkusNamesThem() throws IOException {
        Map<String, Setting> settings = settings(new TreeSet<>());
        Setting failedKeys = settings.get("evidence.rate-limit.failed-keys");
        assertEquals("EVIDENCE_RATE_LIMIT_FAILED_KEYS", failedKeys.env());
        assertEquals("10", failedKeys.defaultValue());
        assertEquals("./data", settings.get("evidence.data-dir").defaultValue());
        assertTrue(settings.containsKey("evidence.public-base-url"), "an Optional without a default is a key too");
        assertEquals(null, settings.get("evidence.public-base-url").defaultValue());
    }

    @Test
    void everySettingIsInTheReferenceWithItsVariableAndDefault() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, Setting> settings = settings(new TreeSet<>());
        Map<String, String[]> rows = rows(failures);
        for (Setting setting : settings.values()) {
            String[] row = rows.get(setting.key());
            if (row == null) {
                failures.add(setting.key() + " (" + setting.env() + ") has no row in " + REFERENCE);
                continue;
            }
            if (!row[0].equals("`" + setting.env() + "`")) {
                failures.add(setting.key() + ": the variable is `" + setting.env() + "`, the reference says " + row[0]);
            }
            String documented = row[1].startsWith("`") ? firstCode(row[1]) : null;
            if (setting.defaultValue() == null && documented != null) {
                failures.add(setting.key() + " has no default, the reference gives `" + documented + "`");
            } else if (setting.defaultValue() != null && !setting.defaultValue().equals(documented)) {
                failures.add(setting.key() + ": the default is `" + setting.defaultValue() + "`, the reference says "
                        + (row[1].isEmpty() ? "nothing" : row[1]));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theReferenceListsNoSettingThatDoesNotExist() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, Setting> settings = settings(new TreeSet<>());
        Properties properties = properties();
        for (Map.Entry<String, String[]> row : rows(failures).entrySet()) {
            String key = row.getKey();
            if (key.startsWith("evidence.") && !settings.containsKey(key)) {
                failures.add(key + " is in the reference but not in EvidenceConfig");
            }
            if (key.startsWith("quarkus.")) {
                if (!row.getValue()[0].equals("`" + environmentVariable(key) + "`")) {
                    failures.add(key + ": the variable is `" + environmentVariable(key) + "`, the reference says "
                            + row.getValue()[0]);
                }
                String set = properties.getProperty(key);
                if (set != null && !set.equals(firstCode(row.getValue()[1]))) {
                    failures.add(key + ": application.properties sets `" + set + "`, the reference says "
                            + row.getValue()[1]);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theReferenceAndTheGuidesNameOnlySettingsThatExist() throws IOException {
        Set<String> groups = new TreeSet<>();
        Map<String, Setting> settings = settings(groups);
        Set<String> variables = new TreeSet<>();
        settings.values().forEach(setting -> variables.add(setting.env()));
        // In the guides a code span such as `evidence.level` is a case study's field: only names under a first
        // segment of the settings (data-dir, search, rate-limit...) are taken for settings there.
        Set<String> firsts = new TreeSet<>();
        settings.keySet().forEach(key -> firsts.add(key.split("\\.")[1]));
        Set<Path> documents = new LinkedHashSet<>();
        documents.add(REFERENCE);
        for (Path guide : GUIDES) {
            if (Files.isDirectory(guide)) {
                try (Stream<Path> files = Files.walk(guide)) {
                    files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(documents::add);
                }
            } else {
                documents.add(guide);
            }
        }
        List<String> failures = new ArrayList<>();
        for (Path document : documents) {
            String text = Files.readString(document);
            Matcher key = (document.equals(REFERENCE) ? KEY_MENTION : KEY_IN_CODE).matcher(text);
            while (key.find()) {
                String mention = key.group(document.equals(REFERENCE) ? 0 : 1);
                if (!document.equals(REFERENCE) && !firsts.contains(mention.split("\\.")[1])) {
                    continue; // a case study's field, such as evidence.level, in a guide
                }
                if (!settings.containsKey(mention) && !groups.contains(mention) && !mention.contains(".example.")) {
                    failures.add(document + " names " + mention + ", which is not a setting of EvidenceConfig");
                }
            }
            Matcher variable = ENV_MENTION.matcher(text);
            while (variable.find()) {
                if (!variables.contains(variable.group())) {
                    failures.add(document + " names " + variable.group() + ", which is not a setting of EvidenceConfig");
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
