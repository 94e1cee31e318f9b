package chat.clickclack.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.clickclack.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, backup and restore on the real server: a backup taken while four writers post holds every
 * message acknowledged before it began (and whatever came after it is simply not there, never half of it);
 * restored into a new directory, a server started on it serves them all, with the uploads byte for byte.
 * A restore refuses a directory a server runs on, an existing database without --force, and a damaged
 * archive, leaving the target as it was.
 */
class BackupRestoreTest {
    @TempDir
    Path dir;

    @Test
    void aRealUploadComesBackByteForByteAttachedToItsMessageAfterARestore() throws Exception {
        var bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes);
        Path archive = dir.resolve("files.zip");
        String token;
        String uploadId;
        String messageId;
        try (var server = TestServer.start()) {
            var ada = server.newUser("Ada Crab");
            token = ada.token();
            var created = ada.api().post("/api/workspaces", Map.of("name", "File Reef"));
            var uploaded = ada.api().upload(created.at("/workspace/id").asText(), "tides.bin", bytes);
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            uploadId = uploaded.at("/upload/id").asText();
            messageId = ada.api().post("/api/channels/" + created.at("/channel/id").asText() + "/messages",
                    Map.of("body", "the tide table", "upload_ids", List.of(uploadId))).at("/message/id").asText();
            Backup.create(server.dataDir().resolve("clickclack.db"), server.dataDir(), archive, line -> {});
        }

        var restored = dir.resolve("restored-files");
        Restore.run(archive, restored.resolve("clickclack.db"), restored, false, line -> {});
        // The server reconciles uploads at start (files without a row go): the restored file must not be one.
        try (var server = TestServer.start(Map.of("data", restored.toString()))) {
            var ada = server.bearer(token);
            assertThat(ada.get("/api/messages/" + messageId).at("/message/attachments/0/id").asText()).isEqualTo(uploadId);
            var file = ada.download("/api/uploads/" + uploadId);
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(bytes);
        }
    }

    @Test
    void aBackupUnderWriteLoadRestoresEveryAcknowledgedMessage() throws Exception {
        var acked = Collections.synchronizedList(new ArrayList<String>());
        Path archive = dir.resolve("backup.zip");
        List<String> before;
        String token;
        var upload = "a screenshot of the reef".getBytes(StandardCharsets.UTF_8);
        try (var server = TestServer.start()) {
            var ada = server.newUser("Ada Crab");
            token = ada.token();
            var created = ada.api().post("/api/workspaces", Map.of("name", "Backup Reef"));
            var channelId = created.at("/channel/id").asText();
            var uploads = server.dataDir().resolve("uploads").resolve("01").resolve("upl_test");
            Files.createDirectories(uploads.getParent());
            Files.write(uploads, upload);

            var stop = new AtomicBoolean();
            var writers = new ArrayList<Thread>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        var posted = ada.api().post("/api/channels/" + channelId + "/messages",
                                Map.of("body", "writer " + writer + " message " + i));
                        if (posted.status() == 201) {
                            acked.add(posted.at("/message/id").asText());
                        }
                    }
                }));
            }
            while (acked.size() < 50) {
                Thread.onSpinWait();
            }
            before = List.copyOf(acked);
            var summary = Backup.create(server.dataDir().resolve("clickclack.db"), server.dataDir(), archive, line -> {});
            int during = acked.size() - before.size();
            stop.set(true);
            for (var t : writers) {
                t.join();
            }
            assertThat(summary.uploads()).isEqualTo(1);
            assertThat(during).as("writers kept posting while the backup ran").isPositive();
        }

        var restored = dir.resolve("restored");
        var summary = Restore.run(archive, restored.resolve("clickclack.db"), restored, false, line -> {});
        assertThat(summary.uploads()).isEqualTo(1);
        assertThat(Files.readAllBytes(restored.resolve("uploads/01/upl_test"))).isEqualTo(upload);

        try (var server = TestServer.start(Map.of("data", restored.toString()))) {
            // Ada's bearer token is in the restored database too.
            var ada = server.bearer(token);
            var ids = new HashSet<String>();
            var workspaces = ada.get("/api/workspaces").json().path("workspaces");
            for (var workspace : workspaces) {
                for (var channel : ada.get("/api/workspaces/" + workspace.path("id").asText() + "/channels")
                        .json().path("channels")) {
                    long after = 0;
                    while (true) {
                        var page = ada.get("/api/channels/" + channel.path("id").asText()
                                + "/messages?limit=200&after_seq=" + after).json();
                        page.path("messages").forEach(m -> ids.add(m.path("id").asText()));
                        if (!page.path("has_newer").asBoolean()) {
                            break;
                        }
                        after = page.path("newest_seq").asLong();
                    }
                }
            }
            assertThat(ids).as("every message acknowledged before the backup").containsAll(before);
            assertThat(acked).containsAll(ids.stream().filter(id -> !before.contains(id)).toList());

            assertThatThrownBy(() -> Restore.run(archive, restored.resolve("clickclack.db"), restored, true, line -> {}))
                    .hasMessageContaining("a server is running on");
        }
        assertThatThrownBy(() -> Restore.run(archive, restored.resolve("clickclack.db"), restored, false, line -> {}))
                .hasMessageContaining("already exists").hasMessageContaining("--force");
        assertThat(Restore.run(archive, restored.resolve("clickclack.db"), restored, true, line -> {}).uploads()).isEqualTo(1);
    }

    @Test
    void aDamagedArchiveIsRefusedAndNothingIsWritten() throws Exception {
        Path archive = dir.resolve("good.zip");
        try (var server = TestServer.start()) {
            server.newUser("Ada Crab").api().post("/api/workspaces", Map.of("name", "Reef"));
            Backup.create(server.dataDir().resolve("clickclack.db"), server.dataDir(), archive, line -> {});
        }
        // The same archive with one byte of the database changed (re-zipped, so the zip itself is sound).
        Path damaged = dir.resolve("damaged.zip");
        try (var in = new ZipFile(archive.toFile()); var out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (var entry : Collections.list(in.entries())) {
                var bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(Manifest.DATABASE)) {
                    bytes[bytes.length / 2] ^= 0x01;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        var target = dir.resolve("target");
        assertThatThrownBy(() -> Restore.run(damaged, target.resolve("clickclack.db"), target, false, line -> {}))
                .hasMessageContaining("does not match its checksum");
        assertThat(Files.exists(target.resolve("clickclack.db"))).isFalse();
        try (var left = Files.list(target)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsOnly("serve.lock");
        }

        Path notABackup = dir.resolve("other.zip");
        try (var out = new ZipOutputStream(Files.newOutputStream(notABackup))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThatThrownBy(() -> Restore.run(notABackup, target.resolve("clickclack.db"), target, false, line -> {}))
                .hasMessageContaining("not a ClickClack backup");
    }
}
