package org.integrationevidence.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same black-box suite against the packaged application. */
@QuarkusIntegrationTest
class HttpCachingIT extends HttpCachingTest {
}
