package chat.clickclack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Incoming webhooks over real HTTP, the way scripts call them: curl-like requests with Mattermost's documented
 * payloads (no API token, no cookie), against a real server and database; what they posted is read back over
 * the API as a member sees it.
 */
class IncomingWebhooksTest {
    static TestServer server;
    static TestServer.User owner;
    static String workspaceId;
    static String generalId;
    static String releasesId;
    static Webhook hook;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
        owner = server.newUser("Owner Crab");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Hook Reef"));
        workspaceId = created.at("/workspace/id").asText();
        generalId = created.at("/channel/id").asText();
        releasesId = owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "releases"))
                .at("/channel/id").asText();
        hook = server.app().database().write(tx -> Webhooks.create(tx, generalId, "CI", owner.id()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String key, String contentType, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.url() + "/hooks/" + key))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode newest(String channelId) {
        return owner.api().get("/api/channels/" + channelId + "/messages?mode=latest&limit=1").at("/messages/0");
    }

    @Test
    void curlDashDWithJsonPostsAsTheWebhooksBotAndAnswersOk() throws Exception {
        // curl -d '{"text":"deploy ok","username":"ci"}' $BASE/hooks/KEY
        var response = post(hook.key(), "application/x-www-form-urlencoded", "{\"text\":\"deploy ok\",\"username\":\"ci\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        var message = newest(generalId);
        assertThat(message.path("body").asText()).isEqualTo("deploy ok");
        assertThat(message.path("author_id").asText()).isEqualTo(hook.botId());
        assertThat(message.at("/author/kind").asText()).isEqualTo("bot");
        assertThat(message.at("/author/display_name").asText()).isEqualTo("CI");
        assertThat(message.path("override_username").asText()).as("shown as the script asked").isEqualTo("ci");
        assertThat(message.path("override_icon_url").isMissingNode()).isTrue();
    }

    @Test
    void anIconUrlIsShownAndABadOneIsA400() throws Exception {
        var ok = post(hook.key(), "application/json",
                "{\"text\": \"with icon\", \"icon_url\": \"https://example.com/ci.png\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        var message = newest(generalId);
        assertThat(message.path("override_icon_url").asText()).isEqualTo("https://example.com/ci.png");
        assertThat(message.path("override_username").isMissingNode()).isTrue();

        var bad = post(hook.key(), "application/json", "{\"text\": \"x\", \"icon_url\": \"javascript:alert(1)\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("icon_url");
        var spoof = post(hook.key(), "application/json", "{\"text\": \"x\", \"username\": \"admin\u202Egnp\"}");
        assertThat(spoof.statusCode()).isEqualTo(400);
    }

    @Test
    void theDocumentedJsonPayloadWithAChannelOverridePostsThere() throws Exception {
        var response = post(hook.key(), "application/json", """
                {"channel": "releases", "username": "test-automation",
                 "text": "#### Test results for July 27th, 2017\\n@channel please review failed tests."}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(newest(releasesId).path("body").asText()).startsWith("#### Test results for July 27th, 2017");
    }

    @Test
    void aPayloadFormFieldWithAttachmentsIsRenderedToMarkdown() throws Exception {
        var json = "{\"text\": \"build 7\", \"attachments\": [{\"color\": \"danger\", \"title\": \"tests failed\","
                + " \"title_link\": \"https://ci.example.com/7\", \"fields\": [{\"title\": \"Branch\", \"value\": \"main\"}]}]}";

        var response = post(hook.key(), "application/x-www-form-urlencoded",
                "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(newest(generalId).path("body").asText())
                .isEqualTo("build 7\n\n> 🟥 **[tests failed](https://ci.example.com/7)**\n>\n> **Branch**: main");
    }

    @Test
    void mistakesAreMattermostLike400sAndPostNothing() throws Exception {
        long before = server.tailCursor();

        var broken = post(hook.key(), "application/json", "{\"text\": ");
        var empty = post(hook.key(), "application/json", "{\"username\": \"ci\"}");
        var elsewhere = post(hook.key(), "application/json", "{\"text\": \"x\", \"channel\": \"nowhere\"}");
        var form = post(hook.key(), "application/x-www-form-urlencoded", "text=hello");

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).startsWith("{\"error\":\"Unable to parse incoming data");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).isEqualTo("{\"error\":\"No text specified\"}");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("Couldn't find the channel");
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(server.tailCursor()).isEqualTo(before);
    }

    @Test
    void aChannelOfAnotherWorkspaceCannotBeReachedByOverride() throws Exception {
        var other = owner.api().post("/api/workspaces", Map.of("name", "Other Reef"));
        var otherChannel = other.at("/channel/id").asText();

        var byId = post(hook.key(), "application/json", "{\"text\": \"x\", \"channel\": \"" + otherChannel + "\"}");

        assertThat(byId.statusCode()).isEqualTo(400);
        assertThat(owner.api().get("/api/channels/" + otherChannel + "/messages").json().path("messages")).isEmpty();
    }

    @Test
    void anUnknownOrRevokedKeyIs404() throws Exception {
        var revoked = server.app().database().write(tx -> Webhooks.create(tx, generalId, "Old", owner.id()));
        server.app().database().write(tx -> {
            Webhooks.revoke(tx, revoked.id());
            return null;
        });

        assertThat(post("cch_not-a-key", "application/json", "{\"text\": \"x\"}").statusCode()).isEqualTo(404);
        var gone = post(revoked.key(), "application/json", "{\"text\": \"x\"}");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).startsWith("{\"error\":");
    }

    @Test
    void theAuthenticatedMattermostEndpointPostsAsTheCallerAndAnswersMessageAndEvent() throws Exception {
        var posted = owner.api().post("/api/hooks/mattermost/" + releasesId,
                Map.of("text", "release 1.2", "attachments", java.util.List.of(Map.of("color", "good", "title", "shipped"))));

        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        assertThat(posted.at("/message/author_id").asText()).isEqualTo(owner.id());
        assertThat(posted.at("/message/body").asText()).isEqualTo("release 1.2\n\n> 🟩 **shipped**");
        assertThat(posted.at("/event/type").asText()).isEqualTo("message.created");
        assertThat(newest(releasesId).path("id").asText()).isEqualTo(posted.at("/message/id").asText());

        var form = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/hooks/mattermost/" + generalId))
                .header("Authorization", "Bearer " + owner.token())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("payload=" + URLEncoder.encode("{\"text\": \"from a form\"}",
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).as(form.body()).isEqualTo(201);
        assertThat(newest(generalId).path("body").asText()).isEqualTo("from a form");
    }

    @Test
    void anOwnerCreatesRotatesAndRevokesAWebhookOverTheApi() throws Exception {
        var base = "/api/workspaces/" + workspaceId + "/webhooks";
        var created = owner.api().post(base, Map.of("channel_id", releasesId, "name", "Deploys"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var id = created.at("/webhook/id").asText();
        var key = created.at("/webhook/key").asText();
        assertThat(key).startsWith("cch_");
        assertThat(post(key, "application/json", "{\"text\": \"first\"}").statusCode()).isEqualTo(200);
        var listed = owner.api().get(base);
        assertThat(listed.body()).contains(id).doesNotContain(key).doesNotContain("\"key\"");

        var rotated = owner.api().post("/api/webhooks/" + id + "/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        var newKey = rotated.at("/webhook/key").asText();
        assertThat(newKey).isNotEqualTo(key);
        assertThat(post(key, "application/json", "{\"text\": \"old key\"}").statusCode()).isEqualTo(404);
        assertThat(post(newKey, "application/json", "{\"text\": \"new key\"}").statusCode()).isEqualTo(200);
        assertThat(newest(releasesId).path("body").asText()).isEqualTo("new key");

        var revoked = owner.api().post("/api/webhooks/" + id + "/revoke", null);
        assertThat(revoked.at("/webhook/revoked_at").isMissingNode()).isFalse();
        assertThat(post(newKey, "application/json", "{\"text\": \"after revoke\"}").statusCode()).isEqualTo(404);
        assertThat(owner.api().post("/api/webhooks/" + id + "/rotate", null).status()).isEqualTo(409);
        assertThat(owner.api().post("/api/webhooks/" + id + "/revoke", null).status()).isEqualTo(200);
    }

    @Test
    void aWebhookCannotBeCreatedForAChannelOfAnotherWorkspace() {
        var other = owner.api().post("/api/workspaces", Map.of("name", "Third Reef"));

        var created = owner.api().post("/api/workspaces/" + workspaceId + "/webhooks",
                Map.of("channel_id", other.at("/channel/id").asText()));

        assertThat(created.status()).isEqualTo(404);
    }

    @Test
    void onlyTheKeysHashIsStored() {
        var hashes = server.app().database().read(c -> chat.clickclack.db.Sql.list(c,
                "SELECT key_hash FROM incoming_webhooks WHERE id = ?", row -> row.getString(1), hook.id()));
        assertThat(hashes).containsExactly(chat.clickclack.auth.TokenHash.of(hook.key()));
    }
}
