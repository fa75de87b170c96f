package org.integrationevidence.framework;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class FrameworkResourceIT extends FrameworkResourceTest {
}
