package chat.clickclack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.auth.TokenHash;
import chat.clickclack.testing.ClickClackJar;
import chat.clickclack.testing.ClickClackJar.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI as an operator meets it: the shaded jar run as a child process. Results go to stdout alone
 * (so {@code TOKEN=$(clickclack admin token create …)} works), mistakes are one {@code error: …} line on
 * stderr with a non-zero exit, and configuration follows flags &gt; environment &gt; config file &gt; defaults.
 */
class CliIT {
    /** Every command and the subcommands its help must list; a new command needs a row here. */
    private static final Map<String, List<String>> COMMANDS = commandTree();

    @TempDir
    Path dir;

    private static Map<String, List<String>> commandTree() {
        var tree = new LinkedHashMap<String, List<String>>();
        tree.put("", List.of("serve", "migrate", "admin", "backup", "restore", "export", "import", "login", "logout",
                "channels", "send", "reply", "thread", "tail", "search", "dm", "react", "upload", "version", "help"));
        for (var chat : List.of("login", "logout", "channels", "send", "reply", "thread", "tail", "search", "dm", "react", "upload")) {
            tree.put(chat, List.of());
        }
        tree.put("import", List.of("slack"));
        tree.put("import slack", List.of());
        tree.put("export", List.of());
        tree.put("backup", List.of());
        tree.put("restore", List.of());
        tree.put("serve", List.of());
        tree.put("migrate", List.of());
        tree.put("version", List.of());
        tree.put("help", List.of());
        tree.put("admin", List.of("bootstrap", "workspace", "user", "invite", "token", "bot", "webhook", "command",
                "subscription", "magic-link", "events"));
        tree.put("admin bootstrap", List.of());
        tree.put("admin workspace", List.of("list"));
        tree.put("admin workspace list", List.of());
        tree.put("admin user", List.of("create", "list", "disable", "enable"));
        tree.put("admin user create", List.of());
        tree.put("admin user list", List.of());
        tree.put("admin user disable", List.of());
        tree.put("admin user enable", List.of());
        tree.put("admin invite", List.of("create"));
        tree.put("admin invite create", List.of());
        tree.put("admin token", List.of("create"));
        tree.put("admin token create", List.of());
        tree.put("admin command", List.of("create"));
        tree.put("admin command create", List.of());
        tree.put("admin bot", List.of("create"));
        tree.put("admin bot create", List.of());
        tree.put("admin webhook", List.of("create"));
        tree.put("admin webhook create", List.of());
        tree.put("admin command", List.of("create"));
        tree.put("admin command create", List.of());
        tree.put("admin subscription", List.of("create", "list", "pause", "resume", "delete"));
        tree.put("admin subscription create", List.of());
        tree.put("admin subscription list", List.of());
        tree.put("admin subscription pause", List.of());
        tree.put("admin subscription resume", List.of());
        tree.put("admin subscription delete", List.of());
        tree.put("admin magic-link", List.of("create"));
        tree.put("admin magic-link create", List.of());
        tree.put("admin events", List.of("prune"));
        tree.put("admin events prune", List.of());
        return tree;
    }

