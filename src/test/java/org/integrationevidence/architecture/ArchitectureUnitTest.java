package org.integrationevidence.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.MessageBodyWriter;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The layering rules of docs/development/architecture.md, checked on the compiled main classes. Packages sit in
 * tiers: a package may use packages of lower tiers only, never one of its own tier or above. The infrastructure
 * tiers come first and never use a feature; the feature tiers may use any infrastructure. A change that needs an
 * arrow these rules refuse is a design question for the architecture document first, not a quick import.
 */
class ArchitectureUnitTest {

    private static final String ROOT = "org.integrationevidence";

    /** Infrastructure, bottom up: each tier may use those before it. */
    static final List<List<String>> INFRASTRUCTURE = List.of(
            List.of("config", "openapi", "cache"),
            List.of("logging"),
            List.of("problem"),
            List.of("json", "http"),
            List.of("persistence", "web"));

    /** Features, bottom up: each tier may use those before it, and any infrastructure. */
    static final List<List<String>> FEATURES = List.of(
            List.of("journal", "access", "embed"),
            List.of("approach", "outcome", "audit", "backup"),
            List.of("casestudy", "framework"),
            List.of("search", "changes", "imports", "seed"),
            List.of("formats", "feed", "evidencemap"),
            List.of("export", "oai", "webhook"));

    /**
     * The main classes only. ArchUnit's own test filter knows Maven's target/test-classes; the PostgreSQL build puts
     * its test classes in target/postgresql/test-classes, which it would take for main classes.
     */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void everyPackageHasATier() {
        List<String> tiered = Stream.concat(INFRASTRUCTURE.stream(), FEATURES.stream()).flatMap(List::stream).toList();
        classes().that().resideOutsideOfPackage(ROOT)
                .should().resideInAnyPackage(tiered.stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new))
                .because("every package is placed in a tier of docs/development/architecture.md")
                .check(MAIN);
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void infrastructureNeverUsesAFeature() {
        noClasses().that().resideInAnyPackage(packages(INFRASTRUCTURE.stream().flatMap(List::stream)))
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES.stream().flatMap(List::stream)))
                .because("infrastructure serves every feature and knows none (features publish their own OpenAPI"
                        + " limits, problem types and routes)")
                .check(MAIN);
    }

    /** One rule a package: it uses nothing of its own tier or above (in its group). */
    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyLowerTiers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<List<String>> group : List.of(INFRASTRUCTURE, FEATURES)) {
            for (int tier = 0; tier < group.size(); tier++) {
                List<String> notBelow = group.subList(tier, group.size()).stream().flatMap(List::stream).toList();
                for (String name : group.get(tier)) {
                    String[] forbidden = packages(notBelow.stream().filter(other -> !other.equals(name)));
                    ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + name + "..")
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                            .because(name + " is in tier " + tier + " and uses lower tiers only");
                    tests.add(DynamicTest.dynamicTest(name, () -> rule.check(MAIN)));
                }
            }
        }
        return tests.stream();
    }

    /**
     * The same tiers on the source's imports: the compiler inlines constants (an annotation's priority, a schema's
     * bound), so a class that reads only another's constants does not depend on it in bytecode.
     */
    @Test
    void sourceImportsKeepToTheTiersToo() throws IOException {
        Map<String, Integer> infrastructure = tiers(INFRASTRUCTURE);
        Map<String, Integer> features = tiers(FEATURES);
        Pattern projectImport = Pattern.compile("^import (?:static )?" + Pattern.quote(ROOT) + "\\.(\\w+)\\.",
                Pattern.MULTILINE);
        List<String> violations = new ArrayList<>();
        Path sources = Path.of("src/main/java", ROOT.split("\\."));
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(each -> each.toString().endsWith(".java")).toList()) {
                String from = sources.relativize(file).getName(0).toString();
                if (from.endsWith(".java")) {
                    continue; // the root package: Main
                }
                Matcher matcher = projectImport.matcher(Files.readString(file));
                while (matcher.find()) {
                    String to = matcher.group(1);
                    if (!to.equals(from) && !allowed(from, to, infrastructure, features)) {
                        violations.add(sources.relativize(file) + " imports " + ROOT + "." + to);
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "imports that break the tiers of docs/development/architecture.md");
    }

    private static boolean allowed(String from, String to, Map<String, Integer> infrastructure,
            Map<String, Integer> features) {
        if (infrastructure.containsKey(from)) {
            return infrastructure.containsKey(to) && infrastructure.get(to) < infrastructure.get(from);
        }
        return infrastructure.containsKey(to) || features.containsKey(to) && features.get(to) < features.get(from);
    }

    private static Map<String, Integer> tiers(List<List<String>> group) {
        Map<String, Integer> tiers = new HashMap<>();
        for (int tier = 0; tier < group.size(); tier++) {
            for (String name : group.get(tier)) {
                tiers.put(name, tier);
            }
        }
        return tiers;
    }

    @Test
    void resourcesNeverTouchEntitiesOrRepositories() {
        noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
                .should().dependOnClassesThat(holdData())
                .because("a resource parses, calls a service and maps; entities never leave services")
                .check(MAIN);
    }

    @Test
    void writersAndFiltersNeverCallServices() {
        noClasses().that().implement(MessageBodyWriter.class).or(haveFilterMethods())
                .should().dependOnClassesThat(holdData().or(runTransactions()))
                .because("a resource hands its writer everything it writes, and filters run once the transaction is over")
                .check(MAIN);
    }

    @Test
    void responseFiltersRunInTheDeclaredOrder() {
        methods().that().areAnnotatedWith(ServerResponseFilter.class)
                .should(new ArchCondition<JavaMethod>("take their priority from http.ResponseFilterOrder") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        int priority = method.getAnnotationOfType(ServerResponseFilter.class).priority();
                        boolean declared = priority != Priorities.USER;
                        events.add(new SimpleConditionEvent(method, declared,
                                method.getFullName() + " has priority " + priority));
                    }
                })
                .check(MAIN);
    }

    /** Entities, repositories and the entity manager: what services own and never hand out. */
    private static DescribedPredicate<JavaClass> holdData() {
        return describe("are entities, repositories or the EntityManager",
                type -> type.isAnnotatedWith(Entity.class)
                        || type.isAssignableTo(PanacheRepositoryBase.class)
                        || type.isAssignableTo(EntityManager.class));
    }

    /** Services: beans whose methods run in transactions. */
    private static DescribedPredicate<JavaClass> runTransactions() {
        return describe("run transactions (services)",
                type -> type.isAnnotatedWith(Transactional.class)
                        || type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(Transactional.class)));
    }

    private static DescribedPredicate<JavaClass> haveFilterMethods() {
        return describe("have request or response filter methods",
                type -> type.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(ServerResponseFilter.class)
                        || method.isAnnotatedWith(ServerRequestFilter.class)));
    }

    private static String[] packages(Stream<String> names) {
        return names.map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }
}
