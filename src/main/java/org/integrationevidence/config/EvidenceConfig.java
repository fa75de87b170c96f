package org.integrationevidence.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings, all under {@code evidence.*} and overridable by environment variables. Safe at static
 * initialization, where Quarkus makes the ObjectMapper that JsonConfiguration sets up; in JVM mode that runs at each
 * start, with the environment of that start.
 */
@StaticInitSafe
@ConfigMapping(prefix = "evidence")
public interface EvidenceConfig {

    /**
     * Directory of the embedded database and of the search index: an absolute path, or a relative one
     * starting with {@code ./} (H2 refuses implicitly relative paths). Env: EVIDENCE_DATA_DIR.
     */
    @WithDefault("./data")
    String dataDir();

    /**
     * The address the public reaches the service at, such as {@code https://evidence.example.org/}: absolute URLs in
     * answers (paging links, JSON-LD identifiers, the Atom feed, Location) are built on it. When it is not set, they
     * are built on the address each request was sent to (its Host header, or a trusted proxy's forwarded headers),
     * and the validators of answers that carry them differ by that address. Set it in production, behind a proxy or
     * a CDN above all. Env: EVIDENCE_PUBLIC_BASE_URL.
     */
    Optional<String> publicBaseUrl();

    /**
     * The repository's name, as citations of its case studies give their author and publisher (case studies have no
     * personal authors). Env: EVIDENCE_REPOSITORY_NAME.
     */
    @WithDefault("Integration Evidence Repository")
    String repositoryName();

    /** Seed data settings. */
    Seed seed();

    /** List paging settings. */
    Paging paging();

    /** Search index settings. */
    Search search();

    /** API key settings. */
    Keys keys();

    /** Audit log settings. */
    Audit audit();

    /** The OAI-PMH provider at /oai. */
    Oai oai();

    /** Webhook subscriptions and their deliveries (docs/guide/webhooks.md). */
    Webhooks webhooks();

    /** Webhook deliveries' settings, under {@code evidence.webhooks.*}. */
    interface Webhooks {

        /**
         * Whether this instance sends deliveries. Subscriptions are still managed, and events still planned, without it;
         * another instance sending for the same database delivers them. Env: EVIDENCE_WEBHOOKS_ENABLED.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * Addresses and ranges (CIDR, such as {@code 127.0.0.1/32} or {@code 10.1.0.0/16}) that deliveries may reach although
         * they are loopback, private, link-local or otherwise refused. An allow-listed address literal may also be sent
         * plain http when https is required. Env: EVIDENCE_WEBHOOKS_ALLOWED_DESTINATIONS (comma-separated).
         */
        Optional<List<String>> allowedDestinations();

        /** Whether destinations must be https URLs (true in production). Env: EVIDENCE_WEBHOOKS_REQUIRE_HTTPS. */
        @WithDefault("true")
        boolean requireHttps();

        /** How long to wait for a connection to a receiver. Env: EVIDENCE_WEBHOOKS_CONNECT_TIMEOUT. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long a delivery may take in all, from connecting to the end of the answer. Env: EVIDENCE_WEBHOOKS_TIMEOUT. */
        @WithDefault("15s")
        Duration timeout();

        /** How much of a receiver's answer is read (the rest is dropped with the connection). Env: EVIDENCE_WEBHOOKS_MAX_RESPONSE_SIZE. */
        @WithDefault("4K")
        MemorySize maxResponseSize();

        /** Deliveries sent at once by this instance, to all receivers. Env: EVIDENCE_WEBHOOKS_SENDERS. */
        @WithDefault("8")
        int senders();

        /** Deliveries sent at once by this instance to one host and port. Env: EVIDENCE_WEBHOOKS_PER_DESTINATION. */
        @WithDefault("2")
        int perDestination();

        /**
         * How often this instance looks for deliveries due, and for changes committed by other instances; a change
         * committed here is planned at once. Env: EVIDENCE_WEBHOOKS_POLL_INTERVAL.
         */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How long an instance holds a subscription to send its deliveries in order. Env: EVIDENCE_WEBHOOKS_LEASE. */
        @WithDefault("60s")
        Duration lease();

        /** Retries of failed deliveries. */
        Retry retry();

        interface Retry {
            /** The wait after the first failure; each later one is three times the one before. Env: EVIDENCE_WEBHOOKS_RETRY_INITIAL_INTERVAL. */
            @WithDefault("5s")
            Duration initialInterval();

            /** The longest wait between two attempts. Env: EVIDENCE_WEBHOOKS_RETRY_MAX_INTERVAL. */
            @WithDefault("4h")
            Duration maxInterval();

            /**
             * How long a delivery is retried before its subscription is disabled (the delivery stays queued, and is sent
             * first when the subscription is resumed). At least 24 hours in production. Env: EVIDENCE_WEBHOOKS_RETRY_PERIOD.
             */
            @WithDefault("28h")
            Duration period();
        }

