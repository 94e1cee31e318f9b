package chat.clickclack.auth;

import chat.clickclack.config.GitHubOAuth;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The three GitHub calls of a sign-in: exchange the code (with the PKCE verifier), read the user, read their orgs. */
final class GitHubApi {
    /** Who GitHub says signed in: the numeric id is the identity; login and name are for display. */
    record GitHubUser(long id, String login, String name) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final GitHubOAuth config;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    GitHubApi(GitHubOAuth config) {
        this.config = config;
    }

    /** The user's access token for this code, or 401 when GitHub refuses the code (used, expired, wrong verifier). */
    String exchange(String code, String verifier, String redirectUri) {
        var form = form(Map.of("client_id", config.clientId(), "client_secret", config.clientSecret(), "code", code,
                "redirect_uri", redirectUri, "code_verifier", verifier));
        var request = HttpRequest.newBuilder(URI.create(config.oauthUrl() + "/login/oauth/access_token"))
                .timeout(TIMEOUT).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        var answer = call(request);
        if (answer.hasNonNull("error")) {
            throw new ApiException.Unauthorized("GitHub refused the sign-in (" + answer.path("error").asText()
                    + "); start again");
        }
        var token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new SignInErrors.ProviderFailed("GitHub answered without an access token");
        }
        return token;
    }

    GitHubUser user(String accessToken) {
        var user = call(api("/user", accessToken));
        long id = user.path("id").asLong(0);
        var login = user.path("login").asText("");
        if (id <= 0 || login.isEmpty()) {
            throw new SignInErrors.ProviderFailed("GitHub's user answer has no id or login");
        }
        var name = user.path("name").asText("");
        return new GitHubUser(id, login, name.isBlank() ? login : name.strip());
    }

    /** The logins of the user's organizations (first 100: enough to check one). */
    List<String> orgs(String accessToken) {
        var out = new ArrayList<String>();
        for (var org : call(api("/user/orgs?per_page=100", accessToken))) {
            out.add(org.path("login").asText(""));
        }
        return out;
    }

    private HttpRequest api(String path, String accessToken) {
        return HttpRequest.newBuilder(URI.create(config.apiUrl() + path)).timeout(TIMEOUT)
                .header("Accept", "application/vnd.github+json").header("Authorization", "Bearer " + accessToken)
                .header("User-Agent", "ClickClack").GET().build();
    }

    private JsonNode call(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignInErrors.ProviderFailed("could not reach GitHub; try again later");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInErrors.ProviderFailed("interrupted while asking GitHub");
        }
        if (response.statusCode() != 200) {
            throw new SignInErrors.ProviderFailed("GitHub answered " + response.statusCode() + " to "
                    + request.uri().getPath());
        }
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new SignInErrors.ProviderFailed("GitHub's answer was not JSON");
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
