package org.integrationevidence.oai;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class OaiPmhIT extends OaiPmhTest {
}
