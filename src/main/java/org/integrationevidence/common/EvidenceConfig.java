package org.integrationevidence.common;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, all under {@code evidence.*} and overridable by environment variables. */
@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {

    /**
     * Directory of the embedded database and of the search index: an absolute path, or a relative one
     * starting with {@code ./} (H2 refuses implicitly relative paths). Env: EVIDENCE_DATA_DIR.
     */
    @WithDefault("./data")
    String dataDir();

    /** Seed data settings. */
    Seed seed();

    /** List paging settings. */
    Paging paging();

    /** Search index settings. */
    Search search();

    /** API key settings. */
    Keys keys();

    /** Bulk import settings. */
    Imports imports();

    interface Imports {
        /**
         * Largest import file, in bytes, counted while it is read: a larger one is refused with 413 and nothing is
         * written. {@code quarkus.http.limits.max-body-size} follows it. Env: EVIDENCE_IMPORTS_MAX_BYTES.
         */
        @WithDefault("20971520")
        long maxBytes();

        /** Most case studies in one import file; more is refused with 413. Env: EVIDENCE_IMPORTS_MAX_ROWS. */
        @WithDefault("20000")
        int maxRows();

        /**
         * How long the one transaction that writes an import's rows may run. Keep it well below
         * {@code evidence.search.gap-timeout}, or the index waits for the import's journal entries in vain.
         * Env: EVIDENCE_IMPORTS_TRANSACTION_TIMEOUT.
         */
        @WithDefault("3m")
        Duration transactionTimeout();
    }

    interface Keys {
        /**
         * An admin key to create when the service starts and no usable admin key exists: for deployments that set
         * their first key themselves. At least 43 characters (256 random bits in base64, for example from
         * {@code openssl rand -base64 32}). Read only while no admin key exists; remove it once others are made.
         * When it is not set, the service makes a key itself and writes it to {@code <data-dir>/initial-admin-key}.
         * Env: EVIDENCE_KEYS_BOOTSTRAP_ADMIN_KEY.
         */
        Optional<String> bootstrapAdminKey();
    }

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

    interface Search {
        /** How often the index looks for changes committed by other instances. Env: EVIDENCE_SEARCH_POLL_INTERVAL. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How often indexed changes are committed to disk (the journal replays anything newer after a crash).
         * Env: EVIDENCE_SEARCH_COMMIT_INTERVAL.
         */
        @WithDefault("5s")
        Duration commitInterval();

        /**
         * How long a gap in the journal's ids is waited for: an id taken by a transaction that has not committed
         * yet. Keep it well above the transaction timeout (60 s by default): a write transaction that runs longer
         * is indexed only at the next rebuild. Env: EVIDENCE_SEARCH_GAP_TIMEOUT.
         */
        @WithDefault("5m")
        Duration gapTimeout();

        /** How long a write waits for this instance's index to show it before it is answered anyway. Env: EVIDENCE_SEARCH_WRITE_WAIT. */
        @WithDefault("5s")
        Duration writeWait();

        /** How long a paging cursor stays valid. Env: EVIDENCE_SEARCH_CURSOR_LIFETIME. */
        @WithDefault("24h")
        Duration cursorLifetime();

        /**
         * How long the index snapshot behind a cursor is kept after a newer one exists, so that paging meanwhile sees
         * no duplicates or gaps. Later, paging continues from the cursor's sort position in the current index.
         * Env: EVIDENCE_SEARCH_SNAPSHOT_RETENTION.
         */
        @WithDefault("10m")
        Duration snapshotRetention();

        /** Longest {@code q}, in characters. Env: EVIDENCE_SEARCH_MAX_QUERY_LENGTH. */
        @WithDefault("500")
        int maxQueryLength();

        /** Most filter values in one request, over all filters. Env: EVIDENCE_SEARCH_MAX_FILTER_VALUES. */
        @WithDefault("100")
        int maxFilterValues();

        /**
         * How many searches run at once; the others wait their turn in arrival order. Searching is nearly all CPU
         * work, so many more at once than there are processors only makes each one slower. Default: the number of
         * processors plus one, so that a processor is not left idle while a search reads the database.
         * Env: EVIDENCE_SEARCH_CONCURRENCY.
         */
        OptionalInt concurrency();

        /** How long a search waits for its turn before it is answered 503 with Retry-After. Env: EVIDENCE_SEARCH_QUEUE_TIMEOUT. */
        @WithDefault("10s")
        Duration queueTimeout();
    }
}
