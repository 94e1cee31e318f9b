package chat.clickclack.config;

import java.util.function.BiFunction;

/**
 * GitHub sign-in: an OAuth app's {@code github_client_id} and {@code github_client_secret}, optionally
 * {@code github_allowed_org} (only its members may sign in), and the base URLs of GitHub's web
 * ({@code github_oauth_url}: authorize and token) and API ({@code github_api_url}) endpoints, which tests and
 * GitHub Enterprise set. Null when not configured.
 */
public record GitHubOAuth(String clientId, String clientSecret, String allowedOrg, String oauthUrl, String apiUrl) {
    public static final String DEFAULT_OAUTH_URL = "https://github.com";
    public static final String DEFAULT_API_URL = "https://api.github.com";

    static GitHubOAuth load(BiFunction<String, String, String> value) {
        var id = blankToNull(value.apply("github_client_id", null));
        var secret = blankToNull(value.apply("github_client_secret", null));
        var org = blankToNull(value.apply("github_allowed_org", null));
        var oauthUrl = url("github_oauth_url", value.apply("github_oauth_url", DEFAULT_OAUTH_URL));
        var apiUrl = url("github_api_url", value.apply("github_api_url", DEFAULT_API_URL));
        if (id == null && secret == null) {
            if (org != null) {
                throw new ConfigLoader.ConfigException("github_allowed_org needs github_client_id and github_client_secret");
            }
            return null;
        }
        if (id == null || secret == null) {
            throw new ConfigLoader.ConfigException("GitHub sign-in needs both github_client_id and github_client_secret");
        }
        if (org != null && !org.matches("[A-Za-z0-9-]{1,39}")) {
            throw new ConfigLoader.ConfigException("github_allowed_org must be an organization's login, got '" + org + "'");
        }
        return new GitHubOAuth(id, secret, org, oauthUrl, apiUrl);
    }

    private static String url(String key, String raw) {
        if (!raw.matches("https?://[^/\\s]+(/\\S*)?")) {
            throw new ConfigLoader.ConfigException(key + " must be an http(s) URL, got '" + raw + "'");
        }
        return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "GitHubOAuth[" + clientId + ", org " + allowedOrg + ", " + oauthUrl + ", " + apiUrl + "]";
    }
}
