package chat.clickclack;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.ClickClackJar;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A polite stop (SIGTERM, what systemd and Docker send) drains and exits cleanly, keeping the data. */
class SigtermIT {
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheServerWithinSecondsWithExitCodeZero() throws Exception {
        var data = dir.resolve("data");
        String messageId;
        try (var server = ClickClackJar.serve(data, "--dev")) {
            var api = server.anonymous();
            var workspaceId = api.get("/api/workspaces").at("/workspaces/0/id").asText();
            var channelId = api.get("/api/workspaces/" + workspaceId + "/channels").at("/channels/0/id").asText();
            var posted = api.post("/api/channels/" + channelId + "/messages", Map.of("body", "goodnight"));
            assertThat(posted.status()).isEqualTo(201);
            messageId = posted.at("/message/id").asText();

            int exit = server.terminate(Duration.ofSeconds(15));

            assertThat(exit).as("exit code after SIGTERM (-1: still running)\n%s", server.stderr()).isZero();
            assertThat(server.stderr()).contains("shutting down");
        }
        try (var restarted = ClickClackJar.serve(data, "--dev")) {
            assertThat(restarted.anonymous().get("/api/messages/" + messageId).status()).isEqualTo(200);
        }
    }
}
