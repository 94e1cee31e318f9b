package chat.clickclack.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.clickclack.testing.ClickClackJar;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, "a crash mid-upload leaves neither": the real jar as a process, half an upload streamed over a
 * raw socket, the server killed with SIGKILL (no shutdown hook runs) while the bytes sit in tmp/, then
 * started again: no row, no temp file, no final file. A final file without a row (a crash between the
 * rename and the insert, made here by hand) is gone after the restart too, and uploads work again.
 */
class UploadCrashIT {
    @TempDir
    Path dir;

    @Test
    void aServerKilledMidUploadLeavesNoRowAndNoFileAfterRestart() throws Exception {
        var data = dir.resolve("data");
        assertThat(ClickClackJar.run(dir, "admin", "bootstrap", "--name", "Ada", "--email", "ada@example.com",
                "--workspace", "Crash Reef", "--data", data.toString()).exitCode()).isZero();
        var token = ClickClackJar.run(dir, "admin", "token", "create", "--email", "ada@example.com", "--data",
                data.toString()).stdout().strip();
        var uploads = data.resolve("uploads");
        String workspaceId;
        try (var server = ClickClackJar.serve(data)) {
            workspaceId = server.bearer(token).get("/api/workspaces").at("/workspaces/0/id").asText();
            var uri = URI.create(server.url());
            try (var socket = new Socket(uri.getHost(), uri.getPort())) {
                var out = socket.getOutputStream();
                var head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"half.bin\"\r\n\r\n";
                long declared = head.length() + 8L * 1024 * 1024 + "\r\n--b--\r\n".length();
                out.write(("POST /api/uploads?workspace_id=" + workspaceId + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: multipart/form-data; boundary=b"
                        + "\r\nContent-Length: " + declared + "\r\n\r\n" + head).getBytes(StandardCharsets.US_ASCII));
                writeZeros(out, 3 * 1024 * 1024); // of 8 MiB declared
                // The server is mid-upload once the bytes are landing in a temp file.
                await().atMost(Duration.ofSeconds(30)).until(() -> sizeOf(uploads.resolve("tmp")) >= 1024 * 1024);
                server.kill();
            }
        }
        assertThat(filesUnder(uploads.resolve("tmp"))).as("the crash left the temp file").isNotEmpty();
        // A file that made it into place without its row (a crash between the rename and the insert).
        var orphan = uploads.resolve("files/ZZ/upl_01JZZZZZZZZZZZZZZZZZZZZZZZ");
        Files.createDirectories(orphan.getParent());
        Files.write(orphan, new byte[] {1, 2, 3});
        var orphanThumb = uploads.resolve("thumbnails/upl_01JZZZZZZZZZZZZZZZZZZZZZZZ.png");
        Files.write(orphanThumb, new byte[] {4});

        try (var server = ClickClackJar.serve(data)) {
            assertThat(filesUnder(uploads.resolve("tmp"))).as("temp files after restart").isEmpty();
            assertThat(filesUnder(uploads.resolve("files"))).as("final files after restart").isEmpty();
            assertThat(orphanThumb).doesNotExist();
            assertThat(rows(data)).as("upload rows after restart").isZero();
            // And the server takes uploads again.
            var whole = server.bearer(token).upload(workspaceId, "whole.txt", "all of it".getBytes(StandardCharsets.UTF_8));
            assertThat(whole.status()).as(whole.body()).isEqualTo(201);
            assertThat(rows(data)).isEqualTo(1);
            assertThat(filesUnder(uploads.resolve("files"))).hasSize(1);
        }
    }

    private static void writeZeros(OutputStream out, int bytes) throws IOException {
        var chunk = new byte[64 * 1024];
        for (int sent = 0; sent < bytes; sent += chunk.length) {
            out.write(chunk);
        }
        out.flush();
    }

    private static long rows(Path data) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("clickclack.db") + "?open_mode=1");
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM uploads")) {
            return rs.getLong(1);
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        long total = 0;
        for (var file : filesUnder(folder)) {
            total += Files.size(file);
        }
        return total;
    }

    private static List<Path> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
