package org.integrationevidence.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class OwaspApiTop10IT extends OwaspApiTop10Test {
}
