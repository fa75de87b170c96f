package org.integrationevidence.formats;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class CitationsIT extends CitationsTest {
}
