package org.integrationevidence.access;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.NetUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.cache.BoundedMaps;
import org.integrationevidence.config.EvidenceConfig;
import org.integrationevidence.problem.Problem;
import org.integrationevidence.problem.ProblemType;
import org.integrationevidence.problem.RouteProblems;
import org.integrationevidence.web.RouteOrder;

/**
 * Rate limits (evidence.rate-limit.*), checked on the HTTP router. Requests without a key count against the client's
 * address, before anything else is done for them; requests with a key count against the key, from whatever address,
 * once it is known to be a usable key.
 * <p>
 * Refused keys (unknown, revoked, expired, malformed) are throttled on their own, per presented key and per address,
 * and never at the cost of a valid key: past either allowance, a refused key is answered 429 instead of 401, while
 * a valid key from the same address, and requests without a key, go on as before. A key refused once is remembered
 * (by its hash) for the failed-key period, so that a client that keeps polling with a revoked key is answered
 * without asking the database; no refused key becomes usable later, since keys are only ever made by the service
 * (or provisioned at a start). Guessing is not what this guards against: a key is 256 random bits.
 * <p>
 * The client's address is the connection's, or what a trusted proxy says when quarkus.http.proxy.* allow it.
 * IPv6 addresses count by their /64 prefix, which one client usually has whole. Each instance keeps its own
 * buckets in memory: behind a load balancer, a client gets each instance's allowance. The health checks are exempt
 * (evidence.rate-limit.exempt-paths), so that probes are never refused.
 */
@ApplicationScoped
class RateLimits {

    private static final String KEY_POLICY = "key";
    private static final String ADDRESS_POLICY = "address";
    /** What a refused key is told, whether the database was asked this time or it was refused before. */
    static final String UNUSABLE_KEY = "The API key is unknown, revoked or expired.";
    /** The most refused keys remembered: each is a hash and a time, about 200 bytes. */
    static final int MAX_REMEMBERED_REFUSALS = 10_000;
    /** The largest Retry-After and RateLimit {@code t}: whole seconds of a long of nanoseconds. */
    public static final long MAX_RETRY_AFTER_SECONDS = Long.MAX_VALUE / 1_000_000_000L + 1;
    /** The longest RateLimit-Policy value: the longer policy name, the largest capacity (an int) and period in seconds. */
    public static final int MAX_POLICY_LENGTH = policy(ADDRESS_POLICY, Integer.MAX_VALUE, Long.MAX_VALUE).length();
    /** The longest RateLimit value: remaining requests (at most the capacity) and whole seconds of a long of nanoseconds. */
    public static final int MAX_LIMIT_LENGTH = limit(ADDRESS_POLICY, Integer.MAX_VALUE, MAX_RETRY_AFTER_SECONDS).length();

    /** Routing context key of the hash of the key a request presented. */
    private static final String PRESENTED_KEY = "evidence.presented-key";

    @Inject
    EvidenceConfig config;

    @Inject
    RouteProblems problems;

