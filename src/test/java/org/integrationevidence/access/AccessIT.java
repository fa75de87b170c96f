package org.integrationevidence.access;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class AccessIT extends AccessTest {
}
