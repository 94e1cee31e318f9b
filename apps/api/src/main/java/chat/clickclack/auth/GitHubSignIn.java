package chat.clickclack.auth;

import chat.clickclack.config.GitHubOAuth;
import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.workspaces.Invites;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * GitHub sign-in (OAuth 2 authorization code with PKCE).
 *
 * <p>Security, in the order of the flow. {@code start} makes three secrets: the {@code state} sent to
 * GitHub, a PKCE verifier that never leaves the server (GitHub gets its S256 challenge), and a browser
 * binding set as a short-lived HttpOnly cookie. The callback is accepted only with a state we issued and
 * have not used (one use, 10 minutes) <em>and</em> the binding cookie of the browser that started it, so
 * an attacker cannot make a victim's browser finish the attacker's sign-in (login CSRF), and a replayed
 * callback finds its state gone. The code is exchanged with the verifier, so a code stolen on its way
 * back is useless to anyone else. The identity is GitHub's numeric user id; emails are not trusted to
 * link accounts. With {@code github_allowed_org}, only members of that organization get in. A GitHub
 * account not yet known here creates a user only when the org rule admits it or the flow carries a usable
 * invite — otherwise any GitHub user could sign up on a private server.
 */
public final class GitHubSignIn {
    public static final String STATE_COOKIE = "cc_github";
    public static final String COOKIE_PATH = "/api/auth/github";
    public static final Duration FLOW_TTL = Duration.ofMinutes(10);
    public static final String NOT_CONFIGURED = "GitHub sign-in is not configured on this server (an admin sets"
            + " github_client_id and github_client_secret)";

    /** A started flow, found by its state. */
    private record Pending(String bindingHash, String verifier, String inviteToken, String linkUserId) {}

    /** Where the browser goes next, and the binding cookie to set. */
    public record Started(String authorizeUrl, String binding) {}

    /** The signed-in user's new cookie session and where the browser goes now. */
    public record Finished(String sessionToken, String redirectTo) {}

    private final GitHubOAuth config;
    private final GitHubApi api;
    private final Database db;
    private final Supplier<String> baseUrl;
    private final Cache<String, Pending> pending = Caffeine.newBuilder()
            .expireAfterWrite(FLOW_TTL).maximumSize(10_000).build();

    public GitHubSignIn(GitHubOAuth config, Database db, Supplier<String> baseUrl) {
        this.config = config;
        this.api = config == null ? null : new GitHubApi(config);
        this.db = db;
        this.baseUrl = baseUrl;
    }

    public boolean configured() {
        return config != null;
    }

    private void requireConfigured() {
        if (config == null) {
            throw new SignInErrors.NotConfigured(NOT_CONFIGURED);
        }
    }

    String redirectUri() {
        return baseUrl.get() + "/api/auth/github/callback";
    }

    /** {@code inviteToken}: come back to this invite; {@code linkUserId}: the signed-in user to link GitHub to, or null. */
    public Started start(String inviteToken, String linkUserId) {
        requireConfigured();
        if (inviteToken != null && !inviteToken.matches("cci_[A-Za-z0-9_-]{10,100}")) {
            throw new ApiException.Invalid("invite must be an invite token (cci_…)");
        }
        var state = Ids.secret("");
        var verifier = Ids.secret("");
        var binding = Ids.secret("");
        pending.put(state, new Pending(TokenHash.of(binding), verifier, inviteToken, linkUserId));
        var query = new LinkedHashMap<String, String>();
        query.put("client_id", config.clientId());
        query.put("redirect_uri", redirectUri());
        query.put("scope", config.allowedOrg() == null ? "read:user" : "read:user read:org");
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        var url = config.oauthUrl() + "/login/oauth/authorize?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Started(url, binding);
    }

    /** Finishes the flow: every check of the class comment, then a new cookie session. */
    public Finished finish(String state, String code, String error, String binding) {
        requireConfigured();
        if (error != null && !error.isBlank()) {
            throw new ApiException.Forbidden("GitHub sign-in was not completed (" + error + ")");
        }
        if (state == null || state.isBlank() || code == null || code.isBlank()) {
            throw new ApiException.Invalid("the callback needs state and code");
        }
        // Removed before any other check: a state is good for one attempt, whatever its outcome.
        var flow = pending.asMap().remove(state);
        if (flow == null) {
            throw new ApiException.Invalid("this GitHub sign-in is unknown, expired or already used; start again");
        }
        if (binding == null || !TokenHash.of(binding).equals(flow.bindingHash())) {
            throw new ApiException.Invalid("this GitHub sign-in was not started in this browser; start again");
        }
        var accessToken = api.exchange(code, flow.verifier(), redirectUri());
        var gh = api.user(accessToken);
        var org = config.allowedOrg();
        if (org != null && api.orgs(accessToken).stream().noneMatch(o -> o.equalsIgnoreCase(org))) {
            throw new ApiException.Forbidden("only members of the GitHub organization " + org + " may sign in here");
        }
        var token = db.write(tx -> {
            var c = tx.connection();
            var linked = GitHubAccounts.userFor(c, gh.id());
            String userId;
            if (flow.linkUserId() != null) {
                if (linked.isPresent() && !linked.get().equals(flow.linkUserId())) {
                    throw new ApiException.Conflict("this GitHub account already signs in to another user");
                }
                if (linked.isEmpty()) {
                    GitHubAccounts.link(c, gh.id(), gh.login(), flow.linkUserId());
                }
                userId = flow.linkUserId();
            } else if (linked.isPresent()) {
                userId = linked.get();
            } else if (org != null || (flow.inviteToken() != null && Invites.usable(c, flow.inviteToken()).isPresent())) {
                userId = GitHubAccounts.createUser(c, gh);
            } else {
                throw new ApiException.Forbidden("there is no account here for GitHub user " + gh.login()
                        + "; ask a member for an invite link");
            }
            GitHubAccounts.signedIn(c, gh.id(), gh.login());
            return SessionStore.issue(tx, userId, "cookie", Sessions.COOKIE_SESSION_TTL).token();
        });
        return new Finished(token, flow.inviteToken() == null ? "/app" : "/app/invite/" + flow.inviteToken());
    }

    /** PKCE S256: base64url(sha256(verifier)), unpadded. */
    static String challenge(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "GitHubSignIn[" + (config == null ? "off" : config.clientId().toLowerCase(Locale.ROOT)) + "]";
    }
}
