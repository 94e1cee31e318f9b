package chat.clickclack.callbacks;

import chat.clickclack.http.ApiException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Callback safety (SSRF). Users register URLs that this server then POSTs to (slash command callbacks, event
 * subscriptions), so without a guard anyone who may register one could make the server reach its own
 * network: the database admin page on localhost, a router at 192.168.0.1, the cloud metadata service at
 * 169.254.169.254 that hands out credentials.
 *
 * <p>The rules: the URL is http or https, names a host and carries no user info; every address its host
 * resolves to must be public ({@link AddressRules}). One refused address refuses the whole host: a DNS
 * answer mixing a public and a private address is how an attacker would slip through a check that picks one.
 * The check runs at registration (400 with the reason) and again at every delivery, on the addresses the
 * connection then uses ({@link CallbackClient} hands exactly these to the connector), so a name that resolves
 * to a public address at registration and to 127.0.0.1 later (DNS rebinding) is refused. Redirects are never
 * followed: a 3xx is a failed delivery.
 *
 * <p>{@code allowed_callback_hosts} lets an operator allow internal hosts explicitly, by the host name or IP
 * address written in the URL (IPv6 without brackets); those hosts skip the address rules.
 */
public final class CallbackGuard {
    /** Longest callback URL accepted. */
    public static final int MAX_URL_LENGTH = 2048;

    /** Resolves a host name to its addresses; tests inject answers. */
    @FunctionalInterface
    public interface HostResolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;

        HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
    }

    /** A callback refused by the rules at delivery time. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    private final Set<String> allowedHosts;
    private final HostResolver resolver;

    public CallbackGuard(Collection<String> allowedHosts, HostResolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(CallbackGuard::normalHost).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    public CallbackGuard(Collection<String> allowedHosts) {
        this(allowedHosts, HostResolver.SYSTEM);
    }

    /** Checks a URL given at registration; 400 naming the rule it breaks. */
    public URI requireSafe(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ApiException.Invalid(field + " is required");
        }
        var url = raw.strip();
        if (url.length() > MAX_URL_LENGTH) {
            throw new ApiException.Invalid(field + " must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ApiException.Invalid(field + " is not a valid URL");
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ApiException.Invalid(field + " must be an http:// or https:// URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ApiException.Invalid(field + " must name a host, e.g. https://bots.example.com/deploy");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ApiException.Invalid(field + " must not carry a user name or password");
        }
        var host = normalHost(uri.getHost());
        if (!allowed(host)) {
            try {
                check(host);
            } catch (Refused e) {
                throw new ApiException.Invalid(field + " is not allowed: " + e.getMessage()
                        + " (an operator can allow internal hosts with allowed_callback_hosts)");
            }
        }
        return uri;
    }

    /** Whether an operator allowed this host (as written in the URL) past the address rules. */
    public boolean allowed(String host) {
        return allowedHosts.contains(normalHost(host));
    }

    /**
     * The addresses a delivery to {@code host} may connect to: all of them, checked; an allowed host's as
     * resolved. Throws {@link Refused} when the host does not resolve or any address breaks the rules.
     */
    public List<InetAddress> resolveChecked(String host) throws Refused {
        var name = normalHost(host);
        if (allowed(name)) {
            return resolve(name);
        }
        return check(name);
    }

    private List<InetAddress> check(String host) throws Refused {
        var addresses = resolve(host);
        for (var address : addresses) {
            var refusal = AddressRules.refusal(address);
            if (refusal.isPresent()) {
                throw new Refused(host + (host.equals(address.getHostAddress()) ? "" : " resolves to "
                        + address.getHostAddress() + ",") + " is " + refusal.get());
            }
        }
        return addresses;
    }

    private List<InetAddress> resolve(String host) throws Refused {
        try {
            if (host.contains(":") || host.matches("[0-9.]+")) {
                // An IP literal (IPv6, dotted or numeric IPv4): parsed as written, never looked up in DNS.
                return List.of(InetAddress.getByName(host));
            }
            var addresses = resolver.resolve(host);
            if (addresses.isEmpty()) {
                throw new Refused("the host " + host + " does not resolve");
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " does not resolve");
        }
    }

    /** Lower case, without the brackets of an IPv6 literal. */
    static String normalHost(String host) {
        var h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
