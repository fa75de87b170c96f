package org.integrationevidence.search;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class PlacesIT extends PlacesTest {
}
