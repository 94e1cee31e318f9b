package chat.clickclack.search;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries that would be FTS5 syntax errors, injections or just odd, one row each: every one answers 200
 * (searched as text) or a 400 that says what is wrong — never a 500 — and the server keeps searching.
 */
class HostileQueryTest {
    /** A query and what it must get: 200, or 400 with words the error must contain. */
    record Row(String q, int status, String says) {
        @Override
        public String toString() {
            return (q.length() > 40 ? q.substring(0, 40) + "…(" + q.length() + ")" : q) + " → " + status;
        }
    }

    static TestServer server;
    static TestServer.User user;
    static String workspaceId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        user = server.newUser("Fuzz Crab");
        var created = user.api().post("/api/workspaces", Map.of("name", "Fuzz Reef"));
        workspaceId = created.at("/workspace/id").asText();
        var channel = created.at("/channel/id").asText();
        for (var body : new String[] {"plain crab words", "\"quoted\" AND NEAR * - ( ) crab", "emoji 🦀 crab"}) {
            assertThat(user.api().post("/api/channels/" + channel + "/messages", Map.of("body", body)).status())
                    .isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("\"", 400, "nothing to search for"),
                new Row("\"\"", 400, "nothing to search for"),
                new Row("\"\"\"", 400, "nothing to search for"),
                new Row("*", 400, "nothing to search for"),
                new Row("**", 400, "nothing to search for"),
                new Row("crab*", 200, ""),
                new Row("*crab", 200, ""),
                new Row("cr*ab", 200, ""),
                new Row("AND", 200, ""),
                new Row("OR", 200, ""),
                new Row("NOT", 200, ""),
                new Row("NEAR", 200, ""),
                new Row("NEAR(crab words)", 200, ""),
                new Row("crab AND", 200, ""),
                new Row("AND crab OR", 200, ""),
                new Row("crab NOT words", 200, ""),
                new Row("-", 400, "nothing to search for"),
                new Row("-crab", 200, ""),
                new Row("crab -words", 200, ""),
                new Row("(", 400, "nothing to search for"),
                new Row("(crab", 200, ""),
                new Row("crab)", 200, ""),
                new Row("{body}: crab", 200, ""),
                new Row("body:crab", 200, ""),
                new Row("message_search:crab", 200, ""),
                new Row("^crab", 200, ""),
                new Row("\"unbalanced crab", 200, ""),
                new Row("crab \"unbalanced", 200, ""),
                new Row("\"crab\" \"", 200, ""),
                new Row("\"crab\"*", 200, ""),
                new Row("\"crab\"**", 200, ""),
                new Row("'crab'", 200, ""),
                new Row("crab'); DROP TABLE messages; --", 200, ""),
                new Row("\u0000crab", 200, ""),
                new Row("crab\u0000\"", 200, ""),
                new Row("🦀", 400, "nothing to search for"),
                new Row("🦀🦀 crab", 200, ""),
                new Row("\u202Ecrab", 200, ""),
                new Row("ｃｒａｂ", 200, ""),
                new Row("crab:", 200, ""),
                new Row(":crab", 200, ""),
                new Row("from:", 400, "from: needs a name"),
                new Row("from:@", 400, "from: needs a name"),
                new Row("in:#", 400, "in: needs a name"),
                new Row("from:@\"x", 400, "from: needs a name"),
                new Row("before:yesterday", 400, "YYYY-MM-DD"),
                new Row("after:2026-13-40", 400, "YYYY-MM-DD"),
                new Row("before:2026-02-30", 400, "YYYY-MM-DD"),
                new Row("has:image", 400, "link or file"),
                new Row("is:pinned", 400, "thread"),
                new Row("has:link", 200, ""),
                new Row("is:thread", 200, ""),
                new Row("http://example.com/crab?q=\"x\"", 200, ""),
                new Row("crab ".repeat(32).strip(), 200, ""),
                new Row("crab ".repeat(33).strip(), 400, "at most 32"),
                new Row("c".repeat(500), 200, ""),
                new Row("c".repeat(501), 400, "500 characters"),
                new Row(" ", 400, "q is required"),
                new Row("%", 400, "nothing to search for"),
                new Row("crab%", 200, ""),
                new Row("_", 400, "nothing to search for"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aHostileQueryIsSearchedAsTextOrRefusedClearly(Row row) {
        var response = user.api().get("/api/search?workspace_id=" + workspaceId + "&q="
                + URLEncoder.encode(row.q(), StandardCharsets.UTF_8));

        assertThat(response.status()).as("%s: %s", row, response.body()).isEqualTo(row.status());
        if (row.status() == 400) {
            assertThat(response.error()).containsIgnoringCase(row.says());
        } else {
            assertThat(response.json().path("results").isArray()).isTrue();
        }
    }

    @Test
    void textThatLooksLikeSyntaxFindsTheMessageThatSaysIt() {
        var response = user.api().get("/api/search?workspace_id=" + workspaceId + "&q="
                + URLEncoder.encode("\"quoted\" AND NEAR", StandardCharsets.UTF_8));

        assertThat(response.json().path("results")).hasSize(1);
        assertThat(response.at("/results/0/message/body").asText()).startsWith("\"quoted\" AND NEAR");
    }

    @Test
    void aMissingQueryOrWorkspaceIsA400() {
        assertThat(user.api().get("/api/search?workspace_id=" + workspaceId).status()).isEqualTo(400);
        assertThat(user.api().get("/api/search?q=crab").error()).contains("workspace_id");
    }
}
