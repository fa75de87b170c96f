package org.integrationevidence.imports;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class ImportIT extends ImportTest {
}
