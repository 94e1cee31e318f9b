package chat.clickclack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.ClickClackJar;
import chat.clickclack.testing.ClickClackJar.Result;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator meets in the first hour beyond single commands: finding a workspace id, links that point
 * at the running server, the address serve really binds, a busy port, and typos in the config file.
 */
class OperatorCliIT {
    @TempDir
    Path dir;

    @Test
    void workspaceListShowsIdSlugMembersAndNameAndEveryFormWorksAsWorkspace() {
        var boot = admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com", "--workspace", "Crustacean Labs");
        var list = admin("workspace", "list");

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdoutLines()).hasSize(2);
        assertThat(list.stdoutLines().get(0)).matches("ID\\s+SLUG\\s+MEMBERS\\s+NAME");
        var row = list.stdoutLines().get(1).split("\\s{2,}");
        var id = row[0];
        assertThat(id).matches("wsp_[0-9A-Z]{26}");
        assertThat(row[1]).isEqualTo("crustacean-labs");
        assertThat(row[2].strip()).isEqualTo("1");
        assertThat(row[3]).isEqualTo("Crustacean Labs");
        assertThat(boot.stderr()).as("bootstrap names the workspace it made").contains(id).contains("crustacean-labs");

        assertThat(admin("user", "create", "--name", "B", "--email", "b@example.com", "--workspace", id).exitCode()).isZero();
        assertThat(admin("user", "create", "--name", "C", "--email", "c@example.com", "--workspace", "crustacean-labs").exitCode()).isZero();
        assertThat(admin("user", "create", "--name", "D", "--email", "d@example.com", "--workspace", "Crustacean Labs").exitCode()).isZero();
        assertThat(admin("invite", "create", "--workspace", "Crustacean Labs").stdout()).startsWith("cci_");

        assertThat(admin("workspace", "list").stdoutLines().get(1).split("\\s{2,}")[2].strip())
                .as("members after three joins by id, slug and name").isEqualTo("4");
    }

    @Test
    void serveSaysWhatItReallyBindsAndTheUrlToOpen() throws Exception {
        try (var loopback = ClickClackJar.serve(dir.resolve("data"))) {
            var port = loopback.url().replaceAll(".*:", "");
            assertThat(loopback.stdout()).contains("listening on http://127.0.0.1:" + port + " - open http://127.0.0.1:" + port + "/app");
        }
        try (var everywhere = ClickClackJar.serveAt(":0", dir.resolve("data"))) {
            var port = everywhere.url().replaceAll(".*:", "");
            assertThat(everywhere.stdout()).contains("listening on http://0.0.0.0:" + port + " (all interfaces) - open http://localhost:"
                    + port + "/app");
            assertThat(everywhere.anonymous().get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void aPortInUseIsReportedOnceAsOneErrorLine() throws Exception {
        try (var taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            var result = ClickClackJar.run(dir, "serve", "--addr", "127.0.0.1:" + taken.getLocalPort(), "--data",
                    dir.resolve("data").toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.stderrLines()).as(result.toString())
                    .filteredOn(line -> !line.startsWith("WARNING: dev fallback"))
                    .singleElement().asString()
                    .isEqualTo("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                            + ": the port is in use by another process (choose another with --addr)");
        }
    }

    @Test
    void magicLinksPointAtTheRunningServerUnlessPublicUrlIsSetAndSaySo() throws Exception {
        admin("bootstrap", "--name", "Ada Owner", "--email", "ada@example.com");
        try (var server = ClickClackJar.serve(dir.resolve("data"))) {
            var link = admin("magic-link", "create", "--email", "ada@example.com", "--url");

            assertThat(link.exitCode()).as(link.toString()).isZero();
            assertThat(link.stdout().strip()).startsWith(server.url() + "/app/login?token=");
            assertThat(link.stderr()).contains("public_url is not set").contains(server.url());

            var config = dir.resolve("clickclack.conf");
            Files.writeString(config, "public_url = https://chat.example.com/\n");
            var configured = admin("magic-link", "create", "--email", "ada@example.com", "--url", "--config", config.toString());
            assertThat(configured.stdout().strip()).startsWith("https://chat.example.com/app/login?token=");
            assertThat(configured.stderr()).isBlank();
        }
    }

    @Test
    void anUnknownOrMalformedConfigKeyIsAnErrorNamingIt() throws Exception {
        var typo = dir.resolve("typo.conf");
        Files.writeString(typo, "data = " + dir.resolve("data") + "\npubic_url = https://chat.example.com\n");
        var bad = dir.resolve("bad.conf");
        Files.writeString(bad, "public_url = chat.example.com\n");

        var typoResult = ClickClackJar.run(dir, "migrate", "--config", typo.toString());
        var badResult = ClickClackJar.run(dir, "migrate", "--config", bad.toString());

        assertThat(typoResult.exitCode()).isEqualTo(1);
        assertThat(typoResult.stderrLines()).singleElement().asString()
                .startsWith("error: unknown key 'pubic_url' in config file").contains("public_url");
        assertThat(dir.resolve("data").resolve("clickclack.db")).as("nothing done with a bad config").doesNotExist();
        assertThat(badResult.exitCode()).isEqualTo(1);
        assertThat(badResult.stderrLines()).singleElement().asString().startsWith("error: public_url must be an http");
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Result admin(String... args) {
        var all = new ArrayList<String>();
        all.add("admin");
        all.addAll(List.of(args));
        all.addAll(List.of("--data", dir.resolve("data").toString()));
        return ClickClackJar.run(dir, all.toArray(String[]::new));
    }
}
