package chat.clickclack.callbacks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which IP addresses a callback may never reach: everything that is not a public unicast address. A server
 * that POSTs to URLs its users choose must not become their way into its own network (SSRF): loopback,
 * private ranges, link-local (where cloud metadata services answer), CGNAT, multicast and the unspecified
 * address are refused, and so are the IPv6 forms that embed an IPv4 address (IPv4-mapped, IPv4-compatible,
 * NAT64 and 6to4), which are judged by the address they embed.
 *
 * <p>Java turns an IPv4-mapped IPv6 literal ({@code ::ffff:127.0.0.1}) into an {@link Inet4Address} already;
 * the other embeddings are unpacked here.
 */
public final class AddressRules {
    private AddressRules() {}

    /** Why the address is refused, or empty for a public unicast address. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return refusal4(v4.getAddress());
        }
        var b = address.getAddress();
        if (address instanceof Inet6Address && b.length == 16) {
            var embedded = embeddedIpv4(b);
            if (embedded != null) {
                return refusal4(embedded).map(reason -> reason + " (embedded in an IPv6 address)");
            }
            if (address.isAnyLocalAddress()) {
                return Optional.of("the unspecified address");
            }
            if (address.isLoopbackAddress()) {
                return Optional.of("a loopback address");
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
                return Optional.of("a link-local address");
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return Optional.of("a site-local address");
            }
            if ((b[0] & 0xfe) == 0xfc) {
                // fc00::/7, unique local addresses; fd00:ec2::254 (AWS's IPv6 metadata service) is one of them
                return Optional.of(isAwsMetadata(b) ? "a cloud metadata address" : "a private (unique local) address");
            }
            if ((b[0] & 0xff) == 0xff) {
                return Optional.of("a multicast address");
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("a documentation address");
            }
            return Optional.empty();
        }
        return Optional.of("an unknown kind of address");
    }

    private static Optional<String> refusal4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) {
            return Optional.of("a cloud metadata address");
        }
        if (a0 == 0) {
            return Optional.of(a1 == 0 && a2 == 0 && a3 == 0 ? "the unspecified address" : "a reserved address (0.0.0.0/8)");
        }
        if (a0 == 127) {
            return Optional.of("a loopback address");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("a private address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("a shared (CGNAT) address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("a link-local address");
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return Optional.of("a reserved address (192.0.0.0/24)");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Optional.of("a documentation address");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("a multicast address");
        }
        if (a0 >= 240) {
            return Optional.of(a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255 ? "the broadcast address"
                    : "a reserved address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) forms. */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = true;
        for (int i = 0; i < 12; i++) {
            zeroPrefix &= b[i] == 0;
        }
        // ::a.b.c.d, but not :: or ::1 (judged as IPv6 above)
        if (zeroPrefix && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        boolean mapped = true; // ::ffff:a.b.c.d given as bytes Java did not convert
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = b[i] == 0;
        }
        if (nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static boolean isAwsMetadata(byte[] b) {
        // fd00:ec2::254
        if ((b[0] & 0xff) != 0xfd || b[1] != 0 || (b[2] & 0xff) != 0x0e || (b[3] & 0xff) != 0xc2) {
            return false;
        }
        for (int i = 4; i < 14; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[14] == 0x02 && b[15] == 0x54;
    }
}
