package chat.clickclack.http;

import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Who the client really is, and whether it spoke HTTPS, when a reverse proxy stands in front of us.
 *
 * <p>Security: {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are just headers — any client can send
 * them. They are believed only when the TCP peer is one of the configured {@code trusted_proxies}
 * (addresses or CIDR ranges); from anyone else they are ignored, so a client cannot pick its own address
 * (to dodge per-address limits) or claim a scheme it did not use.
 */
public final class ForwardedHeaders {
    private record Range(byte[] network, int prefixBits) {}

    private final List<Range> trusted;

    public ForwardedHeaders(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(ForwardedHeaders::range).toList();
    }

    /** Whether the request reached us over HTTPS: TLS on our own socket, or a trusted proxy saying so. */
    public boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        var proto = ctx.header("X-Forwarded-Proto");
        return proto != null && trusts(ctx.req().getRemoteAddr())
                && "https".equals(proto.split(",")[0].trim().toLowerCase(Locale.ROOT));
    }

    /** The scheme the client used: "https" or "http". */
    public String scheme(Context ctx) {
        return secure(ctx) ? "https" : "http";
    }

    /**
     * The client's address: the peer itself, or — behind trusted proxies — the nearest address in
     * {@code X-Forwarded-For} that is not one of them (entries further left are the client's own claims).
     */
    public String clientAddress(Context ctx) {
        var peer = ctx.req().getRemoteAddr();
        var forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trusts(peer)) {
            return peer;
        }
        var hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].trim();
            if (!hop.isEmpty() && !trusts(hop)) {
                return hop;
            }
        }
        return peer;
    }

    boolean trusts(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        var bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        return trusted.stream().anyMatch(range -> contains(range, bytes));
    }

    private static boolean contains(Range range, byte[] address) {
        if (range.network().length != address.length) {
            return false;
        }
        int bits = address.length * 8;
        var shift = bits - range.prefixBits();
        var mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(shift).shiftLeft(shift);
        return new BigInteger(1, address).and(mask).equals(new BigInteger(1, range.network()).and(mask));
    }

    private static Range range(String entry) {
        var slash = entry.indexOf('/');
        var address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("trusted_proxies: '" + entry + "' is not an IP address or CIDR range");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("trusted_proxies: bad prefix length in '" + entry + "'");
            }
        }
        return new Range(address, prefix);
    }

    /** The bytes of an IP literal, or null for anything else (never a DNS lookup). */
    private static byte[] literal(String text) {
        var t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean ipv4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = t.contains(":") && t.matches("[0-9a-fA-F:.%a-zA-Z0-9]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
