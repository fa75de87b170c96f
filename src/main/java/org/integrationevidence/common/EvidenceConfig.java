package org.integrationevidence.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, all under {@code evidence.*} and overridable by environment variables. */
@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {

    /**
     * Directory of the embedded database (and, later, the search index): an absolute path, or a relative one
     * starting with {@code ./} (H2 refuses implicitly relative paths). Env: EVIDENCE_DATA_DIR.
     */
    @WithDefault("./data")
    String dataDir();

    /** Seed data settings. */
    Seed seed();

    /** List paging settings. */
    Paging paging();

    interface Seed {
        /** Load the seed case studies and taxonomy on the first start with an empty database. Env: EVIDENCE_SEED_ENABLED. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Paging {
        /** Page size when a list request gives no {@code limit}. */
        @WithDefault("20")
        int defaultLimit();

        /** Largest {@code limit} a client may ask for. */
        @WithDefault("100")
        int maxLimit();
    }
}
