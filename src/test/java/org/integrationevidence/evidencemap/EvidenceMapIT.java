package org.integrationevidence.evidencemap;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application. */
@QuarkusIntegrationTest
class EvidenceMapIT extends EvidenceMapTest {
}
