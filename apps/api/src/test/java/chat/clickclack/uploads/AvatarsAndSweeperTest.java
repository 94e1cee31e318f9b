package chat.clickclack.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.clickclack.testing.TestServer;
import java.awt.Color;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: an uploaded avatar (the centred square, 256 × 256, served to co-members only, announced with
 * user.updated), and the sweeper that removes uploads nobody attached (rows and files) while sparing
 * attached ones and avatars.
 */
class AvatarsAndSweeperTest {
    static TestServer server;
    static TestServer.User ada;
    static TestServer.User bo;
    static TestServer.User stranger;
    static String workspaceId;
    static String general;

    @BeforeAll
    static void start() {
        // Every upload is "old" at once; the sweeper's own timer is slow, the tests run passes themselves.
        server = TestServer.start(Map.of("dev", "false", "upload_unattached_ttl_ms", "1", "upload_sweep_interval_ms", "3600000"));
        ada = server.newUser("Ada Crab");
        bo = server.newUser("Bo Shrimp");
        stranger = server.newUser("Stranger Eel");
        var created = ada.api().post("/api/workspaces", Map.of("name", "Avatar Reef"));
        workspaceId = created.at("/workspace/id").asText();
        general = created.at("/channel/id").asText();
        server.join(workspaceId, bo, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String upload(TestServer.User as, byte[] bytes) {
        var answer = as.api().upload(workspaceId, "me.jpg", bytes);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.at("/upload/id").asText();
    }

    @Test
    void anUploadedImageBecomesASquareAvatarForCoMembers() {
        // 600 × 300, left half red and right half blue: the centred square is half red, half blue.
        var id = upload(ada, TestFiles.image("jpg", 600, 300));
        var patched = ada.api().patch("/api/me", Map.of("avatar_upload_id", id));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        var url = patched.at("/user/avatar_url").asText();
        assertThat(url).isEqualTo("/api/avatars/" + id);
        var seen = bo.api().download(url);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.header("Content-Type")).isEqualTo("image/png");
        assertThat(seen.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
        var image = TestFiles.decode(seen.body());
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(reddish(new Color(image.getRGB(30, 128)))).isTrue();
        assertThat(reddish(new Color(image.getRGB(226, 128)))).isFalse();
        assertThat(ada.api().download(url).status()).isEqualTo(200);
        assertThat(stranger.api().download(url).status()).isEqualTo(404); // shares no workspace
        assertThat(server.anonymous().download(url).status()).isEqualTo(401);
        // Co-members see the new URL in the members list (and got user.updated).
        var events = bo.api().get("/api/realtime/events?workspace_id=" + workspaceId).json().path("events");
        var announced = false;
        for (var e : events) {
            announced |= e.path("type").asText().equals("user.updated") && e.at("/payload/user/avatar_url").asText().equals(url);
        }
        assertThat(announced).isTrue();
        // The avatar's upload is kept by the sweeper while it is the avatar, and goes once it is not.
        server.app().uploadSweeper().sweep();
        assertThat(bo.api().download(url).status()).isEqualTo(200);
        assertThat(ada.api().patch("/api/me", Map.of("avatar_url", "")).status()).isEqualTo(200);
        assertThat(bo.api().download(url).status()).isEqualTo(404);
        server.app().uploadSweeper().sweep();
        assertThat(ada.api().download("/api/uploads/" + id).status()).isEqualTo(404);
    }

    @Test
    void onlyTheCallersOwnImagesCanBeAvatars() {
        var text = upload(ada, TestFiles.text("not an image"));
        assertThat(ada.api().patch("/api/me", Map.of("avatar_upload_id", text)).status()).isEqualTo(400);
        var bos = upload(bo, TestFiles.image("png", 50, 50));
        assertThat(ada.api().patch("/api/me", Map.of("avatar_upload_id", bos)).status()).isEqualTo(400);
        assertThat(ada.api().patch("/api/me", Map.of("avatar_upload_id", "upl_nope")).status()).isEqualTo(400);
        var mine = upload(ada, TestFiles.image("png", 50, 50));
        assertThat(ada.api().patch("/api/me", Map.of("avatar_upload_id", mine, "avatar_url", "https://x.example/a.png"))
                .status()).isEqualTo(400);
    }

    @Test
    void theSweeperRemovesUnattachedUploadsWithTheirFilesAndKeepsAttachedOnes() throws Exception {
        var lonely = upload(ada, TestFiles.image("png", 500, 500));
        assertThat(ada.api().download("/api/uploads/" + lonely + "/thumbnail").status()).isEqualTo(200);
        var kept = upload(ada, TestFiles.text("keep me"));
        var posted = ada.api().post("/api/channels/" + general + "/messages", Map.of("body", "kept", "upload_ids", List.of(kept)));
        assertThat(posted.status()).isEqualTo(201);
        var file = server.dataDir().resolve("uploads").resolve(UploadStorage.storagePath(lonely));
        var thumb = server.dataDir().resolve("uploads/thumbnails/" + lonely + ".png");
        assertThat(file).exists();
        assertThat(thumb).exists();
        assertThat(server.app().uploadSweeper().sweep()).isGreaterThanOrEqualTo(1);
        assertThat(ada.api().download("/api/uploads/" + lonely).status()).isEqualTo(404);
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(thumb)).isFalse();
        assertThat(bo.api().download("/api/uploads/" + kept).status()).isEqualTo(200);
        assertThat(ada.api().post("/api/channels/" + general + "/messages", Map.of("body", "late", "upload_ids", List.of(lonely)))
                .status()).isEqualTo(400);
    }

    @Test
    void theSweeperRunsOnItsOwnTimer() {
        try (var quick = TestServer.start(Map.of("upload_unattached_ttl_ms", "1", "upload_sweep_interval_ms", "100"))) {
            var user = quick.newUser("Quick Crab");
            var ws = user.api().post("/api/workspaces", Map.of("name", "Quick")).at("/workspace/id").asText();
            var id = user.api().upload(ws, "a.txt", TestFiles.text("soon gone")).at("/upload/id").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> user.api().download("/api/uploads/" + id).status() == 404);
            assertThat(quick.dataDir().resolve("uploads").resolve(UploadStorage.storagePath(id))).doesNotExist();
        }
    }

    static boolean reddish(Color c) {
        return c.getRed() > 200 && c.getBlue() < 60;
    }
}
