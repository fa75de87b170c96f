package org.integrationevidence.problem;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class ErrorResponsesIT extends ErrorResponsesTest {
}
