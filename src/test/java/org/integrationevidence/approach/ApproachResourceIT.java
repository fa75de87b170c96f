package org.integrationevidence.approach;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class ApproachResourceIT extends ApproachResourceTest {
}
