package org.integrationevidence.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where deliveries may go. A destination is an absolute http(s) URL without credentials or fragment; every address its
 * host resolves to must be a public unicast address: loopback, private, link-local, carrier-grade NAT, multicast,
 * reserved and unspecified ranges, and the cloud providers' metadata addresses, are refused unless an operator
 * allow-lists them ({@code evidence.webhooks.allowed-destinations}). Checked at registration and again before every
 * delivery, after resolving the host, and the delivery then connects to the address that was checked, so a name that
 * resolves elsewhere a moment later (DNS rebinding) changes nothing. Pure logic: no I/O but the resolver passed in.
 */
final class Destinations {

    private Destinations() {
    }

    /** Resolves a host name to its addresses; the default is the system resolver. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    static final Resolver SYSTEM = InetAddress::getAllByName;

    /** A range of addresses: a prefix length over an IPv4 or IPv6 address. */
    record Cidr(byte[] network, int prefix, String text) {

        /** {@code 127.0.0.1/32}, {@code ::1/128}, or a bare address (the range of that one address). */
        static Cidr parse(String text) {
            String trimmed = text.strip();
            int slash = trimmed.indexOf('/');
            String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
            byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "\"" + text + "\" is not an IP address or a CIDR range such as 127.0.0.1/32"));
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length");
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length");
            }
            return new Cidr(bytes, prefix, trimmed);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    /** A named range that deliveries may not reach unless allow-listed. */
    private record Refused(Cidr range, String why) {
    }

    private static final List<Refused> REFUSED = List.of(
            refused("169.254.169.254/32", "a cloud metadata address"),
            refused("169.254.170.2/32", "a cloud metadata address"),
            refused("168.63.129.16/32", "a cloud metadata address"),
            refused("100.100.100.200/32", "a cloud metadata address"),
            refused("fd00:ec2::254/128", "a cloud metadata address"),
            refused("0.0.0.0/8", "in the unspecified (this network) range"),
            refused("10.0.0.0/8", "in a private range"),
            refused("100.64.0.0/10", "in the carrier-grade NAT range"),
            refused("127.0.0.0/8", "in the loopback range"),
            refused("169.254.0.0/16", "in the link-local range"),
            refused("172.16.0.0/12", "in a private range"),
            refused("192.0.0.0/24", "in the IETF protocol assignments range"),
            refused("192.168.0.0/16", "in a private range"),
            refused("198.18.0.0/15", "in the benchmarking range"),
            refused("224.0.0.0/4", "in the multicast range"),
            refused("240.0.0.0/4", "in the reserved range (and broadcast)"),
            refused("::/128", "the unspecified address"),
            refused("::1/128", "the loopback address"),
            refused("fe80::/10", "in the link-local range"),
            refused("fc00::/7", "in the unique local (private) range"),
            refused("ff00::/8", "in the multicast range"));

    private static Refused refused(String cidr, String why) {
        return new Refused(Cidr.parse(cidr), why);
    }

    /**
     * Why a delivery may not go to this address, or empty when it may: allow-listed, or a public unicast address.
     * An IPv4 address embedded in IPv6 (mapped {@code ::ffff:0:0/96}, NAT64 {@code 64:ff9b::/96}, 6to4
     * {@code 2002::/16}) is judged as the IPv4 address it reaches.
     */
    static Optional<String> refusal(InetAddress address, List<Cidr> allowed) {
        byte[] bytes = address.getAddress();
        for (Cidr cidr : allowed) {
            if (cidr.contains(bytes)) {
                return Optional.empty();
            }
        }
        for (Refused refused : REFUSED) {
            if (refused.range().contains(bytes)) {
                return Optional.of(address.getHostAddress() + " is " + refused.why() + " (" + refused.range().text() + ")");
            }
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                try {
                    return refusal(InetAddress.getByAddress(embedded), allowed)
                            .map(why -> address.getHostAddress() + " reaches " + why);
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    private static byte[] embeddedIpv4(byte[] v6) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= v6[i] == 0;
        }
        mapped &= v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
        boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = v6[i] == 0;
        }
        if (mapped || nat64) {
            return new byte[] {v6[12], v6[13], v6[14], v6[15]};
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return new byte[] {v6[2], v6[3], v6[4], v6[5]};
        }
        return null;
    }

    /**
     * The destination URL, checked for its form: absolute, http or https (https only when {@code requireHttps}, unless
     * its host is an allow-listed address), a host, no user information, no fragment. The message says what is wrong,
     * for a 400 naming {@code url}.
     */
    static URI parse(String url, boolean requireHttps, List<Cidr> allowed) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("must be an absolute https URL");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not carry a user name or password; authenticate by the signature");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment (#...)");
        }
        if (scheme.equals("http") && requireHttps && !allowListedLiteral(uri.getHost(), allowed)) {
            throw new IllegalArgumentException("must use https (plain http is refused here: evidence.webhooks.require-https)");
        }
        return uri;
    }

    private static boolean allowListedLiteral(String host, List<Cidr> allowed) {
        Optional<byte[]> bytes = literal(host);
        return bytes.isPresent() && allowed.stream().anyMatch(cidr -> cidr.contains(bytes.get()));
    }

    /**
     * The first address of the host that a delivery may reach, after resolving it; every address it resolves to must
     * be allowed, so that no answer of the resolver can steer a delivery inward.
     *
     * @throws IllegalArgumentException saying why not: the host does not resolve, or an address is refused
     */
    static InetAddress resolve(URI destination, List<Cidr> allowed, Resolver resolver) {
        String host = destination.getHost();
        InetAddress[] addresses;
        try {
            addresses = literal(host).isPresent()
                    ? new InetAddress[] {InetAddress.getByAddress(literal(host).get())}
                    : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("names a host that does not resolve (" + host + ")");
        }
        if (addresses.length == 0) {
            throw new IllegalArgumentException("names a host that does not resolve (" + host + ")");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = refusal(address, allowed);
            if (why.isPresent()) {
                throw new IllegalArgumentException("resolves to an address deliveries may not reach: " + why.get()
                        + "; an operator can allow it with evidence.webhooks.allowed-destinations");
            }
        }
        return addresses[0];
    }

    /** The bytes of an IP address literal (IPv6 with or without brackets), or empty for a host name. */
    static Optional<byte[]> literal(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.isEmpty()) {
            return Optional.empty();
        }
        boolean v4 = h.chars().allMatch(c -> Character.isDigit(c) || c == '.') && h.chars().filter(c -> c == '.').count() == 3;
        boolean v6 = h.indexOf(':') >= 0 && h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            String[] parts = h.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3) {
                    return Optional.empty();
                }
                int value = Integer.parseInt(parts[i]);
                if (value > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) value;
            }
            return Optional.of(bytes);
        }
        try {
            // A literal with colons is parsed without any lookup.
            return Optional.of(InetAddress.getByName(h).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
