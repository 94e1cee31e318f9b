package chat.clickclack.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small stand-in for GitHub's authorize, token, user and orgs endpoints, over real HTTP on a random port.
 * It is as strict as GitHub where the server's safety depends on it: a code works once, only with the
 * redirect_uri it was issued for and with the PKCE verifier whose S256 challenge came with the authorize
 * request. "Signing in at GitHub" is {@link #signInAs}: the authorize page approves as that user at once.
 */
final class GitHubStandIn implements AutoCloseable {
    record Account(long id, String login, String name, List<String> orgs) {}

    private record Grant(Account account, String challenge, String redirectUri) {}

    static final String CLIENT_ID = "Iv1.standin";
    static final String CLIENT_SECRET = "standin-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer http;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Account> tokens = new ConcurrentHashMap<>();
    /** Every authorize request's query, for the test to look at. */
    final List<Map<String, String>> authorizeRequests = new CopyOnWriteArrayList<>();
    private volatile Account signedIn;
    private int serial;

    GitHubStandIn() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/login/oauth/authorize", this::authorize);
        http.createContext("/login/oauth/access_token", this::token);
        http.createContext("/api/user/orgs", ex -> withToken(ex, a -> a.orgs().stream().map(o -> Map.of("login", o)).toList()));
        http.createContext("/api/user", ex -> withToken(ex, a -> Map.of("id", a.id(), "login", a.login(), "name", a.name(),
                "avatar_url", "")));
        http.start();
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    void signInAs(Account account) {
        this.signedIn = account;
    }

    private void authorize(HttpExchange ex) throws IOException {
        var q = query(ex.getRequestURI().getRawQuery());
        authorizeRequests.add(q);
        if (!CLIENT_ID.equals(q.get("client_id")) || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null || q.get("state") == null) {
            respond(ex, 400, Map.of("error", "bad authorize request"));
            return;
        }
        String code;
        synchronized (this) {
            code = "code-" + (++serial);
        }
        codes.put(code, new Grant(signedIn, q.get("code_challenge"), q.get("redirect_uri")));
        ex.getResponseHeaders().add("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        var form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            respond(ex, 200, Map.of("error", "incorrect_client_credentials"));
            return;
        }
        var grant = codes.remove(form.getOrDefault("code", "")); // a code works once
        if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            respond(ex, 200, Map.of("error", "bad_verification_code",
                    "error_description", "The code passed is incorrect or expired."));
            return;
        }
        var token = "gho_" + grant.account().id() + "_" + System.nanoTime();
        tokens.put(token, grant.account());
        respond(ex, 200, Map.of("access_token", token, "token_type", "bearer", "scope", "read:user"));
    }

    private void withToken(HttpExchange ex, Function<Account, Object> answer) throws IOException {
        var header = ex.getRequestHeaders().getFirst("Authorization");
        var account = header == null ? null : tokens.get(header.replace("Bearer ", ""));
        if (account == null) {
            respond(ex, 401, Map.of("message", "Bad credentials"));
            return;
        }
        respond(ex, 200, answer.apply(account));
    }

    private static void respond(HttpExchange ex, int status, Object body) throws IOException {
        var bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static Map<String, String> query(String raw) {
        var out = new HashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (var pair : raw.split("&")) {
            var eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Map<String, String> query(URI uri) {
        return query(uri.getRawQuery());
    }

    private static String s256(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
