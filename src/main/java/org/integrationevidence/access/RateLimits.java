package org.integrationevidence.access;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.NetUtil;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.integrationevidence.common.EvidenceConfig;
import org.integrationevidence.common.Problem;
import org.integrationevidence.common.ProblemType;
import org.integrationevidence.common.RouteProblems;

/**
 * Rate limits (evidence.rate-limit.*), checked on the HTTP router before a key is looked up or a body read:
 * requests with a key count against that key, from whatever address; requests without one against the client's
 * address. Refused keys count against the address apart, with a much smaller allowance: past it, the address is
 * locked out, valid keys included, so guessing keys is slow even for a client that also holds a real one.
 * <p>
 * The client's address is the connection's, or what a trusted proxy says when quarkus.http.proxy.* allow it.
 * IPv6 addresses count by their /64 prefix, which one client usually has whole. Each instance keeps its own
 * buckets in memory: behind a load balancer, a client gets each instance's allowance. The health checks are exempt
 * (evidence.rate-limit.exempt-paths), so that probes are never refused.
 */
@ApplicationScoped
public class RateLimits {

    private static final String KEY_POLICY = "key";
    private static final String ADDRESS_POLICY = "address";
    /**
     * After Quarkus's CORS filter (route order -300, priority 300), so that a cross-origin read refused here still
     * carries Access-Control-Allow-Origin and its page can read the 429; before authentication (order -200).
     */
    private static final int ROUTE_ORDER = -250;
    /** The largest Retry-After and RateLimit {@code t}: whole seconds of a long of nanoseconds. */
    public static final long MAX_RETRY_AFTER_SECONDS = Long.MAX_VALUE / 1_000_000_000L + 1;
    /** The longest RateLimit-Policy value: the longer policy name, the largest capacity (an int) and period in seconds. */
    public static final int MAX_POLICY_LENGTH = policy(ADDRESS_POLICY, Integer.MAX_VALUE, Long.MAX_VALUE).length();
    /** The longest RateLimit value: remaining requests (at most the capacity) and whole seconds of a long of nanoseconds. */
    public static final int MAX_LIMIT_LENGTH = limit(ADDRESS_POLICY, Integer.MAX_VALUE, MAX_RETRY_AFTER_SECONDS).length();

    @Inject
    EvidenceConfig config;

    @Inject
    RouteProblems problems;

    private TokenBuckets keys;
    private TokenBuckets addresses;
    private TokenBuckets refusedKeys;
    private final ConcurrentHashMap<String, Long> lockedOut = new ConcurrentHashMap<>();

    void register(@Observes Router router) {
        EvidenceConfig.RateLimit limits = config.rateLimit();
        if (!limits.enabled()) {
            return;
        }
        long now = System.nanoTime();
        keys = new TokenBuckets(limits.keyRequests(), limits.keyPeriod(), now);
        addresses = new TokenBuckets(limits.addressRequests(), limits.addressPeriod(), now);
        refusedKeys = new TokenBuckets(limits.failedKeys(), limits.failedKeyPeriod(), now);
        // After SecurityHeaders, BodySizeLimit and CORS, before authentication.
        router.route().order(ROUTE_ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String path = context.request().path();
        if (path != null && config.rateLimit().exemptPaths().stream().anyMatch(path::startsWith)) {
            context.next();
            return;
        }
        long now = System.nanoTime();
        String address = clientOf(context.request().remoteAddress());
        Long until = lockedOut.get(address);
        if (until != null && until - now > 0) {
            long seconds = seconds(until - now);
            context.response().putHeader(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
            problems.send(context, Problem.of(ProblemType.TOO_MANY_REQUESTS, "Too many refused API keys came from this "
                    + "address, so every request from it is refused for " + describe(config.rateLimit().lockout())
                    + ". Retry after " + plural(seconds, "second") + ".", context.request().path()));
            return;
        }
        String authorization = context.request().getHeader(HttpHeaderNames.AUTHORIZATION);
        boolean withKey = authorization != null;
        // Buckets are named by the key's hash, so that no key is kept in memory longer than its request.
        TokenBuckets buckets = withKey ? keys : addresses;
        String policy = withKey ? KEY_POLICY : ADDRESS_POLICY;
        String key = withKey ? ApiKeyAuthenticationMechanism.keyIn(authorization) : null;
        TokenBuckets.Take take = buckets.take(withKey ? ApiKeyService.hash(key != null ? key : authorization) : address, now);
        context.response()
                .putHeader("RateLimit-Policy", policy(policy, buckets.capacity(), Math.max(1, buckets.period().toSeconds())))
                .putHeader("RateLimit", limit(policy, take.remaining(), ceilSeconds(take.fullInNanos())));
        if (take.allowed()) {
            context.next();
            return;
        }
        long seconds = seconds(take.retryAfterNanos());
        context.response().putHeader(HttpHeaderNames.RETRY_AFTER, Long.toString(seconds));
        String who = withKey ? "This API key has made" : "This address has made";
        String what = withKey ? " requests" : " requests without an API key";
        problems.send(context, Problem.of(ProblemType.TOO_MANY_REQUESTS, who + " more than " + buckets.capacity() + what
                + " in " + describe(buckets.period()) + ". Retry after " + plural(seconds, "second") + ".", context.request().path()));
    }

    /** The RateLimit-Policy header (draft-ietf-httpapi-ratelimit-headers): quota {@code q} per window {@code w} seconds. */
    private static String policy(String name, int quota, long windowSeconds) {
        return "\"" + name + "\";q=" + quota + ";w=" + windowSeconds;
    }

    /** The RateLimit header: {@code r} requests left now, the whole quota again in {@code t} seconds. */
    private static String limit(String name, long remaining, long fullInSeconds) {
        return "\"" + name + "\";r=" + remaining + ";t=" + fullInSeconds;
    }

    /** A key was refused (see AuthenticationProblems): counts against the address, and may lock it out. */
    void keyRefused(RoutingContext context) {
        if (refusedKeys == null) {
            return;
        }
        long now = System.nanoTime();
        String address = clientOf(context.request().remoteAddress());
        TokenBuckets.Take take = refusedKeys.take(address, now);
        if (!take.allowed() || take.remaining() == 0) {
            lockedOut.put(address, now + config.rateLimit().lockout().toNanos());
        }
        lockedOut.values().removeIf(until -> until - now <= 0);
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