    private TokenBuckets keys;
    private TokenBuckets addresses;
    private TokenBuckets refusalsByKey;
    private TokenBuckets refusalsByAddress;
    /** Hashes of refused keys, and until when ({@link System#nanoTime()}) they are refused without a lookup. */
    private final ConcurrentHashMap<String, Long> refused = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        EvidenceConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled()) {
            return;
        }
        long now = System.nanoTime();
        keys = new TokenBuckets(limits.keyRequests(), limits.keyPeriod(), now);
        addresses = new TokenBuckets(limits.addressRequests(), limits.addressPeriod(), now);
        refusalsByKey = new TokenBuckets(limits.failedKeys(), limits.failedKeyPeriod(), now);
        refusalsByAddress = new TokenBuckets(limits.failedKeys(), limits.failedKeyPeriod(), now);
        router.route().order(RouteOrder.BEFORE_AUTHENTICATION).handler(this::beforeAuthentication);
        // Once the key is known to be usable, so that made-up keys never get buckets of their own.
        router.route().order(RouteOrder.AFTER_AUTHENTICATION).handler(this::afterAuthentication);
    }

    private boolean exempt(RoutingContext context) {
        String path = context.request().path();
        return path != null && config.rateLimit().exemptPaths().stream().anyMatch(path::startsWith);
    }

    /** Requests without a key take from their address's bucket; a key refused before is refused again at once. */
    private void beforeAuthentication(RoutingContext context) {
        if (exempt(context)) {
            context.next();
            return;
        }
        long now = System.nanoTime();
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        if (authorization != null) {
            // Named by the key's hash, so that no key is kept in memory longer than its request; another spelling of
            // the same header is the same key.
            String key = ApiKeyAuthenticationMechanism.keyIn(authorization);
            String hash = ApiKeyService.hash(key != null ? key : authorization);
            context.put(PRESENTED_KEY, hash);
            Long until = refused.get(hash);
            if (until != null && until - now > 0) {
                context.fail(new AuthenticationFailedException(UNUSABLE_KEY));
                return;
            }
            context.next();
            return;
        }
        take(context, addresses, ADDRESS_POLICY, clientOf(context.request().remoteAddress()), now,
                "This address has made more than %d requests without an API key in %s.");
    }

    /** Requests with a usable key take from the key's bucket, from whatever address they come. */
    private void afterAuthentication(RoutingContext context) {
        KeyHolder holder = context.user() instanceof QuarkusHttpUser user ? KeyHolder.of(user.getSecurityIdentity()) : null;
        if (holder == null || exempt(context)) {
            context.next();
            return;
        }
        take(context, keys, KEY_POLICY, Long.toString(holder.keyId()), System.nanoTime(),
                "This API key has made more than %d requests in %s.");
    }

    private void take(RoutingContext context, TokenBuckets buckets, String policy, String client, long now, String refusal) {
        TokenBuckets.Take take = buckets.take(client, now);
        context.response()
                .putHeader("RateLimit-Policy", policy(policy, buckets.capacity(), Math.max(1, buckets.period().toSeconds())))
                .putHeader("RateLimit", limit(policy, take.remaining(), ceilSeconds(take.fullInNanos())));
        if (take.allowed()) {
            context.next();
            return;
        }
        long seconds = seconds(take.retryAfterNanos());
        context.response().putHeader(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
        problems.send(context, Problem.of(ProblemType.TOO_MANY_REQUESTS, String.format(refusal, buckets.capacity(),
                describe(buckets.period())) + " Retry after " + plural(seconds, "second") + ".", context.request().path()));
    }

    /**
     * A key was refused (see AuthenticationProblems): it is remembered, and counts against the key and the address.
     * Gives the seconds to wait when either has refused more keys than its allowance, so that the refusal is a 429
     * with Retry-After instead of a 401; empty otherwise.
     */
    OptionalLong keyRefused(RoutingContext context) {
        if (refusalsByKey == null) {
            return OptionalLong.empty();
        }
        long now = System.nanoTime();
        String hash = context.get(PRESENTED_KEY);
        if (hash == null) {
            return OptionalLong.empty();
        }
        Duration period = config.rateLimit().failedKeyPeriod();
        BoundedMaps.put(refused, hash, now + period.toNanos(), MAX_REMEMBERED_REFUSALS, until -> until - now <= 0);
        TokenBuckets.Take byKey = refusalsByKey.take(hash, now);
        TokenBuckets.Take byAddress = refusalsByAddress.take(clientOf(context.request().remoteAddress()), now);
        if (byKey.allowed() && byAddress.allowed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(seconds(Math.max(byKey.retryAfterNanos(), byAddress.retryAfterNanos())));
    }

    /** The detail of a 429 for a refused key: whose allowance of refusals was used up is not told apart. */
    String tooManyRefusals(long seconds) {
        return "This API key was refused, and more than " + config.rateLimit().failedKeys() + " refused keys came with it "
                + "or from this address in " + describe(config.rateLimit().failedKeyPeriod()) + ". Requests without a "
                + "key, and valid keys, are not affected. Retry after " + plural(seconds, "second") + ".";
    }

    /** The RateLimit-Policy header (draft-ietf-httpapi-ratelimit-headers): quota {@code q} per window {@code w} seconds. */
    private static String policy(String name, int quota, long windowSeconds) {
        return "\"" + name + "\";q=" + quota + ";w=" + windowSeconds;
    }

    /** The RateLimit header: {@code r} requests left now, the whole quota again in {@code t} seconds. */
    private static String limit(String name, long remaining, long fullInSeconds) {
        return "\"" + name + "\";r=" + remaining + ";t=" + fullInSeconds;
    }

    /** The client an address stands for: an IPv4 address, or the /64 network of an IPv6 one. */
    static String clientOf(SocketAddress remote) {
        String host = remote == null ? null : remote.hostAddress();
        if (host == null) {
            return "unknown";
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null || bytes.length != 16) {
            return host;
        }
        boolean mappedIpv4 = true;
        for (int i = 0; i < 12; i++) {
            mappedIpv4 &= bytes[i] == (i < 10 ? 0 : (byte) 0xff);
        }
        if (mappedIpv4) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
    }

    /** Whole seconds to wait, at least one: a client told 0 would retry at once. */
    private static long seconds(long nanos) {
        return Math.max(1, ceilSeconds(nanos));
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long count, String unit) {
        return count == 1 ? "1 " + unit : count + " " + unit + "s";
    }
}
