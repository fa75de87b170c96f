package org.integrationevidence.changes;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class ChangeFeedIT extends ChangeFeedTest {
}
