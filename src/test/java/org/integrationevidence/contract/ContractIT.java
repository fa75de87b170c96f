package org.integrationevidence.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application keeps the same contract. */
@QuarkusIntegrationTest
class ContractIT extends ContractTest {
}
