package org.integrationevidence.casestudy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class FindingsIT extends FindingsTest {
}
