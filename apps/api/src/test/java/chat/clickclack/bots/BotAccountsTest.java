package chat.clickclack.bots;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.auth.TokenHash;
import chat.clickclack.db.Sql;
import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bot accounts and scoped bot tokens over the real HTTP API, against a real server and database. */
class BotAccountsTest {
    static TestServer server;
    static TestServer.User owner;
    static TestServer.User member;
    static String workspaceId;
    static String channelId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
        owner = server.newUser("Owner Crab");
        member = server.newUser("Member Crab");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Bot Reef"));
        workspaceId = created.at("/workspace/id").asText();
        channelId = created.at("/channel/id").asText();
        server.join(workspaceId, member, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Response createBot(String name, List<String> scopes) {
        var body = scopes == null ? Map.<String, Object>of("name", name) : Map.of("name", name, "scopes", scopes);
        return owner.api().post("/api/workspaces/" + workspaceId + "/bots", body);
    }

    @Test
    void anOwnerCreatesABotAndItsTokenIsShownOnceAndStoredHashed() {
        var created = createBot("Deploy Bot", null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.at("/bot/kind").asText()).isEqualTo("bot");
        assertThat(created.at("/bot/handle").asText()).isEqualTo("deploy-bot");
        var token = created.at("/bot_token/token").asText();
        assertThat(token).startsWith("ccb_");
        assertThat(created.at("/bot_token/scopes").toString())
                .isEqualTo("[\"channels:read\",\"messages:read\",\"messages:write\",\"realtime:read\"]");
        assertThat(created.at("/bot_token/workspace_id").asText()).isEqualTo(workspaceId);
        assertThat(created.at("/bot_token/last_used_at").isMissingNode()).isTrue();
        assertThat(created.at("/bot_token/revoked_at").isMissingNode()).isTrue();
        var botId = created.at("/bot/id").asText();

        // the database holds only the hash
        var stored = server.app().database().read(c -> Sql.list(c, "SELECT token_hash FROM sessions WHERE user_id = ?",
                row -> row.getString(1), botId));
        assertThat(stored).containsExactly(TokenHash.of(token));
        var dump = server.app().database().read(c -> Sql.list(c, "SELECT * FROM bot_tokens", row -> row.getString(1)));
        assertThat(dump.toString()).doesNotContain(token);

        // the bot is a member with the role bot, and the list shows it with its token, without the secret
        var members = owner.api().get("/api/workspaces/" + workspaceId + "/members?role=bot");
        assertThat(members.json().get("members").findValuesAsText("id")).contains(botId);
        var list = owner.api().get("/api/workspaces/" + workspaceId + "/bots");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(botId).doesNotContain(token).doesNotContain("\"token\"");
        var tokens = owner.api().get("/api/workspaces/" + workspaceId + "/bots/" + botId + "/tokens");
        assertThat(tokens.at("/bot_tokens/0/id").asText()).isEqualTo(created.at("/bot_token/id").asText());
        assertThat(tokens.body()).doesNotContain(token);
    }

    @Test
    void aBotTokenPostsAsTheBotAndRecordsWhenItWasUsed() {
        var created = createBot("Poster", null);
        var bot = server.bearer(created.at("/bot_token/token").asText());

        var posted = bot.post("/api/channels/" + channelId + "/messages", Map.of("body", "beep from the bot"));

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.at("/message/author_id").asText()).isEqualTo(created.at("/bot/id").asText());
        var me = bot.get("/api/me");
        assertThat(me.at("/user/kind").asText()).as(me.body()).isEqualTo("bot");
        var tokens = owner.api().get("/api/workspaces/" + workspaceId + "/bots/" + created.at("/bot/id").asText() + "/tokens");
        var lastUsed = tokens.at("/bot_tokens/0/last_used_at").asText();
        assertThat(Instant.parse(lastUsed)).isAfter(Instant.parse(created.at("/bot_token/created_at").asText()).minusSeconds(1));
    }

    @Test
    void aCallOutsideTheTokensScopesIs403AndWritesNothing() {
        var created = createBot("Reader", List.of("channels:read", "messages:read"));
        var bot = server.bearer(created.at("/bot_token/token").asText());
        long before = server.tailCursor();

        var post = bot.post("/api/channels/" + channelId + "/messages", Map.of("body", "not allowed"));
        var react = bot.post("/api/messages/msg_01JD000000000000000000000/reactions", Map.of("emoji", "crab"));

        assertThat(post.status()).isEqualTo(403);
        assertThat(post.error()).contains("messages:write");
        assertThat(react.status()).isEqualTo(403);
        assertThat(server.tailCursor()).isEqualTo(before);
        assertThat(bot.get("/api/channels/" + channelId + "/messages").status()).isEqualTo(200);
        // the socket needs realtime:read
        assertThat(WsClient.refusedStatus(server.url(), created.at("/bot_token/token").asText(),
                "?workspace_id=" + workspaceId)).isEqualTo(403);
    }

