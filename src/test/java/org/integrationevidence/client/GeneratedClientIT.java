package org.integrationevidence.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class GeneratedClientIT extends GeneratedClientTest {
}
