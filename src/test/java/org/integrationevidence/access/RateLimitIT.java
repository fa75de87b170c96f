package org.integrationevidence.access;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The same suite against the packaged application, started with the same small limits. */
@QuarkusIntegrationTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitIT extends RateLimitTest {
}
