package chat.clickclack.channels;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Making channels private and public again: who may, and what the rest of the workspace then sees. */
class PrivateChannelsTest {
    static TestServer server;
    static TestServer.User owner;
    static TestServer.User member;
    static String workspaceId;
    static String generalId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.newUser("Owner Crab");
        member = server.newUser("Member Crab");
        var created = owner.api().post("/api/workspaces", Map.of("name", "Private Reef"));
        workspaceId = created.at("/workspace/id").asText();
        generalId = created.at("/channel/id").asText();
        server.join(workspaceId, member, "member");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String channels(TestServer.User user) {
        return user.api().get("/api/workspaces/" + workspaceId + "/channels").body();
    }

    @Test
    void anOwnerMakesAPublicChannelPrivateAndNonMembersLoseItThenGetItBack() {
        var channelId = owner.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "plans"))
                .at("/channel/id").asText();
        assertThat(channels(member)).contains(channelId);

        var refused = member.api().patch("/api/channels/" + channelId, Map.of("kind", "private"));
        assertThat(refused.status()).as("members may not change the kind").isEqualTo(403);

        var madePrivate = owner.api().patch("/api/channels/" + channelId, Map.of("kind", "private"));
        assertThat(madePrivate.status()).as(madePrivate.body()).isEqualTo(200);
        assertThat(madePrivate.at("/channel/kind").asText()).isEqualTo("private");
        assertThat(channels(member)).doesNotContain(channelId);
        assertThat(member.api().get("/api/channels/" + channelId).status()).isEqualTo(404);
        assertThat(channels(owner)).contains(channelId);

        assertThat(owner.api().patch("/api/channels/" + channelId, Map.of("kind", "public")).status()).isEqualTo(200);
        assertThat(channels(member)).contains(channelId);
        assertThat(member.api().post("/api/channels/" + channelId + "/join", null).status()).isEqualTo(200);
    }

    @Test
    void generalStaysPublic() {
        var refused = owner.api().patch("/api/channels/" + generalId, Map.of("kind", "private"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(owner.api().get("/api/channels/" + generalId).at("/channel/kind").asText()).isEqualTo("public");
    }

    @Test
    void aPrivateChannelsCreatorIsItsOnlyMemberAndMayAddOthers() {
        var created = member.api().post("/api/workspaces/" + workspaceId + "/channels",
                Map.of("name", "surprise-party", "kind", "private"));
        assertThat(created.status()).isEqualTo(201);
        var channelId = created.at("/channel/id").asText();
        assertThat(owner.api().get("/api/channels/" + channelId).status()).as("not even the owner sees it").isEqualTo(404);

        var members = member.api().get("/api/channels/" + channelId + "/members");
        assertThat(members.json().get("members").findValuesAsText("id")).containsExactly(member.id());
        assertThat(member.api().post("/api/channels/" + channelId + "/members", Map.of("user_id", owner.id())).status())
                .isEqualTo(201);
        assertThat(owner.api().get("/api/channels/" + channelId).at("/channel/is_member").asBoolean()).isTrue();
    }
}