    static Stream<Arguments> commands() {
        return COMMANDS.entrySet().stream().map(e -> Arguments.of(("clickclack " + e.getKey()).strip(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyCommandPrintsItsUsageWithHelpAndExitsZero(String command, List<String> subcommands) {
        var args = new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
        args.add("--help");

        var result = run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).as(result.toString()).contains("Usage: " + command + " ");
        assertThat(result.stderr()).as(result.toString()).isBlank();
        assertThat(listedCommands(result.stdout())).as("subcommands listed by %s --help", command)
                .containsExactlyElementsOf(subcommands);
        if (!command.equals("clickclack") && !command.equals("clickclack help")) {
            assertThat(result.stdout()).as("only the top level takes --version").doesNotContain("--version");
            assertThat(result.stdout()).as("%s --help shows an example", command).contains("Example:\n  ");
        }
    }

    @ParameterizedTest(name = "{0} without a subcommand is a usage error")
    @MethodSource("commands")
    void aCommandGroupWithoutASubcommandIsAUsageErrorNamingTheChoices(String command, List<String> subcommands) {
        if (subcommands.isEmpty() || command.equals("clickclack")) {
            return; // not a group (the bare top level prints its whole usage, checked below)
        }
        var result = run(List.of(command.split(" ")).subList(1, command.split(" ").length).toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).isBlank();
        assertThat(result.stderrLines()).singleElement().asString()
                .startsWith("error: '" + command + "' needs a subcommand: " + String.join(", ", subcommands));
    }

    @Test
    void theBareCommandPrintsItsUsageOnStderrAndExitsTwo() {
        var result = run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stdout()).isBlank();
        assertThat(result.stderr()).contains("Usage: clickclack ").contains("serve").contains("admin");
    }

    @Test
    void versionPrintsTheVersionOnOneLine() {
        var version = run("version");
        var flag = run("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.stdoutLines()).singleElement().asString().matches("clickclack \\S+ \\(Java .+\\)");
        assertThat(flag.exitCode()).isZero();
        var number = flag.stdout().strip().replace("clickclack ", "");
        assertThat(number).isNotBlank().doesNotContain(" ").doesNotContain("$");
        assertThat(version.stdout()).startsWith("clickclack " + number + " ");
    }

    @Test
    void migrateTwiceAppliesTheSchemaOnceAndThenReportsItUpToDate() {
        var data = dir.resolve("data");

        var first = run("migrate", "--data", data.toString());
        var second = run("migrate", "--data", data.toString());

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdout()).matches("(?s)applied [1-9]\\d* migration\\(s\\)\\s*");
        assertThat(data.resolve("clickclack.db")).isRegularFile();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.stdout().strip()).isEqualTo("database is up to date");
    }

    @Test
    void bootstrapTwicePrintsTheSameOwnerIdAndRefusesASecondOwner() {
        var first = admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com");
        var again = admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com");
        var other = admin("bootstrap", "--name", "Mallory", "--email", "mallory@example.com");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.stdoutLines()).singleElement().asString().matches("usr_[0-9A-Z]{26}");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).isEqualTo(first.stdout());
        assertOneLineError(other, "already bootstrapped");
        assertThat(query("SELECT count(*) FROM workspaces")).as("one workspace, made once").isEqualTo("1");
        assertThat(query("SELECT count(*) FROM channels WHERE name = 'general'")).isEqualTo("1");
    }

    @Test
    void userCreatePrintsTheUserIdAndJoinsTheWorkspace() {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com");
        var workspaceId = query("SELECT id FROM workspaces");

        var created = admin("user", "create", "--name", "Bob Crab", "--email", "bob@example.com", "--workspace", workspaceId);

        assertThat(created.exitCode()).as(created.toString()).isZero();
        var userId = created.stdout().strip();
        assertThat(created.stdoutLines()).singleElement().asString().matches("usr_[0-9A-Z]{26}");
        assertThat(query("SELECT role FROM workspace_members WHERE user_id = '" + userId + "'")).isEqualTo("member");
        var again = admin("user", "create", "--name", "Bob Crab", "--email", "BOB@example.com");
        assertThat(again.stdout().strip()).as("the same email is the same user").isEqualTo(userId);
    }

    @Test
    void inviteCreatePrintsOneTokenThatIsStoredOnlyAsAHash() {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com");
        var workspaceId = query("SELECT id FROM workspaces");

        var invite = admin("invite", "create", "--workspace", workspaceId);

        assertThat(invite.exitCode()).as(invite.toString()).isZero();
        assertThat(invite.stdoutLines()).hasSize(1);
        var token = invite.stdout().strip();
        assertThat(token).doesNotContainAnyWhitespaces().hasSizeGreaterThan(20);
        assertThat(query("SELECT count(*) FROM invites WHERE token_hash = '" + TokenHash.of(token) + "'")).isEqualTo("1");
        assertThat(query("SELECT count(*) FROM invites WHERE token_hash = '" + token + "'")).isEqualTo("0");
    }

    @Test
    void tokenCreatePrintsExactlyOneLineTheBearerToken() {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com");

        var result = admin("token", "create", "--email", "ada@example.com");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdoutLines()).hasSize(1);
        assertThat(result.stdout()).endsWith("\n");
        var token = result.stdout().strip();
        assertThat(token).doesNotContainAnyWhitespaces().hasSizeGreaterThan(20);
        assertThat(query("SELECT kind FROM sessions WHERE token_hash = '" + TokenHash.of(token) + "'")).isEqualTo("bearer");
    }

    @Test
    void botCreatePrintsTheBotTokenOnceAndTheBotCanPostWithIt() throws Exception {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com", "--workspace", "Crustacean Labs");

        var result = admin("bot", "create", "--workspace", "crustacean-labs", "--name", "Clawbot",
                "--scope", "channels:read", "--scope", "messages:write");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdoutLines()).hasSize(1);
        var token = result.stdout().strip();
        assertThat(token).startsWith("ccb_").doesNotContainAnyWhitespaces();
        assertThat(result.stderr()).containsPattern("bot usr_[0-9A-Z]{26} @clawbot");
        assertThat(query("SELECT kind FROM users WHERE handle = 'clawbot'")).isEqualTo("bot");
        assertThat(query("SELECT scopes_json FROM bot_tokens")).isEqualTo("[\"channels:read\",\"messages:write\"]");
        try (var server = ClickClackJar.serve(dir.resolve("data"))) {
            var bot = server.bearer(token);
            var channels = bot.get("/api/workspaces/" + query("SELECT id FROM workspaces") + "/channels");
            assertThat(channels.status()).as(channels.body()).isEqualTo(200);
            var posted = bot.post("/api/channels/" + channels.at("/channels/0/id").asText() + "/messages",
                    java.util.Map.of("body", "claw online"));
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
            assertThat(bot.get("/api/channels/" + channels.at("/channels/0/id").asText() + "/messages").status())
                    .as("messages:read was not granted").isEqualTo(403);
        }
        var bad = admin("bot", "create", "--workspace", "crustacean-labs", "--name", "Nope", "--scope", "root");
        assertOneLineError(bad, "unknown scope");
    }

    @Test
    void webhookCreatePrintsTheKeyOnceAndACurlOfItPostsToTheChannel() throws Exception {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com", "--workspace", "Crustacean Labs");
        var channelId = query("SELECT id FROM channels WHERE name = 'general'");

        var result = admin("webhook", "create", "--channel", channelId, "--name", "CI");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdoutLines()).hasSize(1);
        var key = result.stdout().strip();
        assertThat(key).startsWith("cch_").doesNotContainAnyWhitespaces();
        assertThat(result.stderr()).contains("/hooks/KEY");
        assertThat(query("SELECT key_hash FROM incoming_webhooks")).isEqualTo(TokenHash.of(key));
        try (var server = ClickClackJar.serve(dir.resolve("data"))) {
            // curl -d '{"text":"deploy ok","username":"ci"}' $BASE/hooks/$KEY
            var posted = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(server.url() + "/hooks/" + key))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"deploy ok\",\"username\":\"ci\"}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(posted.body()).isEqualTo("ok");
        }
        assertThat(query("SELECT body FROM messages ORDER BY id DESC LIMIT 1")).isEqualTo("deploy ok");
        assertOneLineError(admin("webhook", "create", "--channel", "chn_nope"), "channel");
    }

    @Test
    void commandCreatePrintsTheSecretOnceAndRefusesAnInternalUrl() {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com", "--workspace", "Crustacean Labs");

        var result = admin("command", "create", "--workspace", "Crustacean Labs", "--trigger", "claw", "--url",
                "https://93.184.216.34/claw", "--description", "Ask the claw");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdoutLines()).hasSize(1);
        var secret = result.stdout().strip();
        assertThat(secret).startsWith("ccs_").doesNotContainAnyWhitespaces();
        assertThat(result.stderr()).contains("/claw");
        assertThat(query("SELECT secret FROM slash_commands WHERE trigger = 'claw'")).isEqualTo(secret);
        assertThat(query("SELECT description FROM slash_commands WHERE trigger = 'claw'")).isEqualTo("Ask the claw");
        assertOneLineError(admin("command", "create", "--workspace", "Crustacean Labs", "--trigger", "inside",
                "--url", "http://127.0.0.1:8080/x"), "loopback");
        assertOneLineError(admin("command", "create", "--workspace", "Crustacean Labs", "--trigger", "claw",
                "--url", "https://93.184.216.34/claw"), "already registered");
    }

    @Test
    void subscriptionCreateListPauseResumeAndDeleteFromTheShell() {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com", "--workspace", "Crustacean Labs");

        var created = admin("subscription", "create", "--workspace", "crustacean-labs", "--url", "https://93.184.216.34/events",
                "--events", "message.created,reaction.added");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.stdoutLines()).hasSize(1);
        var secret = created.stdout().strip();
        assertThat(secret).startsWith("ccs_");
        assertThat(query("SELECT secret FROM event_subscriptions")).isEqualTo(secret);
        var id = query("SELECT id FROM event_subscriptions");
        assertThat(admin("subscription", "list", "--workspace", "Crustacean Labs").stdoutLines()).singleElement().asString()
                .isEqualTo(id + "\tactive\tmessage.created,reaction.added\thttps://93.184.216.34/events");
        assertThat(admin("subscription", "create", "--workspace", "crustacean-labs", "--url", "https://93.184.216.34/all")
                .exitCode()).as("every type by default").isZero();
        assertThat(query("SELECT event_types FROM event_subscriptions WHERE url LIKE '%/all'")).isEqualTo("[\"*\"]");
        assertOneLineError(admin("subscription", "create", "--workspace", "crustacean-labs", "--url",
                "https://93.184.216.34/x", "--events", "message.exploded"), "unknown event type");
        assertOneLineError(admin("subscription", "create", "--workspace", "crustacean-labs", "--url",
                "http://127.0.0.1:8080/x"), "loopback");

        assertThat(admin("subscription", "pause", id).exitCode()).isZero();
        assertThat(query("SELECT status || ' ' || paused_reason FROM event_subscriptions WHERE id = '" + id + "'"))
                .isEqualTo("paused paused by an operator");
        assertThat(admin("subscription", "resume", id).exitCode()).isZero();
        assertThat(query("SELECT status FROM event_subscriptions WHERE id = '" + id + "'")).isEqualTo("active");
        assertOneLineError(admin("subscription", "pause", "sub_nope"), "not found");

        assertThat(admin("subscription", "delete", id).exitCode()).isZero();
        assertThat(query("SELECT count(*) FROM event_subscriptions WHERE id = '" + id + "'")).isEqualTo("0");
        assertOneLineError(admin("subscription", "delete", id), "not found");
    }

    @Test
    void magicLinkCreatePrintsTheTokenOnStdoutAndTheUrlOnStderrOrTheUrlWithUrlFlag() {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com");

        var plain = admin("magic-link", "create", "--email", "ada@example.com");
        var withUrl = admin("magic-link", "create", "--email", "ada@example.com", "--url");

        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.stdoutLines()).hasSize(1);
        var token = plain.stdout().strip();
        assertThat(token).doesNotContainAnyWhitespaces().hasSizeGreaterThan(20);
        assertThat(plain.stderr()).contains("/app/login?token=" + token);
        assertThat(withUrl.exitCode()).as(withUrl.toString()).isZero();
        assertThat(withUrl.stdoutLines()).singleElement().asString()
                .matches("https?://\\S+/app/login\\?token=\\S+")
                .doesNotContain(token);
        assertThat(query("SELECT count(*) FROM magic_links")).isEqualTo("2");
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("an unknown email", List.of("admin", "token", "create", "--email", "nobody@example.com"),
                        "nobody@example.com"),
                Arguments.of("a missing --email", List.of("admin", "token", "create"), "--email"),
                Arguments.of("a malformed email", List.of("admin", "magic-link", "create", "--email", "not-an-email"),
                        "email"),
                Arguments.of("a bad --older-than", List.of("admin", "events", "prune", "--older-than", "soon"), "soon"),
                Arguments.of("an unknown workspace", List.of("admin", "invite", "create", "--workspace", "wsp_nope"),
                        "workspace"),
                Arguments.of("an unknown command", List.of("admin", "frobnicate"), "frobnicate"),
                Arguments.of("a bad --addr", List.of("serve", "--addr", "nonsense"), "addr"),
                Arguments.of("a Postgres URL", List.of("migrate", "--db", "postgres://db/clickclack"), "Postgres"),
                Arguments.of("a missing config file", List.of("migrate", "--config", "/nonexistent/clickclack.conf"),
                        "config file"),
                Arguments.of("an unknown workspace name", List.of("admin", "user", "create", "--name", "A", "--email",
                        "a@example.com", "--workspace", "Nowhere Labs"), "admin workspace list"));
    }

    @ParameterizedTest(name = "{0} is one error line and a non-zero exit")
    @MethodSource("mistakes")
    void mistakesAreOneClearErrorLineOnStderrAndANonZeroExit(String mistake, List<String> args, String mentions) {
        var withData = new ArrayList<>(args);
        if (!args.contains("--config")) {
            withData.addAll(List.of("--data", dir.resolve("data").toString()));
        }

        var result = run(withData.toArray(String[]::new));

        assertOneLineError(result, mentions);
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFileWhichBeatsTheDefault() throws Exception {
        var fromFlag = dir.resolve("from-flag");
        var fromEnv = dir.resolve("from-env");
        var fromFile = dir.resolve("from-file");
        var fromDefault = dir.resolve("data");
        var config = dir.resolve("clickclack.conf");
        Files.writeString(config, "# written by CliIT\ndata = " + fromFile + "\n");
        var env = Map.of("CLICKCLACK_DATA", fromEnv.toString());

        assertThat(ClickClackJar.run(dir, env, "migrate", "--config", config.toString(), "--data", fromFlag.toString())
                .exitCode()).isZero();
        assertThat(databasesIn(fromFlag, fromEnv, fromFile, fromDefault)).as("flag wins").containsExactly(fromFlag);

        assertThat(ClickClackJar.run(dir, env, "migrate", "--config", config.toString()).exitCode()).isZero();
        assertThat(databasesIn(fromFlag, fromEnv, fromFile, fromDefault)).as("then the environment")
                .containsExactly(fromFlag, fromEnv);

        assertThat(ClickClackJar.run(dir, "migrate", "--config", config.toString()).exitCode()).isZero();
        assertThat(databasesIn(fromFlag, fromEnv, fromFile, fromDefault)).as("then the config file")
                .containsExactly(fromFlag, fromEnv, fromFile);

        assertThat(ClickClackJar.run(dir, "migrate").exitCode()).isZero();
        assertThat(databasesIn(fromFlag, fromEnv, fromFile, fromDefault)).as("then ./data")
                .containsExactly(fromFlag, fromEnv, fromFile, fromDefault);
    }

    private static List<Path> databasesIn(Path... dataDirs) {
        return Stream.of(dataDirs).filter(d -> Files.isRegularFile(d.resolve("clickclack.db"))).toList();
    }

    private static void assertOneLineError(Result result, String mentions) {
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.stdout()).as(result.toString()).isBlank();
        assertThat(result.stderrLines()).as(result.toString()).singleElement().asString()
                .startsWith("error: ")
                .containsIgnoringCase(mentions)
                .doesNotContain("Exception");
    }

    /** Subcommand names from the "Commands:" section of a picocli usage message. */
    private static List<String> listedCommands(String usage) {
        var names = new ArrayList<String>();
        boolean inCommands = false;
        for (var line : usage.lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.matches("^  \\S.*")) {
                names.add(line.strip().split("\\s+")[0]);
            } else if (inCommands && !line.startsWith("   ")) {
                inCommands = false;
            }
        }
        return names;
    }

    private Result run(String... args) {
        return ClickClackJar.run(dir, args);
    }

    private Result admin(String... args) {
        var all = new ArrayList<String>();
        all.add("admin");
        all.addAll(List.of(args));
        all.addAll(List.of("--data", dir.resolve("data").toString()));
        return run(all.toArray(String[]::new));
    }

    /** One value from the test's database (read directly: the CLI's effects, not the server's view). */
    private String query(String sql) {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("clickclack.db"));
                var rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
