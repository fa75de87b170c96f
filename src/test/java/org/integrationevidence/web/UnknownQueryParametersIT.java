package org.integrationevidence.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class UnknownQueryParametersIT extends UnknownQueryParametersTest {
}
