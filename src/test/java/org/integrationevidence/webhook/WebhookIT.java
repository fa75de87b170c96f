package org.integrationevidence.webhook;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The webhook tests against the packaged application (its environment allow-lists 127.0.0.1, see the pom). */
@QuarkusIntegrationTest
class WebhookIT extends WebhookTest {
}
