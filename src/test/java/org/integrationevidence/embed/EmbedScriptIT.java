package org.integrationevidence.embed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application. */
@QuarkusIntegrationTest
class EmbedScriptIT extends EmbedScriptTest {
}
