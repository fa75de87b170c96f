package org.integrationevidence.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DestinationsUnitTest {

    private static final List<Destinations.Cidr> NONE = List.of();

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByAddress(Destinations.literal(literal).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
            "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255", "100.100.100.200", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "0.0.0.0", "240.0.0.1", "168.63.129.16", "::1", "::", "fe80::1",
            "fc00::1", "fd00:ec2::254", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "64:ff9b::a00:1",
            "2002:a00:1::1"})
    void refusesInternalRangesAndMetadataAddresses(String address) throws UnknownHostException {
        assertTrue(Destinations.refusal(ip(address), NONE).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::1111",
            "::ffff:8.8.8.8"})
    void allowsPublicUnicastAddresses(String address) throws UnknownHostException {
        assertEquals(java.util.Optional.empty(), Destinations.refusal(ip(address), NONE), address);
    }

    @Test
    void anAllowListLetsThroughOnlyWhatItNames() throws UnknownHostException {
        List<Destinations.Cidr> loopback = List.of(Destinations.Cidr.parse("127.0.0.1/32"), Destinations.Cidr.parse("::1"));
        assertEquals(java.util.Optional.empty(), Destinations.refusal(ip("127.0.0.1"), loopback));
        assertEquals(java.util.Optional.empty(), Destinations.refusal(ip("::1"), loopback));
        assertTrue(Destinations.refusal(ip("127.0.0.2"), loopback).isPresent());
        assertTrue(Destinations.refusal(ip("10.0.0.1"), loopback).isPresent());
        List<Destinations.Cidr> network = List.of(Destinations.Cidr.parse("10.1.0.0/16"));
        assertEquals(java.util.Optional.empty(), Destinations.refusal(ip("10.1.200.3"), network));
        assertTrue(Destinations.refusal(ip("10.2.0.1"), network).isPresent());
        assertThrows(IllegalArgumentException.class, () -> Destinations.Cidr.parse("example.org/8"));
        assertThrows(IllegalArgumentException.class, () -> Destinations.Cidr.parse("10.0.0.0/33"));
    }

    @Test
    void urlsMustBeAbsoluteHttpsWithoutCredentialsOrFragment() {
        assertEquals(URI.create("https://cms.example.org/hooks"), Destinations.parse("https://cms.example.org/hooks", true, NONE));
        for (String url : List.of("http://cms.example.org/", "ftp://example.org/", "https:///path", "/relative",
                "https://user:pw@example.org/", "https://example.org/#fragment", "not a url")) {
            assertThrows(IllegalArgumentException.class, () -> Destinations.parse(url, true, NONE), url);
        }
        assertEquals(URI.create("http://cms.example.org/"), Destinations.parse("http://cms.example.org/", false, NONE));
        // Plain http to an allow-listed address literal is allowed even where https is required.
        assertEquals(URI.create("http://127.0.0.1:9000/"), Destinations.parse("http://127.0.0.1:9000/", true,
                List.of(Destinations.Cidr.parse("127.0.0.1/32"))));
    }

    @Test
    void everyAddressAHostResolvesToMustBeAllowedSoARebindingResolverCannotSteerInward() throws UnknownHostException {
        InetAddress publicAddress = ip("93.184.215.14");
        InetAddress internal = ip("10.0.0.7");
        URI url = URI.create("https://hooks.example.org/x");
        assertEquals(publicAddress, Destinations.resolve(url, NONE, host -> new InetAddress[] {publicAddress}));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Destinations.resolve(url, NONE, host -> new InetAddress[] {publicAddress, internal}));
        assertTrue(refused.getMessage().contains("10.0.0.7"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Destinations.resolve(url, NONE, host -> {
            throw new UnknownHostException(host);
        }));
    }
}
