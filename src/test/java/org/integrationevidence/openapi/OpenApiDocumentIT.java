package org.integrationevidence.openapi;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application serves the committed document and Swagger UI too. */
@QuarkusIntegrationTest
class OpenApiDocumentIT extends OpenApiDocumentTest {
}