        /**
         * Failed attempts in a row (refusals such as 400 or 404 included) after which a subscription is disabled.
         * Env: EVIDENCE_WEBHOOKS_DISABLE_AFTER_FAILURES.
         */
        @WithDefault("20")
        int disableAfterFailures();

        /** How long the previous secret keeps signing after a rotation, by default. Env: EVIDENCE_WEBHOOKS_ROTATION_OVERLAP. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /** A subscription whose oldest pending delivery is older than this is reported as behind by the health check. Env: EVIDENCE_WEBHOOKS_BEHIND_AFTER. */
        @WithDefault("15m")
        Duration behindAfter();

        /** Subscriptions one owner (of API keys) may have. Env: EVIDENCE_WEBHOOKS_MAX_PER_OWNER. */
        @WithDefault("100")
        int maxPerOwner();

        /** How long delivered and failed deliveries stay in the delivery log. Env: EVIDENCE_WEBHOOKS_LOG_RETENTION. */
        @WithDefault("30d")
        Duration logRetention();
}

    interface Oai {
        /** The repository's name in answers to Identify. Env: EVIDENCE_OAI_REPOSITORY_NAME. */
        @WithDefault("Integration Evidence Repository")
        String repositoryName();

        /**
         * Where harvesters write about the repository, in answers to Identify: set it to an address that is read (the
         * default is a placeholder). Env: EVIDENCE_OAI_ADMIN_EMAIL.
         */
        @WithDefault("admin@example.org")
        String adminEmail();

        /**
         * The host in record identifiers ({@code oai:<host>:<slug>}): harvesters keep identifiers for good, so set it
         * once, to the domain harvesters know the repository by. When it is not set, the host of
         * {@code evidence.public-base-url}, else {@code localhost}. Env: EVIDENCE_OAI_IDENTIFIER_HOST.
         */
        Optional<String> identifierHost();

        /** Most records or headers in one answer of a list; the rest follows by resumption token. Env: EVIDENCE_OAI_PAGE_SIZE. */
        @WithDefault("100")
        int pageSize();

        /** How long a resumption token is accepted after it was issued. Env: EVIDENCE_OAI_TOKEN_LIFETIME. */
        @WithDefault("24h")
        Duration tokenLifetime();
    }

    interface Audit {
        /** How long audit events are kept; older ones are deleted, hourly. Env: EVIDENCE_AUDIT_RETENTION. */
        @WithDefault("400d")
        Duration retention();

        /**
         * How many audit events may wait to be written. Events are written in batches off the request path; if the
         * database falls this far behind, further events are dropped (and counted in the log) rather than slowing
         * every request. Env: EVIDENCE_AUDIT_QUEUE_CAPACITY.
         */
        @WithDefault("10000")
        int queueCapacity();
    }

    /** The Atom feeds: saved searches and WebSub. */
    Feeds feeds();

    interface Feeds {
        /**
         * The WebSub hub (W3C WebSub, section 4) that publishers of the Atom feeds notify and readers may subscribe at,
         * such as {@code https://hub.example.org/}: every Atom feed then names it in a {@code <link rel="hub">} and in
         * its {@code Link} header. When it is not set, the feeds name no hub; a value that is not an http or https URL
         * stops the service at start. The service does not notify the hub. Env: EVIDENCE_FEEDS_WEBSUB_HUB.
         */
        Optional<String> websubHub();

        /**
         * Most saved searches kept (POST /api/v1/feeds/searches); when there are this many, saving another is refused
         * with 409 ({@code /problems/saved-searches-full}) until an editor deletes some. Saving one that exists is
         * always answered. Env: EVIDENCE_FEEDS_MAX_SAVED_SEARCHES.
         */
        @WithDefault("100000")
        int maxSavedSearches();
    }

    /** Limits on what one request may hold. */
    Limits limits();

    /** JSON documents: limits of the parser, below which the API's own validation names the field at fault. */
    Json json();

    interface Limits {
        /** Largest request body, except on the paths below. Env: EVIDENCE_LIMITS_MAX_BODY_SIZE. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /**
         * Path prefixes exempt from {@link #maxBodySize()}: bulk imports, which stream their bodies and enforce their
         * own limit. quarkus.http.limits.max-body-size still bounds every body. Env: EVIDENCE_LIMITS_BODY_SIZE_EXEMPT_PATHS.
         */
        @WithDefault("/api/v1/imports")
        List<String> bodySizeExemptPaths();
    }

    /**
     * Rate limits, kept in memory by each instance: token buckets that refill evenly over their period, so a client
     * may spend a whole quota at once, then goes at the refill rate.
     */
    RateLimit rateLimit();

    interface RateLimit {
        /** Whether any request is limited; off for benchmarks only. Env: EVIDENCE_RATE_LIMIT_ENABLED. */
        @WithDefault("true")
        boolean enabled();

        /** Requests without a key per client address and {@link #addressPeriod()}. Env: EVIDENCE_RATE_LIMIT_ADDRESS_REQUESTS. */
        @WithDefault("300")
        int addressRequests();

