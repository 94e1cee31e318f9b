package chat.clickclack.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/workspaces/{id}/members: everyone for old callers, pages and filters for new ones. */
class MemberListTest {
    private static TestServer server;
    private static TestServer.User owner;
    private static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        owner = server.newUser("Alpha Owner");
        workspaceId = owner.api().post("/api/workspaces", Map.of("name", "Member Reef")).at("/workspace/id").asText();
        for (var name : List.of("Bravo Crab", "Charlie Crab", "Delta Eel", "Echo Crab", "Foxtrot Shrimp")) {
            server.join(workspaceId, server.newUser(name), name.startsWith("Delta") ? "moderator" : "member");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Response members(String query) {
        var response = owner.api().get("/api/workspaces/" + workspaceId + "/members" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static List<String> names(Api.Response page) {
        return page.json().get("members").findValuesAsText("display_name");
    }

    @Test
    void aCallerWithoutParametersGetsEveryMemberByNameAndNoMore() {
        var all = members("");

        assertThat(names(all)).containsExactly("Alpha Owner", "Bravo Crab", "Charlie Crab", "Delta Eel", "Echo Crab",
                "Foxtrot Shrimp");
        assertThat(all.at("/has_more").asBoolean(true)).isFalse();
        assertThat(all.json().has("next_cursor")).isFalse();
    }

    @Test
    void pagesFollowTheCursorUntilHasMoreIsFalseWithEveryMemberOnce() {
        var seen = new ArrayList<String>();
        var page = members("?limit=2");
        int pages = 1;
        while (page.at("/has_more").asBoolean()) {
            assertThat(names(page)).hasSize(2);
            seen.addAll(names(page));
            page = members("?limit=2&cursor=" + page.text("next_cursor"));
            pages++;
        }
        seen.addAll(names(page));

        assertThat(pages).isEqualTo(3);
        assertThat(page.json().has("next_cursor")).isFalse();
        assertThat(seen).containsExactlyElementsOf(names(members("")));
    }

    @Test
    void qMatchesNameOrHandleWithoutRegardToCase() {
        assertThat(names(members("?q=CRAB"))).containsExactly("Bravo Crab", "Charlie Crab", "Echo Crab");
        var eel = members("?q=delta-e");
        assertThat(names(eel)).as("the handle delta-eel").containsExactly("Delta Eel");
        assertThat(names(members("?q=nobody-here"))).isEmpty();
        assertThat(names(members("?q=crab&limit=2"))).containsExactly("Bravo Crab", "Charlie Crab");
    }

    @Test
    void roleKeepsOnlyMembersWithThatRole() {
        assertThat(names(members("?role=owner"))).containsExactly("Alpha Owner");
        assertThat(names(members("?role=moderator"))).containsExactly("Delta Eel");
        assertThat(names(members("?role=member&q=shrimp"))).containsExactly("Foxtrot Shrimp");
    }

    @Test
    void aRenamedMemberIsFoundByTheNewName() {
        var renamed = server.newUser("Golf Lobster");
        var other = renamed.api().post("/api/workspaces", Map.of("name", "Rename Reef")).at("/workspace/id").asText();
        renamed.api().patch("/api/me", Map.of("display_name", "Hotel Lobster", "handle", "hotel"));

        var found = renamed.api().get("/api/workspaces/" + other + "/members?q=hotel");
        assertThat(names(found)).containsExactly("Hotel Lobster");
        assertThat(names(renamed.api().get("/api/workspaces/" + other + "/members?q=golf"))).isEmpty();
    }
}
