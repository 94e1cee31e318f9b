package chat.clickclack.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Where sign-in mail goes out: {@code smtp_url} ({@code smtp://user:pass@host:587}, STARTTLS when the server
 * offers it; {@code smtps://…:465}, TLS from the first byte) and {@code smtp_from}. Null when not configured.
 *
 * @param host     SMTP server
 * @param port     its port (default 587 for smtp, 465 for smtps)
 * @param tls      true for smtps:// (implicit TLS)
 * @param username login, or null for none
 * @param password password, or null
 * @param from     the From address of sign-in mail
 */
public record Smtp(String host, int port, boolean tls, String username, String password, String from) {
    static Smtp load(BiFunction<String, String, String> value) {
        var url = value.apply("smtp_url", null);
        var from = value.apply("smtp_from", null);
        if (url == null || url.isBlank()) {
            if (from != null && !from.isBlank()) {
                throw new ConfigLoader.ConfigException("smtp_from is set but smtp_url is not; set both to send sign-in links");
            }
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw bad(url);
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps") || uri.getHost() == null) {
            throw bad(url);
        }
        if (from == null || !validAddress(from)) {
            throw new ConfigLoader.ConfigException("smtp_from must be the sender's address, e.g. chat@example.com or"
                    + " \"ClickClack <chat@example.com>\", got '" + (from == null ? "" : from) + "'");
        }
        boolean tls = scheme.equals("smtps");
        int port = uri.getPort() == -1 ? (tls ? 465 : 587) : uri.getPort();
        String user = null;
        String pass = null;
        if (uri.getRawUserInfo() != null) {
            var parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            pass = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new Smtp(uri.getHost(), port, tls, user, pass, from.trim());
    }

    private static boolean validAddress(String from) {
        try {
            new InternetAddress(from.trim(), true);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static ConfigLoader.ConfigException bad(String url) {
        // The URL may hold a password: never echo it.
        return new ConfigLoader.ConfigException(
                "smtp_url must look like smtp://user:password@host:587 or smtps://user:password@host:465");
    }

    @Override
    public String toString() {
        return "Smtp[" + (tls ? "smtps" : "smtp") + "://" + host + ":" + port + ", from " + from + "]";
    }
}
