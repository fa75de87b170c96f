package org.integrationevidence.feed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class SavedSearchIT extends SavedSearchTest {
}
