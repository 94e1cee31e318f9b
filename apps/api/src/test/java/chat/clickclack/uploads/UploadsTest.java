package chat.clickclack.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.db.Sql;
import chat.clickclack.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, uploads over real HTTP on the real server: the stored answer, types sniffed from the bytes
 * (never the name or the client's Content-Type), the safe headers on every kind of file, ETag and Range,
 * thumbnails, and the size limit (413 with nothing left on disk or in the database).
 */
class UploadsTest {
    static final int LIMIT = 64 * 1024;
    static TestServer server;
    static TestServer.User ada;
    static String workspaceId;

    @BeforeAll
    static void start() {
        // synchronous=full: uploads are fsynced too (the other upload tests run the default, without).
        server = TestServer.start(Map.of("max_upload_bytes", Integer.toString(LIMIT), "synchronous", "full"));
        ada = server.newUser("Ada Crab");
        workspaceId = ada.api().post("/api/workspaces", Map.of("name", "Upload Reef")).at("/workspace/id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static com.fasterxml.jackson.databind.JsonNode upload(String name, byte[] bytes) {
        var answer = ada.api().upload(workspaceId, name, bytes);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("upload");
    }

    @Test
    void anUploadIsStoredWithItsHashSizeAndNameAndComesBackByteForByte() {
        var bytes = TestFiles.text("minutes of the reef council\n");
        var upload = upload("C:\\Users\\ada\\minutes.txt", bytes);
        assertThat(upload.path("id").asText()).startsWith("upl_");
        assertThat(upload.path("filename").asText()).isEqualTo("minutes.txt"); // no client path kept
        assertThat(upload.path("byte_size").asLong()).isEqualTo(bytes.length);
        assertThat(upload.path("sha256").asText()).isEqualTo(TestFiles.sha256(bytes));
        assertThat(upload.path("owner_id").asText()).isEqualTo(ada.id());
        assertThat(upload.path("url").asText()).isEqualTo("/api/uploads/" + upload.path("id").asText());
        assertThat(upload.has("width")).isFalse();
        assertThat(upload.has("thumbnail_url")).isFalse();
        var got = ada.api().download(upload.path("url").asText());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(bytes);
    }

    @Test
    void theTypeComesFromTheBytesNotTheNameOrTheClient() {
        var png = upload("notes.txt", TestFiles.image("png", 120, 80));
        assertThat(png.path("content_type").asText()).isEqualTo("image/png");
        assertThat(png.path("width").asInt()).isEqualTo(120);
        assertThat(png.path("height").asInt()).isEqualTo(80);
        var jpeg = upload("photo.gif", TestFiles.image("jpg", 64, 48));
        assertThat(jpeg.path("content_type").asText()).isEqualTo("image/jpeg");
        assertThat(jpeg.path("width").asInt()).isEqualTo(64);
        var html = upload("cute-crab.png", TestFiles.text("<!DOCTYPE html><script>alert(document.cookie)</script>"));
        assertThat(html.path("content_type").asText()).isEqualTo("text/html");
        assertThat(html.has("width")).isFalse();
        var svg = upload("logo.png", TestFiles.text("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"));
        assertThat(svg.path("content_type").asText()).isEqualTo("image/svg+xml");
        var binary = upload("readme.txt", new byte[] {0, 1, 2, 3, (byte) 0xFE, 0});
        assertThat(binary.path("content_type").asText()).isEqualTo("application/octet-stream");
        var pdf = upload("x.png", TestFiles.text("%PDF-1.7\n..."));
        assertThat(pdf.path("content_type").asText()).isEqualTo("application/pdf");
    }

    @Test
    void everyTypeIsServedWithNosniffASandboxAndOnlyRasterImagesInline() {
        var cases = Map.of(
                "image/png", TestFiles.image("png", 10, 10),
                "image/jpeg", TestFiles.image("jpg", 10, 10),
                "text/html", TestFiles.text("<html><body onload=alert(1)>"),
                "image/svg+xml", TestFiles.text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
                "text/plain; charset=utf-8", TestFiles.text("just words"),
                "application/octet-stream", new byte[] {0, 0, 7});
        cases.forEach((type, bytes) -> {
            var upload = upload("file.bin", bytes);
            var got = ada.api().download(upload.path("url").asText());
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.header("Content-Type").replace(" ", "")).as(type).startsWith(type.replace(" ", ""));
            assertThat(got.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(got.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
            assertThat(got.header("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
            assertThat(got.header("ETag")).isEqualTo("\"" + TestFiles.sha256(bytes) + "\"");
            var inline = type.equals("image/png") || type.equals("image/jpeg");
            assertThat(got.header("Content-Disposition")).as(type).startsWith(inline ? "inline;" : "attachment;");
        });
    }

    @Test
    void aNonAsciiNameIsKeptAndOfferedInBothFilenameForms() {
        var upload = upload("kräbbe \"rapport\".txt", TestFiles.text("bonjour"));
        assertThat(upload.path("filename").asText()).isEqualTo("kräbbe \"rapport\".txt");
        var got = ada.api().download(upload.path("url").asText());
        assertThat(got.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"kr_bbe _rapport_.txt\"; filename*=UTF-8''kr%C3%A4bbe%20%22rapport%22.txt");
    }

    @Test
    void rangesAnswer206AndAnUnsatisfiableOne416() {
        var bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        bytes[0] = 0; // binary
        var url = upload("clip.bin", bytes).path("url").asText();
        var middle = ada.api().download(url, "Range", "bytes=100-199");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Range")).isEqualTo("bytes 100-199/1000");
        assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 100, 200));
        var tail = ada.api().download(url, "Range", "bytes=-10");
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 990, 1000));
        var open = ada.api().download(url, "Range", "bytes=995-");
        assertThat(open.header("Content-Range")).isEqualTo("bytes 995-999/1000");
        assertThat(open.body()).hasSize(5);
        var pastEnd = ada.api().download(url, "Range", "bytes=900-5000");
        assertThat(pastEnd.header("Content-Range")).isEqualTo("bytes 900-999/1000");
        var outside = ada.api().download(url, "Range", "bytes=1000-");
        assertThat(outside.status()).isEqualTo(416);
        assertThat(outside.header("Content-Range")).isEqualTo("bytes */1000");
        var garbage = ada.api().download(url, "Range", "lines=1-2");
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(garbage.body()).isEqualTo(bytes);
        assertThat(ada.api().download(url).header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void theEtagAnswers304() {
        var bytes = TestFiles.text("cache me");
        var url = upload("c.txt", bytes).path("url").asText();
        var first = ada.api().download(url);
        var again = ada.api().download(url, "If-None-Match", first.header("ETag"));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(ada.api().download(url, "If-None-Match", "\"other\"").status()).isEqualTo(200);
    }

    @Test
    void imagesGetAThumbnailMadeOnceThatKeepsTheirShape() throws IOException {
        var upload = upload("wide.png", TestFiles.image("png", 1000, 500));
        var id = upload.path("id").asText();
        assertThat(upload.path("thumbnail_url").asText()).isEqualTo("/api/uploads/" + id + "/thumbnail");
        var thumb = ada.api().download(upload.path("thumbnail_url").asText());
        assertThat(thumb.status()).isEqualTo(200);
        assertThat(thumb.header("Content-Type")).isEqualTo("image/png");
        assertThat(thumb.header("X-Content-Type-Options")).isEqualTo("nosniff");
        var image = TestFiles.decode(thumb.body());
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(200);
        var cached = server.dataDir().resolve("uploads/thumbnails/" + id + ".png");
        assertThat(cached).exists();
        var modified = Files.getLastModifiedTime(cached);
        assertThat(ada.api().download(upload.path("thumbnail_url").asText()).body()).isEqualTo(thumb.body());
        assertThat(Files.getLastModifiedTime(cached)).isEqualTo(modified); // served from disk, not made again
        var jpeg = upload("small.jpg", TestFiles.image("jpg", 200, 100));
        var small = ada.api().download(jpeg.path("thumbnail_url").asText());
        assertThat(small.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(TestFiles.decode(small.body()).getWidth()).isEqualTo(200); // never scaled up
        var text = upload("t.txt", TestFiles.text("no preview"));
        assertThat(ada.api().download("/api/uploads/" + text.path("id").asText() + "/thumbnail").status()).isEqualTo(404);
    }

    @Test
    void anImageClaimingHugeDimensionsIsStoredButNeverDecoded() {
        var bomb = upload("bomb.png", TestFiles.pngClaiming(100_000, 100_000));
        assertThat(bomb.path("content_type").asText()).isEqualTo("image/png");
        assertThat(bomb.path("width").asInt()).isEqualTo(100_000);
        assertThat(bomb.has("thumbnail_url")).isFalse();
        assertThat(ada.api().download("/api/uploads/" + bomb.path("id").asText() + "/thumbnail").status()).isEqualTo(404);
        var avatar = ada.api().patch("/api/me", Map.of("avatar_upload_id", bomb.path("id").asText()));
        assertThat(avatar.status()).isEqualTo(400);
    }

    @Test
    void aFileOverTheLimitIs413AndLeavesNothingBehind() throws IOException {
        long rowsBefore = rows();
        var over = ada.api().upload(workspaceId, "big.bin", new byte[LIMIT + 1]);
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.error()).contains("at most " + LIMIT);
        // A body declared far past the limit is refused before it is read.
        var declared = ada.api().upload(workspaceId, "huge.bin", new byte[LIMIT + 128 * 1024]);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(filesUnder("tmp")).isEmpty();
        assertThat(filesUnder("files")).hasSize((int) rowsBefore);
        var exactly = ada.api().upload(workspaceId, "exact.bin", new byte[LIMIT]);
        assertThat(exactly.status()).isEqualTo(201);
    }

    @Test
    void malformedUploadsAre400() {
        var api = ada.api();
        assertThat(api.sendRaw("POST", "/api/uploads?workspace_id=" + workspaceId, TestFiles.text("{}"), "application/json")
                .status()).isEqualTo(400);
        assertThat(api.sendRaw("POST", "/api/uploads?workspace_id=" + workspaceId, TestFiles.text("x"), "multipart/form-data")
                .status()).isEqualTo(400);
        var noFile = "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhello\r\n--b--\r\n";
        var answer = api.sendRaw("POST", "/api/uploads?workspace_id=" + workspaceId, TestFiles.text(noFile),
                "multipart/form-data; boundary=b");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).contains("'file'");
        var truncated = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhalf a fi";
        assertThat(api.sendRaw("POST", "/api/uploads?workspace_id=" + workspaceId, TestFiles.text(truncated),
                "multipart/form-data; boundary=b").status()).isEqualTo(400);
        assertThat(api.upload(workspaceId, "empty.txt", new byte[0]).status()).isEqualTo(400);
        assertThat(api.uploadTo("/api/uploads", "a.txt", TestFiles.text("x")).status()).isEqualTo(400);
        assertThat(api.upload("wsp_01JZZZZZZZZZZZZZZZZZZZZZZZ", "a.txt", TestFiles.text("x")).status()).isEqualTo(404);
    }

    @Test
    void aFileSpanningManyReadsWithBoundaryLookalikesComesBackIntact() {
        // Bytes that look like the start of a boundary (CRLF--) all through, across buffer edges.
        var bytes = new byte[300_000 > LIMIT ? LIMIT : 300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) "\r\n--\r\n-x".charAt(i % 8);
        }
        var upload = upload("tricky.bin", bytes);
        assertThat(upload.path("byte_size").asLong()).isEqualTo(bytes.length);
        assertThat(upload.path("sha256").asText()).isEqualTo(TestFiles.sha256(bytes));
    }

    static long rows() {
        return server.app().database().read(c -> Sql.longValue(c, "SELECT count(*) FROM uploads"));
    }

    static java.util.List<Path> filesUnder(String dir) throws IOException {
        try (Stream<Path> walk = Files.walk(server.dataDir().resolve("uploads").resolve(dir))) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
