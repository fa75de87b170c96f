package org.integrationevidence.outcome;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class OutcomeDomainResourceIT extends OutcomeDomainResourceTest {
}
