package chat.clickclack.channels;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Channel membership over HTTP on the real server: join, leave, list, add, remove, and #general for everyone. */
class ChannelMembershipTest {
    static TestServer server;
    static TestServer.User owner;
    static TestServer.User member;
    static TestServer.User newcomer;
    static String workspaceId;
    static String generalId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.newUser("Owner Crab");
        member = server.newUser("Member Crab");
        newcomer = server.newUser("Newcomer Crab");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Member Reef"));
        workspaceId = created.at("/workspace/id").asText();
        generalId = created.at("/channel/id").asText();
        server.join(workspaceId, member, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String newChannel(TestServer.User by, String name) {
        var created = by.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.at("/channel/id").asText();
    }

    private static JsonNode listed(TestServer.User user, String channelId) {
        var list = user.api().get("/api/workspaces/" + workspaceId + "/channels");
        assertThat(list.status()).isEqualTo(200);
        return StreamSupport.stream(list.json().get("channels").spliterator(), false)
                .filter(ch -> ch.get("id").asText().equals(channelId)).findFirst().orElseThrow();
    }

    private static List<String> memberIds(TestServer.User user, String channelId) {
        var members = user.api().get("/api/channels/" + channelId + "/members");
        assertThat(members.status()).as(members.body()).isEqualTo(200);
        return members.json().get("members").findValuesAsText("id");
    }

    @Test
    void everyoneWhoJoinsTheWorkspaceIsInGeneral() {
        server.join(workspaceId, newcomer, "member");

        assertThat(memberIds(owner, generalId)).contains(owner.id(), member.id(), newcomer.id());
        assertThat(listed(newcomer, generalId).get("is_member").asBoolean()).isTrue();
        assertThat(listed(newcomer, generalId).get("member_count").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theCreatorIsTheFirstMemberAndOthersSeeTheChannelUnjoined() {
        var channelId = newChannel(owner, "tide-pools");

        assertThat(memberIds(member, channelId)).containsExactly(owner.id());
        assertThat(listed(owner, channelId).get("is_member").asBoolean()).isTrue();
        var seenByMember = listed(member, channelId);
        assertThat(seenByMember.get("is_member").asBoolean()).isFalse();
        assertThat(seenByMember.get("member_count").asLong()).isEqualTo(1);
        assertThat(member.api().get("/api/channels/" + channelId).at("/channel/is_member").asBoolean()).isFalse();
    }

    @Test
    void joiningAndLeavingChangeTheListAndWriteEventsOnce() {
        var channelId = newChannel(owner, "kelp-forest");

        var joined = member.api().post("/api/channels/" + channelId + "/join", null);
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(joined.at("/event/type").asText()).isEqualTo("channel.member_joined");
        assertThat(joined.at("/event/payload/user_id").asText()).isEqualTo(member.id());
        assertThat(joined.at("/member/user/id").asText()).isEqualTo(member.id());
        assertThat(listed(member, channelId).get("is_member").asBoolean()).isTrue();
        assertThat(memberIds(owner, channelId)).containsExactlyInAnyOrder(owner.id(), member.id());

        long tail = server.tailCursor();
        var again = member.api().post("/api/channels/" + channelId + "/join", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().has("event")).as("joining twice writes nothing").isFalse();
        assertThat(server.tailCursor()).isEqualTo(tail);

        var left = member.api().post("/api/channels/" + channelId + "/leave", null);
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        assertThat(left.at("/event/type").asText()).isEqualTo("channel.member_left");
        assertThat(listed(member, channelId).get("is_member").asBoolean()).isFalse();
        assertThat(memberIds(owner, channelId)).containsExactly(owner.id());
        var leftAgain = member.api().post("/api/channels/" + channelId + "/leave", null);
        assertThat(leftAgain.status()).isEqualTo(200);
        assertThat(leftAgain.json().has("event")).isFalse();
    }

    @Test
    void nobodyLeavesGeneral() {
        long tail = server.tailCursor();

        var left = member.api().post("/api/channels/" + generalId + "/leave", null);
        var removed = owner.api().delete("/api/channels/" + generalId + "/members/" + member.id());

        assertThat(left.status()).isEqualTo(403);
        assertThat(removed.status()).isEqualTo(403);
        assertThat(server.tailCursor()).isEqualTo(tail);
        assertThat(memberIds(owner, generalId)).contains(member.id());
    }

    @Test
    void aChannelMemberAddsSomeoneAndAModeratorRemovesThem() {
        var channelId = newChannel(member, "reef-watch");

        var added = member.api().post("/api/channels/" + channelId + "/members", Map.of("user_id", owner.id()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.at("/event/payload/added_by").asText()).isEqualTo(member.id());
        var addedAgain = member.api().post("/api/channels/" + channelId + "/members", Map.of("user_id", owner.id()));
        assertThat(addedAgain.status()).isEqualTo(200);
        assertThat(addedAgain.json().has("event")).isFalse();

        // a plain member may not remove someone else
        var refused = member.api().delete("/api/channels/" + channelId + "/members/" + owner.id());
        assertThat(refused.status()).isEqualTo(403);

        var removed = owner.api().delete("/api/channels/" + channelId + "/members/" + member.id());
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.at("/event/type").asText()).isEqualTo("channel.member_left");
        assertThat(removed.at("/event/payload/removed_by").asText()).isEqualTo(owner.id());
        assertThat(memberIds(owner, channelId)).containsExactly(owner.id());
        assertThat(owner.api().delete("/api/channels/" + channelId + "/members/" + member.id()).status())
                .as("not in the channel any more").isEqualTo(404);
    }

    @Test
    void onlyChannelMembersAddPeopleAndOnlyWorkspaceMembersCanBeAdded() {
        var channelId = newChannel(owner, "quiet-cove");
        var outsider = server.newUser("Outsider Crab");
        long tail = server.tailCursor();

        var notInChannel = member.api().post("/api/channels/" + channelId + "/members", Map.of("user_id", member.id()));
        var notInWorkspace = owner.api().post("/api/channels/" + channelId + "/members",
                Map.of("user_id", outsider.id()));

        assertThat(notInChannel.status()).isEqualTo(403);
        assertThat(notInWorkspace.status()).isEqualTo(404);
        assertThat(server.tailCursor()).isEqualTo(tail);
    }

    @Test
    void removalFromTheWorkspaceEmptiesTheirChannelSeats() {
        var leaver = server.newUser("Leaving Crab");
        server.join(workspaceId, leaver, "member");
        var channelId = newChannel(leaver, "farewell");
        assertThat(owner.api().post("/api/channels/" + channelId + "/join", null).status()).isEqualTo(200);

        assertThat(owner.api().delete("/api/workspaces/" + workspaceId + "/members/" + leaver.id()).status())
                .isEqualTo(200);

        assertThat(memberIds(owner, channelId)).containsExactly(owner.id());
        assertThat(memberIds(owner, generalId)).doesNotContain(leaver.id());
    }

    @Test
    void eachMemberChoosesTheirOwnNotificationPreference() {
        var channelId = newChannel(owner, "noisy-reef");
        var path = "/api/channels/" + channelId + "/notification-settings";
        assertThat(owner.api().get(path).text("preference")).isEqualTo("all");
        assertThat(listed(owner, channelId).get("notification_preference").asText()).isEqualTo("all");

        var muted = owner.api().patch(path, Map.of("preference", "muted"));
        assertThat(muted.status()).as(muted.body()).isEqualTo(200);
        assertThat(muted.text("preference")).isEqualTo("muted");
        assertThat(owner.api().get(path).text("preference")).isEqualTo("muted");
        assertThat(listed(owner, channelId).get("notification_preference").asText()).isEqualTo("muted");

        // someone who has not joined has no preference to set, and sees the default
        long tail = server.tailCursor();
        assertThat(member.api().patch(path, Map.of("preference", "mentions")).status()).isEqualTo(409);
        assertThat(member.api().get(path).text("preference")).isEqualTo("all");
        assertThat(listed(member, channelId).has("notification_preference")).isFalse();
        assertThat(member.api().post("/api/channels/" + channelId + "/join", null).status()).isEqualTo(200);
        assertThat(member.api().patch(path, Map.of("preference", "mentions")).text("preference")).isEqualTo("mentions");
        assertThat(owner.api().get(path).text("preference")).as("per user").isEqualTo("muted");
        assertThat(server.tailCursor()).as("a preference writes no event, only the join did").isEqualTo(tail + 1);
    }
}
