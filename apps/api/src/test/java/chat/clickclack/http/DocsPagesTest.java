package chat.clickclack.http;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The docs the product site links to are served by the server itself, rendered from docs/*.md. */
class DocsPagesTest {
    private static TestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theIndexListsThePagesAndEachRendersAsHtmlWithTablesAndWorkingLinks() throws Exception {
        var index = get("/docs");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(index.body()).contains("href=\"/docs/cli\"").contains("href=\"/docs/architecture/realtime\"");

        var configuration = get("/docs/configuration");
        assertThat(configuration.statusCode()).isEqualTo(200);
        assertThat(configuration.body()).contains("<h1 id=\"configuration\">Configuration</h1>").contains("<table>")
                .contains("public_url");
        var cli = get("/docs/cli.md");
        assertThat(cli.statusCode()).as("the .md spelling of a link works too").isEqualTo(200);
        assertThat(cli.body()).contains("href=\"configuration\"").doesNotContain("href=\"configuration.md\"");
        assertThat(get("/docs/docs.css").headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
    }

    @Test
    void unknownOrSneakyPagesAre404() throws Exception {
        assertThat(get("/docs/nope").statusCode()).isEqualTo(404);
        assertThat(get("/docs/..%2Fpom").statusCode()).isEqualTo(404);
        assertThat(get("/docs/../README").statusCode()).isIn(404, 400);
    }

    @Test
    void pageLinksDropTheirMdButOtherLinksStay() {
        assertThat(DocsPages.pageLink("configuration.md#aot-cache-jdk-25")).isEqualTo("configuration#aot-cache-jdk-25");
        assertThat(DocsPages.pageLink("architecture/realtime.md")).isEqualTo("architecture/realtime");
        assertThat(DocsPages.pageLink("https://example.com/a.md")).isEqualTo("https://example.com/a.md");
        assertThat(DocsPages.pageLink("#top")).isEqualTo("#top");
    }
}
