package chat.clickclack.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 6 and 10: a plain member created 10,000 channels and 300 workspaces (then the channel
 * list was one 4.7 MB answer), any member could archive #general, and invites could not be revoked.
 */
class QuotasAndInvitesTest {
    static TestServer server;
    static TestServer.User owner;
    static TestServer.User member;
    static String workspaceId;
    static String generalId;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("quota_channels_per_workspace", "3", "quota_workspaces_per_user", "2"));
        owner = server.newUser("Olive Owner");
        member = server.newUser("Max Member");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Quota Reef"));
        workspaceId = created.at("/workspace/id").asText();
        generalId = created.at("/channel/id").asText();
        server.join(workspaceId, member, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aMemberCreatesChannelsOnlyUpToTheQuotaAndOthersKeepTheirs() {
        for (int i = 0; i < 3; i++) {
            assertThat(member.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "max-" + i))
                    .status()).isEqualTo(201);
        }
        long tail = server.tailCursor();
        var refused = member.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "max-3"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).contains("3 channels");
        assertThat(server.tailCursor()).isEqualTo(tail);
        // #general, made with the workspace, counts for nobody's quota; the owner still has all three.
        assertThat(owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "olive-0")).status())
                .isEqualTo(201);
    }

    @Test
    void aUserCreatesWorkspacesOnlyUpToTheQuota() {
        var founder = server.newUser("Founder");
        assertThat(founder.api().post("/api/workspaces", Map.of("name", "One")).status()).isEqualTo(201);
        assertThat(founder.api().post("/api/workspaces", Map.of("name", "Two")).status()).isEqualTo(201);
        var third = founder.api().post("/api/workspaces", Map.of("name", "Three"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.error()).contains("2 workspaces");
    }

    @Test
    void theChannelListPagesForClientsThatAskAndStaysWholeForOthers() {
        var pager = server.newUser("Pager");
        var ws = pager.api().post("/api/workspaces", Map.of("name", "Paged Reef")).at("/workspace/id").asText();
        for (var name : new String[] {"alpha", "bravo", "charlie"}) {
            pager.api().post("/api/workspaces/" + ws + "/channels", Map.of("name", name));
        }
        var whole = pager.api().get("/api/workspaces/" + ws + "/channels");
        assertThat(whole.json().has("next_cursor")).isFalse();
        assertThat(whole.json().path("channels").findValuesAsText("name")).containsExactly("alpha", "bravo", "charlie", "general");
        var names = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var page = pager.api().get("/api/workspaces/" + ws + "/channels?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("channels").size()).isLessThanOrEqualTo(3);
            page.json().path("channels").forEach(c -> names.add(c.path("name").asText()));
            cursor = page.json().has("next_cursor") ? page.text("next_cursor") : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactly("alpha", "bravo", "charlie", "general");
    }

    @Test
    void generalCannotBeArchivedOrRenamedByAnyone() {
        var byMember = member.api().patch("/api/channels/" + generalId, Map.of("archived", true));
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(owner.api().patch("/api/channels/" + generalId, Map.of("archived", true)).status()).isEqualTo(403);
        assertThat(owner.api().patch("/api/channels/" + generalId, Map.of("name", "elsewhere")).status()).isEqualTo(403);
        var general = member.api().get("/api/channels/" + generalId).json().path("channel");
        assertThat(general.path("archived_at").isMissingNode()).isTrue();
        assertThat(general.path("name").asText()).isEqualTo("general");
        assertThat(member.api().patch("/api/channels/" + generalId, Map.of("topic", "still ours")).status()).isEqualTo(200);
    }

    @Test
    void aRevokedInviteCanNoLongerBeAcceptedAndOnlyAdminsSeeOrRevokeInvites() {
        var invites = new Invites(server.app().database());
        var token = invites.create(workspaceId, owner.id(), Invites.DEFAULT_TTL);
        var listed = owner.api().get("/api/workspaces/" + workspaceId + "/invites");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(token);
        var inviteId = listed.at("/invites/0/id").asText();
        assertThat(member.api().get("/api/workspaces/" + workspaceId + "/invites").status()).isEqualTo(403);
        assertThat(member.api().delete("/api/workspaces/" + workspaceId + "/invites/" + inviteId).status()).isEqualTo(403);

        var revoked = owner.api().delete("/api/workspaces/" + workspaceId + "/invites/" + inviteId);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.at("/invite/revoked_at").isTextual()).isTrue();
        var guest = server.newUser("Guest");
        var accepted = guest.api().post("/api/invites/" + token + "/accept", null);
        assertThat(accepted.status()).isEqualTo(410);
        assertThat(accepted.error()).contains("revoked");
        assertThat(guest.api().get("/api/workspaces/" + workspaceId).status()).isEqualTo(403);
        // Revoking again changes nothing.
        var again = owner.api().delete("/api/workspaces/" + workspaceId + "/invites/" + inviteId);
        assertThat(again.at("/invite/revoked_at").asText()).isEqualTo(revoked.at("/invite/revoked_at").asText());
    }
}