        /** Env: EVIDENCE_RATE_LIMIT_ADDRESS_PERIOD. */
        @WithDefault("1m")
        Duration addressPeriod();

        /** Requests per API key and {@link #keyPeriod()}, from any address. Env: EVIDENCE_RATE_LIMIT_KEY_REQUESTS. */
        @WithDefault("600")
        int keyRequests();

        /** Env: EVIDENCE_RATE_LIMIT_KEY_PERIOD. */
        @WithDefault("1m")
        Duration keyPeriod();

        /**
         * Refused keys (unknown, revoked, expired, malformed) allowed per presented key, and apart per client address,
         * within {@link #failedKeyPeriod()}; past either, a refused key is answered 429 instead of 401. Valid keys
         * and requests without a key are never refused for it. Env: EVIDENCE_RATE_LIMIT_FAILED_KEYS.
         */
        @WithDefault("10")
        int failedKeys();

        /**
         * The period of {@link #failedKeys()}, and how long a refused key is remembered and refused without asking
         * the database. Env: EVIDENCE_RATE_LIMIT_FAILED_KEY_PERIOD.
         */
        @WithDefault("10m")
        Duration failedKeyPeriod();

        /**
         * Path prefixes never limited: the health checks, which load balancers and orchestrators probe from a few
         * addresses (often one that clients share, a proxy's), and must not be refused into taking the instance out.
         * Env: EVIDENCE_RATE_LIMIT_EXEMPT_PATHS.
         */
        @WithDefault("/q/health")
        List<String> exemptPaths();
    }

    interface Json {
        /** Deepest nesting of arrays and objects; case studies need 3. Env: EVIDENCE_JSON_MAX_NESTING_DEPTH. */
        @WithDefault("32")
        int maxNestingDepth();

        /** Longest string, in characters; the longest field (a case study's body) takes 20,000. Env: EVIDENCE_JSON_MAX_STRING_LENGTH. */
        @WithDefault("100000")
        int maxStringLength();

        /**
         * Most items of one array read into a list of an input, checked before the list's own {@code @Size}, so that
         * a hundred thousand invalid items are not each validated. Env: EVIDENCE_JSON_MAX_ARRAY_LENGTH.
         */
        @WithDefault("1000")
        int maxArrayLength();

        /** Longest number, in digits and signs. Env: EVIDENCE_JSON_MAX_NUMBER_LENGTH. */
        @WithDefault("50")
        int maxNumberLength();
    }

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

    /** HTTP caching of anonymous reads (see CacheHeaders). */
    HttpCache httpCache();

    interface HttpCache {
        /** How long a site or a CDN may serve an anonymous read without asking again. Env: EVIDENCE_HTTP_CACHE_MAX_AGE. */
        @WithDefault("60s")
        Duration maxAge();

        /**
         * How long after that it may still serve it while it asks again in the background.
         * Env: EVIDENCE_HTTP_CACHE_STALE_WHILE_REVALIDATE.
         */
        @WithDefault("5m")
        Duration staleWhileRevalidate();
    }

    /** Export settings. */
    Exports exports();

    interface Exports {
        /**
         * Case studies read from the database and written per batch: memory of an export is that of one batch.
         * Env: EVIDENCE_EXPORTS_BATCH_SIZE.
         */
        @WithDefault("500")
        int batchSize();
    }

    /** Log output (see JsonLogs and RequestIds). */
    Logs logs();

    interface Logs {
        /**
         * Write the console log as one JSON object per line, the request id in {@code mdc.requestId}, for a log
         * collector to parse; plain text otherwise. On in the prod profile. Env: EVIDENCE_LOGS_JSON.
         */
        @WithDefault("false")
        boolean json();

        /**
         * Log one line per request (AccessLog): method, path (keys in it redacted), status, bytes and milliseconds,
         * never the query string, headers or client address. On in the prod profile. Env: EVIDENCE_LOGS_ACCESS.
         */
        @WithDefault("false")
        boolean access();
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

        /**
         * How long a paging cursor stays valid, counted from the start of the 24th of it in which it was issued (so
         * that pages stay byte-identical, see CaseStudySearch#cursorIssuedAt). Env: EVIDENCE_SEARCH_CURSOR_LIFETIME.
         */
        @WithDefault("24h")
        Duration cursorLifetime();

        /**
         * How long the index snapshot behind a cursor is kept after a newer one exists, so that paging meanwhile sees
         * no duplicates or gaps. Later, paging continues from the cursor's sort position in the current index.
         * Env: EVIDENCE_SEARCH_SNAPSHOT_RETENTION.
         */
        @WithDefault("10m")
        Duration snapshotRetention();

        /**
         * Whether a first page is answered again from the one searched before in the same index snapshot (see
         * search.CaseStudySearch). Off only to measure the search itself (scripts/bench-search).
         * Env: EVIDENCE_SEARCH_REUSE_FIRST_PAGES.
         */
        @WithDefault("true")
        boolean reuseFirstPages();

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
