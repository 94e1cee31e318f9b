package chat.clickclack.cli;

import chat.clickclack.config.Config;
import chat.clickclack.http.ListenAddress;

/** The base of links the CLI prints: public_url, or where the server last listened (with a note on stderr). */
final class LinkBase {
    private LinkBase() {}

    /**
     * The configured public_url; otherwise the address the server last announced (so a server on :9090 gets
     * links to :9090, not to the default), with a note on stderr, since only public_url knows the address
     * people really use (a proxy, a domain name).
     */
    static String of(Config config, String listenUrl) {
        if (config.publicUrlConfigured()) {
            return config.publicUrl();
        }
        var base = listenUrl != null ? listenUrl : config.publicUrl();
        if (!base.equals(ListenAddress.DEFAULT_URL)) {
            System.err.println("note: public_url is not set, so the link uses " + base
                    + (listenUrl != null ? " (where the server last listened)" : "")
                    + "; set public_url to the address people open, e.g. CLICKCLACK_PUBLIC_URL=https://chat.example.com"
                    + " or public_url = … in the config file");
        }
        return base;
    }
}
