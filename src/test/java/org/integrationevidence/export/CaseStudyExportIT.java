package org.integrationevidence.export;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class CaseStudyExportIT extends CaseStudyExportTest {
}
