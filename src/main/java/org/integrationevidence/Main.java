package org.integrationevidence;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Before Quarkus starts, it turns off Quarkus' own check of request targets, which answers a
 * malformed one with an empty 400: {@link org.integrationevidence.web.HttpEdge} checks them first on the router
 * and answers with a problem document instead. Tests in process set the same property (pom.xml).
 */
@QuarkusMain
public final class Main {

    /** Read by Quarkus' HTTP server once, as it starts; a system property, not a configuration key. */
    static final String QUARKUS_URI_CHECK = "vertx.disableURIValidation";

    private Main() {
    }

    public static void main(String... args) {
        System.setProperty(QUARKUS_URI_CHECK, "true");
        Quarkus.run(args);
    }
}