    @Test
    void aBotTokenCannotManageBotsCreateWorkspacesOrReachAnotherWorkspace() {
        var created = createBot("Boxed", List.copyOf(chat.clickclack.auth.BotScopes.ALL));
        var token = created.at("/bot_token/token").asText();
        var bot = server.bearer(token);
        var other = owner.api().post("/api/workspaces", Map.of("name", "Other Reef"));
        var otherId = other.at("/workspace/id").asText();

        assertThat(bot.post("/api/workspaces/" + workspaceId + "/bots", Map.of("name", "Child")).status()).isEqualTo(403);
        assertThat(bot.get("/api/workspaces/" + workspaceId + "/bots").status()).isEqualTo(403);
        assertThat(bot.post("/api/workspaces", Map.of("name", "Bot Land")).status()).isEqualTo(403);
        assertThat(bot.post("/api/auth/logout", null).status()).isEqualTo(403);
        assertThat(bot.get("/api/workspaces/" + otherId + "/channels").status()).isEqualTo(403);
        assertThat(bot.get("/api/search?workspace_id=" + otherId + "&q=reef").status()).isEqualTo(403);
        assertThat(bot.get("/api/workspaces/" + workspaceId + "/channels").status()).isEqualTo(200);
        // even if an operator adds the bot to another workspace, its token stays bound to its own
        server.app().database().write(tx -> chat.clickclack.workspaces.Workspaces.join(tx, otherId,
                created.at("/bot/id").asText(), "bot"));
        assertThat(bot.get("/api/workspaces/" + otherId + "/channels").status()).isEqualTo(403);
        assertThat(WsClient.refusedStatus(server.url(), token, "?workspace_id=" + otherId)).isEqualTo(403);
    }

    @Test
    void revokingATokenClosesTheBotsSocketsWith1008AndTheTokenStopsWorking() throws Exception {
        var created = createBot("Listener", null);
        var token = created.at("/bot_token/token").asText();
        var tokenId = created.at("/bot_token/id").asText();
        try (var ws = WsClient.connect(server.url(), token, workspaceId, null)) {
            var revoked = owner.api().post("/api/bot-tokens/" + tokenId + "/revoke", null);

            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(revoked.at("/bot_token/revoked_at").isMissingNode()).isFalse();
            assertThat(ws.awaitClose(3000)).isEqualTo(new WsClient.Closed(1008, "session revoked"));
        }
        assertThat(server.bearer(token).get("/api/me").status()).isEqualTo(401);
        // revoking again changes nothing and still answers the token
        var again = owner.api().post("/api/bot-tokens/" + tokenId + "/revoke", null);
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void aSecondTokenHasItsOwnScopesAndRevokingOneLeavesTheOther() {
        var created = createBot("Twin", null);
        var botId = created.at("/bot/id").asText();
        var issued = owner.api().post("/api/workspaces/" + workspaceId + "/bots/" + botId + "/tokens",
                Map.of("name", "ci", "scopes", List.of("reactions:write", "messages:read")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.at("/bot_token/name").asText()).isEqualTo("ci");
        var second = server.bearer(issued.at("/bot_token/token").asText());

        owner.api().post("/api/bot-tokens/" + created.at("/bot_token/id").asText() + "/revoke", null);

        assertThat(server.bearer(created.at("/bot_token/token").asText()).get("/api/me").status()).isEqualTo(401);
        assertThat(second.get("/api/channels/" + channelId + "/messages").status()).isEqualTo(200);
        assertThat(second.post("/api/channels/" + channelId + "/messages", Map.of("body", "x")).status()).isEqualTo(403);
        var tokens = owner.api().get("/api/workspaces/" + workspaceId + "/bots/" + botId + "/tokens");
        assertThat(tokens.json().get("bot_tokens")).hasSize(2);
    }

    @Test
    void membersCannotCreateOrListBotsOrRevokeTheirTokens() {
        var created = createBot("Guarded", null);
        var base = "/api/workspaces/" + workspaceId + "/bots";

        assertThat(member.api().post(base, Map.of("name", "Sneaky")).status()).isEqualTo(403);
        assertThat(member.api().get(base).status()).isEqualTo(403);
        assertThat(member.api().post("/api/bot-tokens/" + created.at("/bot_token/id").asText() + "/revoke", null)
                .status()).isEqualTo(403);
        assertThat(server.bearer(created.at("/bot_token/token").asText()).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void badInputIsAClear400() {
        var base = "/api/workspaces/" + workspaceId + "/bots";
        assertThat(owner.api().post(base, Map.of()).error()).isEqualTo("name is required");
        assertThat(owner.api().post(base, Map.of("name", "X", "scopes", List.of("everything"))).error())
                .contains("unknown scope 'everything'");
        assertThat(owner.api().post(base, Map.of("name", "X", "scopes", List.of())).status()).isEqualTo(400);
        assertThat(owner.api().post(base, Map.of("name", "X", "handle", "Not A Handle!")).status()).isEqualTo(400);
        assertThat(owner.api().post("/api/bot-tokens/btk_nope/revoke", null).status()).isEqualTo(404);
    }
}
