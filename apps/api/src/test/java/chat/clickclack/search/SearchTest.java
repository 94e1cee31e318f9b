package chat.clickclack.search;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.Api;
import chat.clickclack.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, search over HTTP on the real server and real SQLite: every part of the query language, edits
 * and deletes reaching the index in the same write, snippets, paging in both orders, and who finds what.
 * Each test searches for words only it posts, so they share one server. Every answer is also checked
 * against openapi.yaml by the test client.
 */
class SearchTest {
    static TestServer server;
    static TestServer.User ada;
    static TestServer.User bo;
    static String workspaceId;
    static String general;
    static String ops;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        ada = server.newUser("Ada Crab");
        bo = server.newUser("Bo Shrimp");
        var created = ada.api().post("/api/workspaces", Map.of("name", "Search Reef"));
        workspaceId = created.at("/workspace/id").asText();
        general = created.at("/channel/id").asText();
        server.join(workspaceId, bo, "member");
        ops = ada.api().post("/api/workspaces/" + workspaceId + "/channels", Map.of("name", "ops")).at("/channel/id")
                .asText();
        assertThat(ada.api().patch("/api/me", Map.of("handle", "ada-search")).status()).isEqualTo(200);
        assertThat(bo.api().patch("/api/me", Map.of("handle", "bo-search")).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String post(TestServer.User as, String channelId, String body) {
        var posted = as.api().post("/api/channels/" + channelId + "/messages", Map.of("body", body));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        return posted.at("/message/id").asText();
    }

    static Api.Response search(TestServer.User as, String query) {
        return as.api().get("/api/search?workspace_id=" + workspaceId + "&q=" + encode(query));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The ids of the messages found, in the order given. */
    static List<String> found(TestServer.User as, String query) {
        var response = search(as, query);
        assertThat(response.status()).as("%s: %s", query, response.body()).isEqualTo(200);
        return response.json().path("results").findValuesAsText("id").stream().filter(id -> id.startsWith("msg_"))
                .toList();
    }

    static List<String> ids(Api.Response response) {
        var out = new ArrayList<String>();
        response.json().path("results").forEach(r -> out.add(r.path("message").path("id").asText()));
        return out;
    }

    @Test
    void everyWordMustMatchInAnyOrder() {
        var both = post(ada, general, "the barnacle festival starts at noon");
        post(ada, general, "a barnacle alone");
        post(ada, general, "a festival alone");

        assertThat(found(bo, "festival barnacle")).containsExactly(both);
        assertThat(found(bo, "BARNACLE")).hasSize(2);
    }

    @Test
    void aQuotedPhraseMatchesOnlyInThatOrder() {
        var phrase = post(ada, general, "kelp forest walk on friday");
        post(ada, general, "forest of kelp, walk later");

        assertThat(found(bo, "\"kelp forest\"")).containsExactly(phrase);
        assertThat(found(bo, "kelp forest")).hasSize(2);
    }

    @Test
    void aPrefixMatchesEveryWordThatStartsWithIt() {
        var one = post(ada, general, "deployment of the tidegate");
        var two = post(ada, general, "tidegates deployed");
        post(ada, general, "tide pools only");

        assertThat(found(bo, "tidegat*")).containsExactlyInAnyOrder(one, two);
        assertThat(found(bo, "tidegate")).containsExactly(one);
        assertThat(found(bo, "\"tidegates depl\"*")).containsExactly(two);
    }

    @Test
    void diacriticsAndCaseAreFolded() {
        var cafe = post(ada, general, "Meet at the Café Crustacé");

        assertThat(found(bo, "cafe crustace")).containsExactly(cafe);
        assertThat(found(bo, "CAFÉ")).containsExactly(cafe);
    }

    @Test
    void fromNarrowsToOneAuthorByHandle() {
        var byAda = post(ada, general, "periwinkle report by ada");
        var byBo = post(bo, general, "periwinkle report by bo");

        assertThat(found(bo, "periwinkle from:@ada-search")).containsExactly(byAda);
        assertThat(found(bo, "periwinkle from:bo-search")).containsExactly(byBo);
        assertThat(found(bo, "periwinkle from:@nobody-here")).isEmpty();
        assertThat(found(bo, "from:@bo-search periwinkle")).containsExactly(byBo);
    }

    @Test
    void inNarrowsToOneChannelByName() {
        var inOps = post(ada, ops, "anemone outage in ops");
        var inGeneral = post(ada, general, "anemone outage in general");

        assertThat(found(bo, "anemone in:#ops")).containsExactly(inOps);
        assertThat(found(bo, "anemone in:general")).containsExactly(inGeneral);
        assertThat(found(bo, "anemone in:#no-such-channel")).isEmpty();
    }

    @Test
    void channelIdNarrowsToThatChannel() {
        var inOps = post(ada, ops, "sandbar checklist");
        post(ada, general, "sandbar checklist too");

        var response = bo.api().get("/api/search?workspace_id=" + workspaceId + "&channel_id=" + ops + "&q=sandbar");
        assertThat(ids(response)).containsExactly(inOps);
    }

    @Test
    void beforeAndAfterCompareWholeUtcDays() {
        var today = LocalDate.now(ZoneOffset.UTC);
        var id = post(ada, general, "starfish census today");

        assertThat(found(bo, "starfish before:" + today.plusDays(1))).containsExactly(id);
        assertThat(found(bo, "starfish before:" + today)).isEmpty();
        assertThat(found(bo, "starfish after:" + today.minusDays(1))).containsExactly(id);
        assertThat(found(bo, "starfish after:" + today)).isEmpty();
    }

    @Test
    void hasLinkFindsMessagesWithALinkAndHasFileFindsNothingYet() {
        var linked = post(ada, general, "urchin docs at https://example.com/urchins");
        post(ada, general, "urchin docs are in the wiki");

        assertThat(found(bo, "urchin has:link")).containsExactly(linked);
        assertThat(found(bo, "urchin")).hasSize(2);
        assertThat(found(bo, "urchin has:file")).isEmpty();
    }

    @Test
    void theIndexsModifierTokensAreNeverMatchedAsWordsNorTheOtherWayRound() {
        var plain = post(ada, ops, "the word haslink without a link, and isreply");
        var channelToken = "ch" + ops.substring(4).toLowerCase();

        assertThat(found(bo, "haslink")).containsExactly(plain);
        assertThat(found(bo, "haslink has:link")).isEmpty();
        assertThat(found(bo, "isreply is:thread")).isEmpty();
        assertThat(found(bo, channelToken)).isEmpty();
    }

    @Test
    void isThreadFindsRepliesAndRootsWithReplies() {
        var root = post(ada, general, "mussel thread root");
        var lonely = post(ada, general, "mussel lonely root");
        var reply = ada.api().post("/api/messages/" + root + "/thread/replies", Map.of("body", "mussel in the thread"));
        assertThat(reply.status()).isEqualTo(201);

        assertThat(found(bo, "mussel is:thread")).containsExactlyInAnyOrder(root, reply.at("/message/id").asText());
        assertThat(found(bo, "mussel")).contains(lonely).hasSize(3);
    }

    @Test
    void modifiersAloneListMatchingMessagesNewestFirst() {
        var first = post(bo, ops, "first krill note");
        var second = post(bo, ops, "second krill note");

        var response = search(bo, "in:#ops from:@bo-search");
        assertThat(response.status()).isEqualTo(200);
        var shown = ids(response);
        assertThat(shown.indexOf(second)).isLessThan(shown.indexOf(first));
        assertThat(response.at("/results/0/rank").asDouble()).isZero();
        assertThat(response.at("/results/0/snippet").asText()).isEqualTo("second krill note");
    }

    @Test
    void anEditIsFoundByItsNewWordsAndNotItsOldOnes() {
        var id = post(ada, general, "original scallop wording");
        assertThat(found(bo, "scallop")).containsExactly(id);

        assertThat(ada.api().patch("/api/messages/" + id, Map.of("body", "revised oyster wording")).status())
                .isEqualTo(200);

        assertThat(found(bo, "scallop")).isEmpty();
        assertThat(found(bo, "oyster")).containsExactly(id);
        var hit = search(bo, "oyster").at("/results/0");
        assertThat(hit.path("message").path("body").asText()).isEqualTo("revised oyster wording");
        assertThat(hit.path("message").path("edited_at").isTextual()).isTrue();
    }

    @Test
    void aDeletedMessageIsNeverFound() {
        var id = post(ada, general, "cockle secret to delete");
        assertThat(found(bo, "cockle")).containsExactly(id);

        assertThat(ada.api().delete("/api/messages/" + id).status()).isEqualTo(200);

        assertThat(found(bo, "cockle")).isEmpty();
        assertThat(found(bo, "in:general")).doesNotContain(id);
    }

    @Test
    void theMessageIsServedAsTheMessagesApiServesIt() {
        var id = post(ada, general, "nautilus with a reaction");
        assertThat(bo.api().post("/api/messages/" + id + "/reactions", Map.of("emoji", "crab")).status()).isEqualTo(201);

        var hit = search(bo, "nautilus").at("/results/0/message");
        var direct = bo.api().get("/api/messages/" + id).at("/message");
        assertThat(hit).isEqualTo(direct);
        assertThat(hit.path("reactions").get(0).path("reacted_by_me").asBoolean()).isTrue();
    }

    @Test
    void theSnippetMarksMatchesAndEscapesEverythingElse() {
        post(ada, general, "<b>limpet</b> & \"friends\" <script>alert(1)</script>");

        var snippet = search(bo, "limpet").at("/results/0/snippet").asText();

        assertThat(snippet).isEqualTo(
                "&lt;b&gt;<mark>limpet</mark>&lt;/b&gt; &amp; &quot;friends&quot; &lt;script&gt;alert(1)&lt;/script&gt;");
        var rank = search(bo, "limpet").at("/results/0/rank").asDouble();
        assertThat(rank).isPositive();
    }

    @Test
    void aLongBodyIsCutAroundTheMatch() {
        var filler = "lorem ".repeat(60);
        post(ada, general, filler + "cuttlefish " + filler);

        var snippet = search(bo, "cuttlefish").at("/results/0/snippet").asText();

        assertThat(snippet).contains("<mark>cuttlefish</mark>").startsWith("…").endsWith("…");
        assertThat(snippet.length()).isLessThan(250);
    }

    @Test
    void pagesNewestFirstCoverEveryMatchOnceEvenWhileNewOnesArrive() {
        var posted = new ArrayList<String>();
        for (int i = 0; i < 7; i++) {
            posted.add(post(ada, general, "hermit crab page " + i));
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var response = bo.api().get("/api/search?workspace_id=" + workspaceId + "&q=hermit&sort=recent&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.status()).isEqualTo(200);
            seen.addAll(ids(response));
            cursor = response.json().has("next_cursor") ? response.text("next_cursor") : null;
            if (pages++ == 0) {
                post(ada, general, "hermit crab arriving late"); // newer than every page still to come
            }
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(posted.reversed());
    }

    @Test
    void pagesByRelevanceCoverEveryMatchOnce() {
        var posted = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            posted.add(post(ada, general, "coral ".repeat(i + 1) + "reef relevance " + i));
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var response = bo.api().get("/api/search?workspace_id=" + workspaceId + "&q=coral&limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(ids(response));
            cursor = response.json().has("next_cursor") ? response.text("next_cursor") : null;
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(posted);
        // bm25 favours the message that says "coral" most often
        assertThat(seen.getFirst()).isEqualTo(posted.getLast());
    }

    @Test
    void aCursorOfTheOtherSortIsRefused() {
        for (int i = 0; i < 3; i++) {
            post(ada, general, "whelk cursor " + i);
        }
        var first = bo.api().get("/api/search?workspace_id=" + workspaceId + "&q=whelk&limit=1&sort=newest");
        var cursor = first.text("next_cursor");

        var mixed = bo.api().get("/api/search?workspace_id=" + workspaceId + "&q=whelk&limit=1&cursor=" + cursor);

        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.error()).contains("sorted by recent");
    }

    @Test
    void aNonMemberCannotSearchTheWorkspace() {
        post(ada, general, "abalone for members only");
        var outsider = server.newUser("Outsider Eel");

        var response = outsider.api().get("/api/search?workspace_id=" + workspaceId + "&q=abalone");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("abalone");
    }

    @Test
    void anotherWorkspacesMessagesAreNeverFound() {
        var mine = post(ada, general, "lobsterpot in my reef");
        var elsewhere = ada.api().post("/api/workspaces", Map.of("name", "Other Reef"));
        var otherGeneral = elsewhere.at("/channel/id").asText();
        var theirs = post(ada, otherGeneral, "lobsterpot in the other reef");

        assertThat(found(ada, "lobsterpot")).containsExactly(mine);
        var other = ada.api().get("/api/search?workspace_id=" + elsewhere.at("/workspace/id").asText() + "&q=lobsterpot");
        assertThat(ids(other)).containsExactly(theirs);
        // the other workspace's channel cannot be used to reach across either
        var across = ada.api().get("/api/search?workspace_id=" + workspaceId + "&channel_id=" + otherGeneral + "&q=lobsterpot");
        assertThat(across.status()).isEqualTo(400);
    }

    @Test
    void directMessagesAreFoundByTheirMembersOnly() {
        var cy = server.newUser("Cy Lobster");
        server.join(workspaceId, cy, "member");
        var dm = ada.api().post("/api/dms", Map.of("workspace_id", workspaceId, "member_ids", List.of(cy.id())))
                .at("/conversation/id").asText();
        var posted = cy.api().post("/api/dms/" + dm + "/messages", Map.of("body", "the seahorse password is tide"));
        var id = posted.at("/message/id").asText();

        assertThat(found(ada, "seahorse")).containsExactly(id);
        assertThat(found(cy, "seahorse")).containsExactly(id);
        assertThat(found(bo, "seahorse")).isEmpty(); // a workspace member outside the conversation
        assertThat(found(bo, "from:@" + cy.api().get("/api/me").at("/user/handle").asText())).isEmpty();
        var hit = search(ada, "seahorse").at("/results/0/message");
        assertThat(hit.path("direct_conversation_id").asText()).isEqualTo(dm);
        assertThat(hit.has("channel_id")).isFalse();
    }

    @Test
    void operatorsAndSymbolsAreSearchedAsText() {
        var id = post(ada, general, "squid AND octopus NEAR the -reef (cephalopods) OR NOT");

        assertThat(found(bo, "squid AND octopus")).containsExactly(id);
        assertThat(found(bo, "NEAR cephalopods")).containsExactly(id);
        assertThat(found(bo, "-reef squid")).containsExactly(id);
        assertThat(found(bo, "(cephalopods) OR")).containsExactly(id);
        assertThat(found(bo, "\"squid AND")).containsExactly(id); // an open quote runs to the end
        assertThat(found(bo, "squid *")).containsExactly(id);
        assertThat(found(bo, "squid 🦑")).containsExactly(id);
    }
}
