package org.integrationevidence.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

import org.integrationevidence.OwnDatabaseProfile;
import org.integrationevidence.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Rate limits, with allowances small enough to use up. Every test sends from addresses of its own, named in
 * X-Forwarded-For, which this profile trusts from the test client (as a deployment would from its proxy), so that
 * no test uses up another's allowance.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits extends OwnDatabaseProfile {
        public SmallLimits() {
            super("rate_limit_test",
                    "evidence.rate-limit.address-requests", "5",
                    "evidence.rate-limit.address-period", "1h",
                    "evidence.rate-limit.key-requests", "5",
                    "evidence.rate-limit.key-period", "1h",
                    "evidence.rate-limit.failed-keys", "3",
                    "evidence.rate-limit.failed-key-period", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    private static final String PATH = "/api/v1/evidence-levels";

    /**
     * The keys the tests use, made at once with the admin key, whose own allowance here is as small as any key's:
     * one request per key made. Made again when the service under test has a new database (and admin key).
     */
    private static Map<String, String> keys;
    private static String keysMadeWith;

    private static synchronized String key(String name) {
        String admin = TestKeys.admin();
        if (!admin.equals(keysMadeWith)) {
            keys = new java.util.HashMap<>();
            for (String each : List.of("first", "second", "valid", "other")) {
                keys.put(each, TestKeys.create("curator", "Rate limit tests"));
            }
            keys.put("monitor", TestKeys.create("monitor", "Rate limit monitoring"));
            keysMadeWith = admin;
        }
        return keys.get(name);
    }

    @Test
    void anAddressWithoutAKeyGetsItsAllowanceThen429() {
        for (int i = 1; i <= 5; i++) {
            from("203.0.113.10").when().get(PATH).then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"address\";q=5;w=3600"))
                    .header("RateLimit", matchesPattern("\"address\";r=" + (5 - i) + ";t=\\d+"));
        }
        tooMany(from("203.0.113.10").when().get(PATH).then())
                .body("detail", matchesPattern("This address has made more than 5 requests without an API key in 1 hour\\. "
                        + "Retry after \\d+ seconds\\."));
        // Another address, and the same address's IPv6 neighbours in other /64 networks, are not affected.
        from("203.0.113.11").when().get(PATH).then().statusCode(200);
    }

    @Test
    void ipv6AddressesCountByTheirNetwork() {
        for (int i = 1; i <= 5; i++) {
            from("2001:db8:1:2::" + i).when().get(PATH).then().statusCode(200);
        }
        tooMany(from("2001:db8:1:2::ffff").when().get(PATH).then());
        from("2001:db8:1:3::1").when().get(PATH).then().statusCode(200);
    }

    @Test
    void aKeyGetsItsAllowanceFromAnyAddressAndOtherKeysKeepTheirs() {
        String first = key("first");
        String second = key("second");
        for (int i = 1; i <= 5; i++) {
            from("203.0.113." + (100 + i)).spec(TestKeys.bearer(first)).when().get(PATH).then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"key\";q=5;w=3600"));
        }
        tooMany(from("203.0.113.106").spec(TestKeys.bearer(first)).when().get(PATH).then())
                .body("detail", matchesPattern("This API key has made more than 5 requests in 1 hour\\. Retry after \\d+ seconds\\."));
        // Another spelling of the same header is the same key, not a fresh allowance.
        tooMany(from("203.0.113.106").header("Authorization", "bEaReR   " + first + " ").when().get(PATH).then());
        from("203.0.113.106").spec(TestKeys.bearer(second)).when().get(PATH).then().statusCode(200);
        // Requests with a key do not use up the address's allowance for requests without one.
        from("203.0.113.101").when().get(PATH).then().statusCode(200);
    }

    @Test
    void refusedKeysFromOneAddressAreThrottledButNeverAValidKeyNorRequestsWithoutOne() {
        String valid = key("valid");
        for (int i = 0; i < 3; i++) {
            from("203.0.113.20").spec(TestKeys.bearer("iek_not-a-key-" + i)).when().get(PATH).then().statusCode(401)
                    .contentType("application/problem+json");
        }
        // The address's allowance of refused keys is used up: another made-up key is told to slow down...
        tooMany(from("203.0.113.20").spec(TestKeys.bearer("iek_not-a-key-3")).when().get(PATH).then())
                .header("WWW-Authenticate", nullValue())
                .body("detail", matchesPattern("This API key was refused, and more than 3 refused keys came with it or from "
                        + "this address in 1 hour\\. Requests without a key, and valid keys, are not affected\\. Retry after "
                        + "\\d+ seconds\\."));
        // ...while a valid key, and everyone at the address without a key (a NAT, a campus, a proxy), go on as before.
        for (int i = 0; i < 3; i++) {
            from("203.0.113.20").spec(TestKeys.bearer(valid)).when().get(PATH).then().statusCode(200);
            from("203.0.113.20").when().get(PATH).then().statusCode(200);
        }
    }

    @Test
    void aRefusedKeyThatKeepsPollingIsThrottledAloneFromAnyAddress() {
        // As a client whose key was revoked (or never existed) would: polling on, from wherever it runs.
        String refused = "iek_revoked-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            from("198.51.100." + (10 + i)).spec(TestKeys.bearer(refused)).when().get(PATH).then().statusCode(401)
                    .header("WWW-Authenticate", equalTo("Bearer realm=\"integration-evidence\""))
                    .body("detail", equalTo("The API key is unknown, revoked or expired."));
        }
        tooMany(from("198.51.100.13").spec(TestKeys.bearer(refused)).when().get(PATH).then());
        // Other keys, from the same addresses, are not affected.
        from("198.51.100.13").spec(TestKeys.bearer(key("other"))).when().get(PATH).then().statusCode(200);
    }

    @Test
    void aPageOnAnotherOriginCanReadTheRefusalOfItsRead() {
        for (int i = 1; i <= 5; i++) {
            from("203.0.113.30").header("Origin", "https://council.example").when().get(PATH).then().statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo("*"));
        }
        // Without Access-Control-Allow-Origin the browser would hide the 429, and its Retry-After, from the page.
        tooMany(from("203.0.113.30").header("Origin", "https://council.example").when().get(PATH).then())
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("RateLimit", matchesPattern("\"address\";r=0;t=\\d+"));
    }

    @Test
    void healthProbesAreNeverLimitedEvenFromAnAddressThatUsedItsAllowance() {
        for (int i = 1; i <= 5; i++) {
            from("203.0.113.40").when().get(PATH).then().statusCode(200);
        }
        tooMany(from("203.0.113.40").when().get(PATH).then());
        // A load balancer behind the same address (a proxy's) still sees the instance as live and ready.
        for (int i = 1; i <= 10; i++) {
            from("203.0.113.40").when().get("/q/health/ready").then().statusCode(200)
                    .header("RateLimit", nullValue())
                    .body("status", equalTo("UP"));
            from("203.0.113.40").when().get("/q/health/live").then().statusCode(200);
        }
    }

    @Test
    void refusedRequestsAreNotNamedByTheirPathsInTheMetrics() {
        for (int i = 1; i <= 5; i++) {
            from("203.0.113.50").when().get(PATH).then().statusCode(200);
        }
        String path = "/api/v1/case-studies/refused-" + System.nanoTime();
        tooMany(from("203.0.113.50").when().get(path).then());
        // Anyone can send any path: metrics named by them would grow without bound.
        String metrics = from("203.0.113.51").spec(TestKeys.bearer(key("monitor"))).when().get("/q/metrics").then()
                .statusCode(200).extract().asString();
        assertFalse(metrics.contains(path), "the refused request's path is in the metrics");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("status=\"429\"") && line.contains("uri=\"UNKNOWN\"")), "a 429 counted as UNKNOWN");
    }

    private static io.restassured.specification.RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static ValidatableResponse tooMany(ValidatableResponse response) {
        return response.statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9]\\d*"))
                .body("type", equalTo("/problems/too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429));
    }
}
