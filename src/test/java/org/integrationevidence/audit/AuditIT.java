package org.integrationevidence.audit;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class AuditIT extends AuditTest {
}
