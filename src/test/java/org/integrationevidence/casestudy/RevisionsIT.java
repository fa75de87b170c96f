package org.integrationevidence.casestudy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class RevisionsIT extends RevisionsTest {
}
