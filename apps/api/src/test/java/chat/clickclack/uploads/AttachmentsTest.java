package chat.clickclack.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.db.Sql;
import chat.clickclack.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, attachments: upload_ids attach in the message's own write (a refused upload writes no message),
 * every read path and the event carry them, later attaching by the author, a deleted message hiding them,
 * has:file — and who may read an upload: its uploader until attached, then the readers of its message
 * (a non-member, a private channel's outsider, a DM's outsider, another workspace: 404; no credentials: 401).
 */
class AttachmentsTest {
    static TestServer server;
    static TestServer.User ada;
    static TestServer.User bo;
    static TestServer.User cy;
    static TestServer.User stranger;
    static String workspaceId;
    static String general;
    static String secret;
    static String otherWorkspace;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("dev", "false"));
        ada = server.newUser("Ada Crab");
        bo = server.newUser("Bo Shrimp");
        cy = server.newUser("Cy Prawn");
        stranger = server.newUser("Stranger Eel");
        var created = ada.api().post("/api/workspaces", Map.of("name", "Attach Reef"));
        workspaceId = created.at("/workspace/id").asText();
        general = created.at("/channel/id").asText();
        server.join(workspaceId, bo, "member");
        server.join(workspaceId, cy, "member");
        secret = ada.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "secret", "kind", "private"))
                .at("/channel/id").asText();
        otherWorkspace = stranger.api().post("/api/workspaces", Map.of("name", "Elsewhere")).at("/workspace/id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String upload(TestServer.User as, String workspace, byte[] bytes) {
        var answer = as.api().upload(workspace, "f.png", bytes);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.at("/upload/id").asText();
    }

    static String upload(TestServer.User as) {
        return upload(as, workspaceId, TestFiles.image("png", 8, 8));
    }

    static JsonNode post(TestServer.User as, String channelId, String body, List<String> uploadIds) {
        var posted = as.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body, "upload_ids", uploadIds));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.json();
    }

    static int status(TestServer.User as, String uploadId) {
        return as.api().download("/api/uploads/" + uploadId).status();
    }

    static long messagesIn(String channelId) {
        return server.app().database().read(c -> Sql.longValue(c, "SELECT count(*) FROM messages WHERE channel_id = ?", channelId));
    }

    @Test
    void uploadIdsAttachWithTheMessageAndEveryReadPathShowsThem() {
        var first = upload(ada);
        var second = upload(ada, workspaceId, TestFiles.text("notes"));
        var posted = post(ada, general, "two files", List.of(first, second));
        var message = posted.path("message");
        assertThat(message.path("attachments").findValuesAsText("id")).containsExactly(first, second);
        assertThat(posted.at("/event/payload/message/attachments/0/id").asText()).isEqualTo(first);
        var id = message.path("id").asText();
        assertThat(bo.api().get("/api/messages/" + id).at("/message/attachments/1/id").asText()).isEqualTo(second);
        var page = bo.api().get("/api/channels/" + general + "/messages").json().path("messages");
        assertThat(find(page, id).path("attachments").size()).isEqualTo(2);
        var around = bo.api().get("/api/channels/" + general + "/messages?around_seq=" + message.path("channel_seq").asLong())
                .json().path("messages");
        assertThat(find(around, id).path("attachments").size()).isEqualTo(2);
        var events = bo.api().get("/api/realtime/events?workspace_id=" + workspaceId).json().path("events");
        var created = new ArrayList<JsonNode>();
        events.forEach(e -> {
            if (e.at("/payload/message/id").asText().equals(id)) {
                created.add(e);
            }
        });
        assertThat(created).isNotEmpty();
        assertThat(created.getFirst().at("/payload/message/attachments/0/id").asText()).isEqualTo(first);
        // A message without files has no attachments field at all.
        var plain = post(ada, general, "no files here", List.of()).path("message");
        assertThat(plain.has("attachments")).isFalse();
        // Now the uploads are readable by every member who can read the message.
        assertThat(bo.api().download("/api/uploads/" + first).body()).isEqualTo(TestFiles.image("png", 8, 8));
    }

    @Test
    void aThreadReplyAndADirectMessageCarryAttachmentsToo() {
        var root = post(ada, general, "thread root", List.of()).at("/message/id").asText();
        var file = upload(bo);
        var reply = bo.api().post("/api/messages/" + root + "/thread/replies", Map.of("body", "", "upload_ids", List.of(file)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.at("/message/attachments/0/id").asText()).isEqualTo(file);
        assertThat(reply.at("/message/body").asText()).isEmpty(); // a file alone is a message
        var thread = ada.api().get("/api/messages/" + root + "/thread").json();
        assertThat(thread.at("/replies/0/attachments/0/id").asText()).isEqualTo(file);

        var dm = ada.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(bo.id())))
                .at("/conversation/id").asText();
        var dmFile = upload(ada);
        var sent = ada.api().post("/api/dms/" + dm + "/messages", Map.of("body", "for you", "upload_ids", List.of(dmFile)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(bo.api().get("/api/dms/" + dm + "/messages").at("/messages/0/attachments/0/id").asText()).isEqualTo(dmFile);
        assertThat(status(bo, dmFile)).isEqualTo(200);
        assertThat(status(cy, dmFile)).isEqualTo(404); // another user's DM
    }

    @Test
    void aRefusedUploadWritesNoMessage() {
        long before = messagesIn(general);
        var bos = upload(bo);
        var elsewhere = upload(stranger, otherWorkspace, TestFiles.text("x"));
        for (var bad : List.of(bos, elsewhere, "upl_01JZZZZZZZZZZZZZZZZZZZZZZZ")) {
            var answer = ada.api().post("/api/channels/" + general + "/messages", Map.of("body", "hi", "upload_ids", List.of(bad)));
            assertThat(answer.status()).as(bad).isEqualTo(400);
        }
        var mine = upload(ada);
        post(ada, general, "first use", List.of(mine));
        var again = ada.api().post("/api/channels/" + general + "/messages",
                Map.of("body", "second use", "upload_ids", List.of(upload(ada), mine)));
        assertThat(again.status()).isEqualTo(409);
        assertThat(messagesIn(general)).isEqualTo(before + 1);
        var eleven = new ArrayList<String>();
        for (int i = 0; i < 11; i++) {
            eleven.add("upl_01JZZZZZZZZZZZZZZZZZZZZZ" + (char) ('A' + i));
        }
        assertThat(ada.api().post("/api/channels/" + general + "/messages", Map.of("body", "x", "upload_ids", eleven))
                .status()).isEqualTo(400);
        assertThat(ada.api().post("/api/channels/" + general + "/messages", Map.of("body", "", "upload_ids", List.of()))
                .status()).isEqualTo(400); // no body and no file
        assertThat(messagesIn(general)).isEqualTo(before + 1);
    }

    @Test
    void aNonceRetryWithItsUploadsAnswersTheOriginal() {
        var file = upload(ada);
        var body = Map.of("body", "retry me", "nonce", "n-attach-1", "upload_ids", List.of(file));
        var first = ada.api().post("/api/channels/" + general + "/messages", body);
        assertThat(first.status()).isEqualTo(201);
        var retry = ada.api().post("/api/channels/" + general + "/messages", body);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.at("/message/id").asText()).isEqualTo(first.at("/message/id").asText());
        assertThat(retry.at("/message/attachments/0/id").asText()).isEqualTo(file);
    }

    @Test
    void theAuthorAttachesLaterAndTheAudienceIsTold() {
        var id = post(ada, general, "file follows", List.of()).at("/message/id").asText();
        var file = upload(ada);
        assertThat(bo.api().post("/api/messages/" + id + "/attachments", Map.of("upload_id", upload(bo))).status())
                .isEqualTo(403); // not the author
        var attached = ada.api().post("/api/messages/" + id + "/attachments", Map.of("upload_id", file));
        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        assertThat(attached.at("/event/type").asText()).isEqualTo("message.updated");
        assertThat(attached.at("/event/payload/message/attachments/0/id").asText()).isEqualTo(file);
        assertThat(attached.at("/message/attachments/0/id").asText()).isEqualTo(file);
        assertThat(ada.api().post("/api/messages/" + id + "/attachments", Map.of("upload_id", file)).status()).isEqualTo(409);
        assertThat(ada.api().post("/api/messages/" + id + "/attachments", Map.of()).status()).isEqualTo(400);
        assertThat(ada.api().post("/api/messages/" + id + "/attachments", Map.of("upload_id", "nope")).status()).isEqualTo(400);
        assertThat(ada.api().post("/api/messages/msg_01JZZZZZZZZZZZZZZZZZZZZZZZ/attachments", Map.of("upload_id", upload(ada)))
                .status()).isEqualTo(404);
    }

    @Test
    void aDeletedMessageHidesItsAttachmentsAndTheirBytes() {
        var file = upload(ada);
        var id = post(ada, general, "oops, wrong file", List.of(file)).at("/message/id").asText();
        assertThat(status(bo, file)).isEqualTo(200);
        var deleted = ada.api().delete("/api/messages/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.at("/message").has("attachments")).isFalse();
        assertThat(deleted.at("/event/payload/message").has("attachments")).isFalse();
        assertThat(bo.api().get("/api/messages/" + id).at("/message").has("attachments")).isFalse();
        assertThat(status(bo, file)).isEqualTo(404);
        assertThat(status(ada, file)).isEqualTo(404); // the author too: it went with the message
        assertThat(ada.api().post("/api/messages/" + id + "/attachments", Map.of("upload_id", upload(ada))).status())
                .isEqualTo(409);
    }

    @Test
    void whoMayReadAnUpload() {
        var file = upload(ada);
        assertThat(status(ada, file)).isEqualTo(200); // the uploader, before it is attached
        assertThat(status(bo, file)).isEqualTo(404); // a co-member, before it is attached
        assertThat(status(stranger, file)).isEqualTo(404);
        var publicFile = upload(ada);
        post(ada, general, "public", List.of(publicFile));
        assertThat(status(bo, publicFile)).isEqualTo(200);
        assertThat(status(stranger, publicFile)).isEqualTo(404); // not in the workspace
        var secretFile = upload(ada);
        post(ada, secret, "members only", List.of(secretFile));
        assertThat(status(ada, secretFile)).isEqualTo(200);
        assertThat(status(bo, secretFile)).isEqualTo(404); // not a member of the private channel
        assertThat(bo.api().get("/api/uploads/" + secretFile + "/thumbnail").status()).isEqualTo(404);
        assertThat(status(stranger, "upl_01JZZZZZZZZZZZZZZZZZZZZZZZ")).isEqualTo(404);
        var anonymous = server.anonymous().download("/api/uploads/" + publicFile);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(server.anonymous().upload(workspaceId, "a.txt", TestFiles.text("x")).status()).isEqualTo(401);
        assertThat(stranger.api().upload(workspaceId, "a.txt", TestFiles.text("x")).status()).isEqualTo(403);
        assertThat(stranger.api().get("/api/search?workspace_id=" + workspaceId + "&q=has:file").status()).isIn(403, 404);
    }

    @Test
    void hasFileFindsMessagesWithAttachments() {
        post(ada, general, "barnacle report attached", List.of(upload(ada)));
        post(ada, general, "barnacle report without a file", List.of());
        var found = bo.api().get("/api/search?workspace_id=" + workspaceId + "&q="
                + URLEncoder.encode("barnacle has:file", StandardCharsets.UTF_8)).json().path("results");
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).at("/message/body").asText()).isEqualTo("barnacle report attached");
        assertThat(found.get(0).at("/message/attachments").size()).isEqualTo(1);
        var secretOnly = upload(ada);
        post(ada, secret, "krill ledger", List.of(secretOnly));
        var forBo = bo.api().get("/api/search?workspace_id=" + workspaceId + "&q="
                + URLEncoder.encode("krill has:file", StandardCharsets.UTF_8)).json().path("results");
        assertThat(forBo.size()).isZero(); // has:file never widens what the caller may read
    }

    static JsonNode find(JsonNode messages, String id) {
        for (var m : messages) {
            if (m.path("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("message " + id + " not in " + messages);
    }
}
