package org.integrationevidence;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile: the service started again in the test JVM with other settings, on an in-process database of its
 * own. A start on the database of an earlier start in the same JVM would find that start's keys while the admin key
 * file holds its own. The packaged application of the {@code *IT} twins keeps its file database and admin key.
 */
public abstract class OwnDatabaseProfile implements QuarkusTestProfile {

    private final Map<String, String> overrides = new LinkedHashMap<>();

    /** {@code database} names the database; then the settings, as name, value pairs. */
    protected OwnDatabaseProfile(String database, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("settings come as name, value pairs");
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            overrides.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        overrides.put("evidence-test.database", database);
    }

    @Override
    public final Map<String, String> getConfigOverrides() {
        return Map.copyOf(overrides);
    }
}
