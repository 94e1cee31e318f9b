package chat.clickclack.client;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.ClickClackJar;
import chat.clickclack.testing.ClickClackJar.Result;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat commands as a person or a script meets them: the real executable (the shaded jar as a child
 * process) against a real server, with its config in a temporary XDG_CONFIG_HOME.
 */
class ChatCliIT {
    @TempDir
    Path dir;

    private Path data;
    private String adaToken;
    private String bobToken;

    @BeforeEach
    void bootstrap() {
        data = dir.resolve("data");
        admin("bootstrap", "--name", "Ada", "--email", "ada@example.com", "--workspace", "Crustacean Labs");
        admin("user", "create", "--name", "Bob", "--email", "bob@example.com", "--workspace", "crustacean-labs");
        adaToken = admin("token", "create", "--email", "ada@example.com").stdout().strip();
        bobToken = admin("token", "create", "--email", "bob@example.com").stdout().strip();
    }

    @Test
    void loginStoresAnOwnerOnlyProfileThatEveryCommandThenUses() throws Exception {
        try (var server = ClickClackJar.serve(data)) {
            var login = chat("login", "--url", server.url() + "/", "--token", adaToken);

            assertThat(login.exitCode()).as(login.toString()).isZero();
            assertThat(login.stdout()).contains("@ada").contains("crustacean-labs");
            var file = dir.resolve("config/clickclack/config.json");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
            var profile = Api.JSON.readTree(Files.readString(file)).path("profiles").path("default");
            assertThat(profile.path("url").asText()).isEqualTo(server.url());
            assertThat(profile.path("token").asText()).isEqualTo(adaToken);
            assertThat(profile.path("workspace").asText()).matches("wsp_[0-9A-Z]{26}");

            var channels = chat("channels");
            assertThat(channels.exitCode()).as(channels.toString()).isZero();
            assertThat(channels.stdoutLines()).anySatisfy(line -> assertThat(line).matches("#general\tchn_[0-9A-Z]{26}\t.*"));
            var channelsJson = jsonLines(chat("channels", "--json"));
            assertThat(channelsJson).extracting(c -> c.path("name").asText()).contains("general");
            var generalId = channelsJson.stream().filter(c -> c.path("name").asText().equals("general")).findFirst()
                    .orElseThrow().path("id").asText();

            var sent = chat("send", "#general", "hello", "reef");
            assertThat(sent.exitCode()).as(sent.toString()).isZero();
            assertThat(sent.stdoutLines()).singleElement().asString().matches("msg_[0-9A-Z]{26}");
            var messageId = sent.stdout().strip();
            var ada = server.bearer(adaToken);
            assertThat(ada.get("/api/messages/" + messageId).at("/message/body").asText()).isEqualTo("hello reef");
            assertThat(ada.get("/api/messages/" + messageId).at("/message/channel_id").asText()).isEqualTo(generalId);

            var piped = ClickClackJar.runWithInput(dir, env(), "build log line 1\nbuild log line 2\n", "send", "general", "-", "--json");
            assertThat(piped.exitCode()).as(piped.toString()).isZero();
            assertThat(jsonLines(piped)).singleElement().satisfies(m -> {
                assertThat(m.path("body").asText()).isEqualTo("build log line 1\nbuild log line 2");
                assertThat(m.path("channel_id").asText()).isEqualTo(generalId);
            });

            var cursor = ada.get("/api/realtime/events?include_tail=true&limit=1&workspace_id="
                    + profile.path("workspace").asText()).text("tail_cursor");
            var first = chat("send", "#general", "only once", "--nonce", "ci-job-42");
            var retried = chat("send", "#general", "only once", "--nonce", "ci-job-42");
            assertThat(retried.stdout()).as("the same nonce is the same message").isEqualTo(first.stdout());

            assertThat(jsonLines(chat("tail", "#general", "--json"))).extracting(m -> m.path("body").asText())
                    .containsExactly("hello reef", "build log line 1\nbuild log line 2", "only once");
            assertThat(jsonLines(chat("tail", "#general", "--since", messageId, "--json"))).extracting(m -> m.path("body").asText())
                    .containsExactly("build log line 1\nbuild log line 2", "only once");
            assertThat(jsonLines(chat("tail", "#general", "--since", cursor, "--json"))).extracting(m -> m.path("id").asText())
                    .as("after an event cursor").containsExactly(first.stdout().strip());
            assertThat(chat("tail", "general", "-n", "1").stdoutLines()).singleElement().asString()
                    .contains("@ada: only once").endsWith("[" + first.stdout().strip() + "]");

            var reply = chat("reply", messageId, "on", "it");
            assertThat(reply.exitCode()).as(reply.toString()).isZero();
            var replyId = reply.stdout().strip();
            assertThat(replyId).matches("msg_[0-9A-Z]{26}");
            var thread = jsonLines(chat("thread", replyId, "--json"));
            assertThat(thread).extracting(m -> m.path("id").asText()).containsExactly(messageId, replyId);
            assertThat(thread.get(1).path("parent_message_id").asText()).isEqualTo(messageId);
            var threadText = chat("thread", messageId);
            assertThat(threadText.stdoutLines()).hasSize(2);
            assertThat(threadText.stdoutLines().get(0)).contains("@ada: hello reef").endsWith("[" + messageId + "]");
            assertThat(threadText.stdoutLines().get(1)).startsWith("  ↳ ").contains("@ada: on it");

            var found = jsonLines(chat("search", "reef", "--json"));
            assertThat(found).extracting(r -> r.path("message").path("id").asText()).containsExactly(messageId);
            assertThat(found.getFirst().path("snippet").asText()).contains("<mark>reef</mark>");
            assertThat(chat("search", "reef").stdoutLines()).singleElement().asString().startsWith("#general ");

            var dm = chat("dm", "@bob", "psst", "--json");
            assertThat(dm.exitCode()).as(dm.toString()).isZero();
            var dmMessage = jsonLines(dm).getFirst();
            var conversationId = dmMessage.path("direct_conversation_id").asText();
            assertThat(conversationId).startsWith("dm_");
            var bob = server.bearer(bobToken);
            assertThat(bob.get("/api/dms/" + conversationId + "/messages").at("/messages/0/body").asText()).isEqualTo("psst");
            var again = chat("dm", "bob", "still there?");
            assertThat(bob.get("/api/messages/" + again.stdout().strip()).at("/message/direct_conversation_id").asText())
                    .as("the same conversation").isEqualTo(conversationId);

            var shortcode = chat("react", messageId, ":lobster:");
            assertThat(shortcode.exitCode()).as(shortcode.toString()).isZero();
            assertThat(shortcode.stdout().strip()).isEqualTo("🦞 1");
            var emoji = jsonLines(chat("react", messageId, "🦞", "--json"));
            assertThat(emoji.getFirst().path("event").isMissingNode()).as("already there: nothing changed").isTrue();
            assertThat(emoji.getFirst().at("/reactions/0/emoji").asText()).isEqualTo("🦞");
            assertThat(emoji.getFirst().at("/reactions/0/count").asLong()).isEqualTo(1);
            assertThat(bob.get("/api/messages/" + messageId).at("/message/reactions/0/emoji").asText()).isEqualTo("🦞");

            var logout = chat("logout");
            assertThat(logout.exitCode()).as(logout.toString()).isZero();
            assertThat(logout.stdout()).contains("token revoked");
            assertThat(chat("channels").exitCode()).as("no profile any more").isEqualTo(3);
            assertThat(ada.get("/api/me").status()).as("the token itself is revoked").isEqualTo(401);
        }
    }

