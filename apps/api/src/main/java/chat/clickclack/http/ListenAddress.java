package chat.clickclack.http;

/**
 * Where the server really listens and the address to open in a browser: {@code :8080} binds every
 * interface, which is not the same as 127.0.0.1, and a browser needs a concrete host.
 *
 * @param host the host as bound ({@code 0.0.0.0} for every interface)
 * @param port the bound port (a chosen one when 0 was asked for)
 */
public record ListenAddress(String host, int port) {
    /** The public URL a server on the default address gets when public_url is not set. */
    public static final String DEFAULT_URL = "http://localhost:8080";

    public static ListenAddress of(String configuredHost, int boundPort) {
        return new ListenAddress(configuredHost.isEmpty() ? "0.0.0.0" : configuredHost, boundPort);
    }

    public boolean allInterfaces() {
        return host.equals("0.0.0.0") || host.equals("::");
    }

    /** {@code http://HOST:PORT} as bound. */
    public String boundUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** A URL for this machine's browser: localhost when every interface is bound. */
    public String localUrl() {
        return allInterfaces() ? "http://localhost:" + port : boundUrl();
    }
}
