package org.integrationevidence;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * API keys for tests. The admin key is the one the service under test wrote at its first start (the real
 * bootstrap, see AdminKeyBootstrap); other keys are made with it through the API, once per test JVM and role.
 */
public final class TestKeys {

    /** Set by Failsafe to the packaged application's data directory; in-process tests use %test.evidence.data-dir. */
    private static final String ADMIN_KEY_FILE_PROPERTY = "evidence.test.admin-key-file";
    private static final Path DEFAULT_ADMIN_KEY_FILE = Path.of("target/test-data/initial-admin-key");

    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    /** True while this thread makes a key: its request goes with the admin key only, never a role acted as. */
    private static final ThreadLocal<Boolean> CREATING = ThreadLocal.withInitial(() -> false);

    private TestKeys() {
    }

    /**
     * Read at every call: a test profile (RateLimitTest) restarts the in-process service on a new in-memory database,
     * which writes a new admin key, and then every key made with the old one is gone too.
     */
    public static synchronized String admin() {
        Path file = Path.of(System.getProperty(ADMIN_KEY_FILE_PROPERTY, DEFAULT_ADMIN_KEY_FILE.toString()));
        String key;
        try {
            key = Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("The service under test should have written its admin key to " + file, e);
        }
        if (!key.equals(KEYS.get("admin"))) {
            KEYS.clear();
            KEYS.put("admin", key);
        }
        return key;
    }

    /** The shared editor key of this test JVM. */
    public static synchronized String editor() {
        return shared("editor", "Test editors");
    }

    /** The shared monitor key of this test JVM, for the metrics. */
    public static synchronized String monitor() {
        return shared("monitor", "Test monitoring");
    }

    /** The shared curator key of this test JVM, owned by "Test curators". */
    public static synchronized String curator() {
        return shared("curator", "Test curators");
    }

    private static String shared(String role, String owner) {
        admin(); // forgets the keys of a previous database
        String key = KEYS.get(role);
        if (key == null) {
            key = create(role, owner); // not inside computeIfAbsent: creating reads the admin key from the same map
            KEYS.put(role, key);
        }
        return key;
    }

    /** A new key of its own, for tests that revoke keys or need a second owner. */
    public static String create(String role, String owner) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", TestData.unique("test-" + role));
        body.put("owner", owner);
        body.put("role", role);
        boolean nested = CREATING.get();
        CREATING.set(true); // sent with the admin key alone, whoever the test acts as
        try {
            return given().spec(bearer(admin())).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/keys")
                    .then().statusCode(201).extract().path("key");
        } finally {
            CREATING.set(nested);
        }
    }

    public static RequestSpecification bearer(String key) {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + key).build();
    }

    /**
     * Sends every following request of this test with the editor key and {@code If-Match: *} (write whatever
     * version is there): for the test classes written before keys and preconditions existed, whose subject is
     * neither. AccessTest, WorkflowTest and ConcurrencyTest test those. Undo with {@link #actAnonymously()}.
     */
    public static void actAsEditor() {
        RestAssured.replaceFiltersWith(AS_EDITOR);
    }

    public static void actAnonymously() {
        RestAssured.replaceFiltersWith(List.of());
    }

    /**
     * The editor's headers, added to each request as it is sent: a filter, not a request specification, since a
     * specification copies REST Assured's port when it is built, and ActingAs calls {@link #actAsEditor()} before a
     * packaged service under test is started and its port set. The key is made with the first request.
     */
    private static final Filter AS_EDITOR = (request, response, context) -> {
        if (!CREATING.get()) {
            request.header("Authorization", "Bearer " + editor());
            request.header("If-Match", "*");
        }
        return context.next(request, response);
    };
}
