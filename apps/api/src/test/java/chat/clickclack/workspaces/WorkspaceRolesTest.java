package chat.clickclack.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import chat.clickclack.testing.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The permission table as people meet it: what a guest may not do, that role changes and removals apply to the
 * very next request of an already signed-in session, that a removed member's open socket closes at once, that
 * only the owner removes a moderator, and the workspace icon.
 */
class WorkspaceRolesTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reef(String id, String general, TestServer.User owner, TestServer.User person) {}

    private static Reef reef(String name, String role) {
        var owner = server.newUser("Owner of " + name);
        var person = server.newUser("Someone in " + name);
        var created = owner.api().post("/api/workspaces", Map.of("name", name));
        var id = created.at("/workspace/id").asText();
        server.join(id, person, role);
        return new Reef(id, created.at("/channel/id").asText(), owner, person);
    }

    @Test
    void aGuestTakesPartButChangesNothing() {
        var reef = reef("Guest Reef", "guest");
        var guest = reef.person().api();
        var ownerPost = reef.owner().api().post("/api/channels/" + reef.general() + "/messages", Map.of("body", "hi"));
        var open = reef.owner().api().post("/api/workspaces/" + reef.id() + "/channels", Map.of("name", "open-water"));
        var openId = open.at("/channel/id").asText();
        long before = server.tailCursor();

        assertThat(guest.post("/api/workspaces/" + reef.id() + "/channels", Map.of("name", "mine")).error())
                .isEqualTo("guests may not create channels");
        assertThat(guest.patch("/api/channels/" + reef.general(), Map.of("topic", "guest was here")).status())
                .isEqualTo(403);
        assertThat(guest.post("/api/channels/" + openId + "/join", null).error())
                .startsWith("guests may not join channels");
        assertThat(guest.post("/api/channels/" + reef.general() + "/pins",
                Map.of("message_id", ownerPost.at("/message/id").asText())).status()).isEqualTo(403);
        assertThat(guest.post("/api/channels/" + reef.general() + "/members", Map.of("user_id", reef.owner().id()))
                .status()).isEqualTo(403);
        assertThat(guest.post("/api/workspaces/" + reef.id() + "/invites", Map.of()).status()).isEqualTo(403);
        assertThat(guest.patch("/api/workspaces/" + reef.id(), Map.of("name", "Guest's Reef")).status()).isEqualTo(403);
        assertThat(server.tailCursor()).as("refusals write nothing").isEqualTo(before);

        // what a guest may: take part where they were put, and their own settings
        assertThat(guest.post("/api/channels/" + reef.general() + "/messages", Map.of("body", "hello from a guest"))
                .status()).isEqualTo(201);
        assertThat(guest.patch("/api/channels/" + reef.general() + "/notification-settings",
                Map.of("preference", "mentions")).status()).isEqualTo(200);
        assertThat(reef.owner().api().post("/api/channels/" + openId + "/members", Map.of("user_id", reef.person().id()))
                .status()).as("someone else adds the guest").isEqualTo(201);
        assertThat(guest.post("/api/channels/" + openId + "/leave", null).status()).isEqualTo(200);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestOfAnOpenSession() throws Exception {
        var reef = reef("Role Reef", "member");
        var api = reef.person().api();
        try (var ws = WsClient.connect(server.url(), reef.person().token(), reef.id(), null)) {
            assertThat(api.post("/api/workspaces/" + reef.id() + "/channels", Map.of("name", "before")).status())
                    .isEqualTo(201);
            ws.drain();

            var demoted = reef.owner().api().patch("/api/workspaces/" + reef.id() + "/members/" + reef.person().id(),
                    Map.of("role", "guest"));

            assertThat(demoted.status()).isEqualTo(200);
            // the channel's own events (created, member_joined) may still be on their way: skip to the role change
            var event = ws.nextDurable(3000);
            while (event != null && !event.path("type").asText().equals("member.updated")
                    && event.path("type").asText().startsWith("channel.")) {
                event = ws.nextDurable(3000);
            }
            assertThat(event).as("member.updated within 3 s").isNotNull();
            assertThat(event.path("type").asText()).isEqualTo("member.updated");
            assertThat(event.at("/payload/role").asText()).isEqualTo("guest");
            assertThat(api.post("/api/workspaces/" + reef.id() + "/channels", Map.of("name", "after")).status())
                    .as("the same session, at once").isEqualTo(403);
            assertThat(api.get("/api/workspaces/" + reef.id()).at("/workspace/role").asText()).isEqualTo("guest");

            reef.owner().api().patch("/api/workspaces/" + reef.id() + "/members/" + reef.person().id(),
                    Map.of("role", "moderator"));
            assertThat(api.post("/api/workspaces/" + reef.id() + "/invites", Map.of()).status()).isEqualTo(201);
            assertThat(ws.isClosed()).as("a role change keeps the socket").isFalse();
        }
    }

    @Test
    void aRemovedMemberLosesTheSocketAndEveryRequestAtOnce() throws Exception {
        var reef = reef("Removal Reef", "member");
        var api = reef.person().api();
        assertThat(api.get("/api/channels/" + reef.general() + "/messages").status()).isEqualTo(200);
        try (var ws = WsClient.connect(server.url(), reef.person().token(), reef.id(), null)) {
            var removed = reef.owner().api().delete("/api/workspaces/" + reef.id() + "/members/" + reef.person().id());

            assertThat(removed.status()).isEqualTo(200);
            // the very next request of the same session, no wait
            assertThat(api.get("/api/channels/" + reef.general() + "/messages").status()).isEqualTo(403);
            assertThat(api.post("/api/channels/" + reef.general() + "/messages", Map.of("body", "still here?"))
                    .status()).isEqualTo(403);
            assertThat(api.get("/api/workspaces/" + reef.id()).status()).isEqualTo(403);
            // well before the 5 s periodic re-check: it is the member.removed event that ends the socket
            assertThat(ws.awaitClose(2000)).isEqualTo(new WsClient.Closed(1008, "removed from the workspace"));
        }
        assertThat(WsClient.refusedStatus(server.url(), reef.person().token(), "?workspace_id=" + reef.id()))
                .isEqualTo(403);
        assertThat(api.get("/api/me").status()).as("still signed in, just not here").isEqualTo(200);
    }

    @Test
    void onlyTheOwnerRemovesAModerator() {
        var reef = reef("Mod Reef", "moderator");
        var other = server.newUser("Other Moderator");
        server.join(reef.id(), other, "moderator");

        var byModerator = reef.person().api().delete("/api/workspaces/" + reef.id() + "/members/" + other.id());
        var byOwner = reef.owner().api().delete("/api/workspaces/" + reef.id() + "/members/" + other.id());

        assertThat(byModerator.status()).isEqualTo(403);
        assertThat(byModerator.error()).isEqualTo("only the workspace owner may remove a moderator");
        assertThat(byOwner.status()).isEqualTo(200);
    }

    @Test
    void theIconIsAnEmojiOrTwoLettersAndEveryoneSeesIt() {
        var reef = reef("Icon Reef", "member");
        var owner = reef.owner().api();

        var emoji = owner.patch("/api/workspaces/" + reef.id(), Map.of("icon", "🦞"));
        assertThat(emoji.status()).as(emoji.body()).isEqualTo(200);
        assertThat(emoji.at("/workspace/icon").asText()).isEqualTo("🦞");
        assertThat(emoji.at("/event/payload/icon").asText()).isEqualTo("🦞");
        assertThat(reef.person().api().get("/api/workspaces").at("/workspaces/0/icon").asText()).isEqualTo("🦞");
        assertThat(owner.patch("/api/workspaces/" + reef.id(), Map.of("icon", "🏳️‍🌈")).status())
                .as("a ZWJ flag is one emoji").isEqualTo(200);
        assertThat(owner.patch("/api/workspaces/" + reef.id(), Map.of("icon", "CL")).at("/workspace/icon").asText())
                .isEqualTo("CL");

        var cleared = owner.patch("/api/workspaces/" + reef.id(), Map.of("icon", ""));
        assertThat(cleared.at("/workspace/icon").isMissingNode()).isTrue();
        assertThat(cleared.at("/workspace/name").asText()).isEqualTo("Icon Reef");
        assertThat(reef.person().api().patch("/api/workspaces/" + reef.id(), Map.of("icon", "X")).status())
                .isEqualTo(403);
    }
}
