package chat.clickclack.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Renaming a workspace, changing roles and transferring ownership on the real server. */
class WorkspaceAdminTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reef(String id, TestServer.User owner, TestServer.User member) {}

    private static Reef reef(String name) {
        var owner = server.newUser("Owner of " + name);
        var member = server.newUser("Member of " + name);
        var id = owner.api().post("/api/workspaces", Map.of("name", name)).at("/workspace/id").asText();
        server.join(id, member, "member");
        return new Reef(id, owner, member);
    }

    private static String role(Reef reef, TestServer.User user) {
        return user.api().get("/api/workspaces/" + reef.id()).at("/workspace/role").asText();
    }

    @Test
    void aModeratorRenamesTheWorkspaceAndEveryoneSeesTheNewName() {
        var reef = reef("Old Reef");
        assertThat(reef.owner().api().patch("/api/workspaces/" + reef.id() + "/members/" + reef.member().id(),
                Map.of("role", "moderator")).status()).isEqualTo(200);

        var renamed = reef.member().api().patch("/api/workspaces/" + reef.id(), Map.of("name", "New Reef", "slug", "new-reef"));

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.at("/event/type").asText()).isEqualTo("workspace.updated");
        assertThat(renamed.at("/event/payload/slug").asText()).isEqualTo("new-reef");
        var seen = reef.owner().api().get("/api/workspaces/" + reef.id());
        assertThat(seen.at("/workspace/name").asText()).isEqualTo("New Reef");
        assertThat(seen.at("/workspace/slug").asText()).isEqualTo("new-reef");
        var other = reef("Other Reef");
        assertThat(other.owner().api().patch("/api/workspaces/" + other.id(), Map.of("slug", "new-reef")).status())
                .as("a slug is unique").isEqualTo(409);
    }

    @Test
    void theOwnerChangesRolesAndAModeratorMayNot() {
        var reef = reef("Role Reef");
        var guest = server.newUser("Guest Crab");
        server.join(reef.id(), guest, "member");

        var promoted = reef.owner().api().patch("/api/workspaces/" + reef.id() + "/members/" + reef.member().id(),
                Map.of("role", "moderator"));
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.at("/member/role").asText()).isEqualTo("moderator");
        assertThat(promoted.at("/event/type").asText()).isEqualTo("member.updated");
        assertThat(role(reef, reef.member())).isEqualTo("moderator");

        long tail = server.tailCursor();
        var refused = reef.member().api().patch("/api/workspaces/" + reef.id() + "/members/" + guest.id(),
                Map.of("role", "guest"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(server.tailCursor()).isEqualTo(tail);
        assertThat(role(reef, guest)).isEqualTo("member");
    }

    @Test
    void transferringOwnershipMakesTheMemberOwnerAndTheOldOwnerAModerator() {
        var reef = reef("Heir Reef");

        var transferred = reef.owner().api().post("/api/workspaces/" + reef.id() + "/transfer-ownership",
                Map.of("user_id", reef.member().id()));

        assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
        assertThat(transferred.at("/workspace/role").asText()).isEqualTo("moderator");
        assertThat(transferred.at("/event/type").asText()).isEqualTo("workspace.ownership_transferred");
        assertThat(role(reef, reef.member())).isEqualTo("owner");
        assertThat(role(reef, reef.owner())).isEqualTo("moderator");
        // the old owner can no longer hand it on, and the new one can remove them now
        assertThat(reef.owner().api().post("/api/workspaces/" + reef.id() + "/transfer-ownership",
                Map.of("user_id", reef.owner().id())).status()).isEqualTo(403);
        assertThat(reef.member().api().delete("/api/workspaces/" + reef.id() + "/members/" + reef.owner().id()).status())
                .isEqualTo(200);
    }
}