    @Test
    void logoutKeepsTheProfileWhenTheServerIsDownAndKeepTokenOnlyForgetsIt() throws Exception {
        String url;
        try (var server = ClickClackJar.serve(data)) {
            url = server.url();
            assertThat(chat("login", "--url", url, "--token", adaToken).exitCode()).isZero();
            assertThat(chat("login", "--url", url, "--token", bobToken, "--profile", "bob").exitCode()).isZero();
            var kept = jsonLines(chat("logout", "--profile", "bob", "--keep-token", "--json")).getFirst();
            assertThat(kept.path("revoked").asBoolean()).isFalse();
            assertThat(kept.path("outcome").asText()).isEqualTo("kept");
            assertThat(server.bearer(bobToken).get("/api/me").status()).as("--keep-token leaves it valid").isEqualTo(200);
        }
        var down = chat("logout");
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
        assertThat(down.stderr()).contains("the profile is kept");
        try (var server = ClickClackJar.serveAt(url.substring("http://".length()), data)) {
            var again = chat("logout", "--json");
            assertThat(again.exitCode()).as(again.toString()).isZero();
            assertThat(jsonLines(again).getFirst().path("revoked").asBoolean()).isTrue();
            assertThat(server.bearer(adaToken).get("/api/me").status()).isEqualTo(401);
        }
    }

    @Test
    void theEnvironmentOverridesTheProfileSoCiNeedsNoFile() {
        try (var server = ClickClackJar.serve(data)) {
            var ci = Map.of("CLICKCLACK_URL", server.url(), "CLICKCLACK_TOKEN", bobToken);

            var sent = ClickClackJar.run(dir, withEnv(ci), "send", "#general", "from CI");

            assertThat(sent.exitCode()).as(sent.toString()).isZero();
            assertThat(server.bearer(adaToken).get("/api/messages/" + sent.stdout().strip()).at("/message/author/handle").asText())
                    .isEqualTo("bob");
            assertThat(dir.resolve("config")).as("nothing written").doesNotExist();

            var botToken = admin("bot", "create", "--workspace", "crustacean-labs", "--name", "Clawbot").stdout().strip();
            var bot = withEnv(Map.of("CLICKCLACK_URL", server.url(), "CLICKCLACK_TOKEN", botToken));
            var botSent = ClickClackJar.run(dir, bot, "send", "#general", "beep");
            assertThat(botSent.exitCode()).as("a bot token works within its scopes: " + botSent).isZero();
            assertError(ClickClackJar.run(dir, bot, "react", botSent.stdout().strip(), ":+1:"), 3, "reactions:write");

            var piped = ClickClackJar.runWithInput(dir, env(), bobToken + "\n", "login", "--url", server.url(), "--profile", "bob");
            assertThat(piped.exitCode()).as("the token read from stdin: " + piped).isZero();
            assertThat(chat("send", "#general", "as bob", "--profile", "bob").exitCode()).isZero();
        }
    }

