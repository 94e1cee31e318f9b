package chat.clickclack.auth;

import chat.clickclack.db.Sql;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.DisplayText;
import chat.clickclack.ids.Times;
import chat.clickclack.users.UserStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/** Users linked to GitHub accounts, keyed by GitHub's numeric user id (never by email or login). */
final class GitHubAccounts {
    private GitHubAccounts() {}

    static Optional<String> userFor(Connection c, long githubId) throws SQLException {
        return Sql.one(c, "SELECT user_id FROM github_accounts WHERE github_id = ?", row -> row.getString(1), githubId);
    }

    static void link(Connection c, long githubId, String login, String userId) throws SQLException {
        var now = Times.now();
        Sql.update(c, """
                INSERT INTO github_accounts (github_id, user_id, login, created_at, last_sign_in_at) VALUES (?, ?, ?, ?, ?)""",
                githubId, userId, login, now, now);
    }

    static void signedIn(Connection c, long githubId, String login) throws SQLException {
        Sql.update(c, "UPDATE github_accounts SET login = ?, last_sign_in_at = ? WHERE github_id = ?", login, Times.now(),
                githubId);
    }

    /** A new user for a GitHub account: their GitHub name (or login) and a handle from the login. */
    static String createUser(Connection c, GitHubApi.GitHubUser gh) throws SQLException {
        var user = UserStore.insert(c, displayName(gh), freeHandle(c, gh.login()));
        link(c, gh.id(), gh.login(), user.id());
        return user.id();
    }

    private static String displayName(GitHubApi.GitHubUser gh) {
        var name = gh.name().length() > 80 ? gh.name().substring(0, 80) : gh.name();
        try {
            return DisplayText.require("display_name", name);
        } catch (ApiException e) {
            return gh.login();
        }
    }

    private static String freeHandle(Connection c, String login) throws SQLException {
        var base = login.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        base = base.length() < 2 ? "gh-" + base : base;
        base = base.length() > 28 ? base.substring(0, 28) : base;
        if (base.equals("channel") || base.equals("here")) {
            base = "gh-" + base;
        }
        var candidate = base;
        for (int n = 2; UserStore.handleTaken(c, candidate, ""); n++) {
            candidate = base + n;
        }
        return candidate;
    }
}