    @Test
    void uploadPostsTheFileAsAnAttachmentToAChannelOrAPerson() throws Exception {
        var report = dir.resolve("nightly report.txt");
        Files.writeString(report, "all green\n");
        try (var server = ClickClackJar.serve(data)) {
            assertThat(chat("login", "--url", server.url(), "--token", adaToken).exitCode()).isZero();

            var uploaded = chat("upload", report.toString(), "--to", "#general", "--message", "nightly", "--json");

            var message = jsonLines(uploaded).getFirst();
            assertThat(message.path("body").asText()).isEqualTo("nightly");
            assertThat(message.at("/attachments/0/filename").asText()).isEqualTo("nightly report.txt");
            var bob = server.bearer(bobToken);
            var file = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(server.url() + "/api/uploads/" + message.at("/attachments/0/id").asText()))
                    .header("Authorization", "Bearer " + bobToken).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).as("a reader of the channel downloads it").isEqualTo(200);
            assertThat(file.body()).isEqualTo("all green\n");
            assertThat(chat("tail", "#general").stdout()).contains("nightly 📎 nightly report.txt");

            var direct = chat("upload", report.toString(), "--to", "@bob");
            assertThat(direct.exitCode()).as(direct.toString()).isZero();
            assertThat(bob.get("/api/messages/" + direct.stdout().strip()).at("/message/attachments/0/filename").asText())
                    .isEqualTo("nightly report.txt");

            assertError(chat("upload", dir.resolve("missing.txt").toString(), "--to", "#general"), 4, "missing.txt");
            assertError(chat("upload", report.toString(), "--to", "#nowhere"), 4, "#nowhere");
        }
    }

    @Test
    void failuresEndWithTheDocumentedExitCodesAndOneErrorLine() {
        try (var server = ClickClackJar.serve(data)) {
            assertThat(chat("login", "--url", server.url(), "--token", adaToken).exitCode()).isZero();

            assertError(chat("send", "#nowhere", "hi"), 4, "#nowhere");
            assertError(chat("dm", "@nobody", "hi"), 4, "@nobody");
            assertError(chat("thread", "msg_01JD3Q8R5T0000000000000000"), 4, "");
            assertError(ClickClackJar.run(dir, withEnv(Map.of("CLICKCLACK_URL", server.url(), "CLICKCLACK_TOKEN", "cct_bogus")),
                    "channels"), 3, "token");
            assertError(ClickClackJar.run(dir, Map.of("XDG_CONFIG_HOME", dir.resolve("empty").toString()), "channels"), 3,
                    "clickclack login");
            assertError(ClickClackJar.run(dir, withEnv(Map.of("CLICKCLACK_URL", "http://127.0.0.1:9")), "channels"), 3,
                    "not logged in"); // the saved token is for another server: it is not sent there
            assertError(chat("login", "--url", server.url(), "--token", "cct_bogus", "--profile", "bad"), 3, "token");
            assertError(chat("channels", "--profile", "bad"), 3, "no profile 'bad'");
            assertError(chat("send"), 2, "CHANNEL");
            assertError(chat("send", "#general"), 2, "TEXT");
            assertError(chat("tail", "#general", "-n", "500"), 2, "--lines");
            assertError(chat("react", "msg_x"), 2, "EMOJI");
        }
        var down = ClickClackJar.run(dir, withEnv(Map.of("CLICKCLACK_URL", "http://127.0.0.1:9", "CLICKCLACK_TOKEN", "x")), "channels");
        assertError(down, 1, "cannot reach");
    }

    private static void assertError(Result result, int exitCode, String mentions) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.stdout()).as(result.toString()).isBlank();
        assertThat(result.stderrLines()).as(result.toString()).singleElement().asString()
                .startsWith("error: ").contains(mentions).doesNotContain("Exception");
    }

    static List<JsonNode> jsonLines(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        var nodes = new ArrayList<JsonNode>();
        for (var line : result.stdoutLines()) {
            try {
                var node = Api.JSON.readTree(line);
                assertThat(node.isObject()).as("one JSON object per line: %s", line).isTrue();
                nodes.add(node);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return nodes;
    }

    private Map<String, String> env() {
        return Map.of("XDG_CONFIG_HOME", dir.resolve("config").toString());
    }

    private Map<String, String> withEnv(Map<String, String> extra) {
        var all = new HashMap<>(env());
        all.putAll(extra);
        return all;
    }

    private Result chat(String... args) {
        return ClickClackJar.run(dir, env(), args);
    }

    private Result admin(String... args) {
        var all = new ArrayList<String>();
        all.add("admin");
        all.addAll(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        var result = ClickClackJar.run(dir, all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
