package chat.clickclack.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The operator docs ({@code docs/*.md}, copied into the jar) as pages under {@code /docs}, so the product site's
 * "Docs" links work on every server, offline and at the version it runs. Rendered once per page with
 * commonmark-java (raw HTML escaped, URLs sanitized) and cached; links between pages drop their {@code .md}.
 */
final class DocsPages {
    private static final String ROOT = "docs/";
    private static final String STYLESHEET = "docs-site/docs.css";
    /** The index page's table of contents, in reading order. */
    private static final List<String> PAGES = List.of(
            "architecture", "architecture/realtime", "api", "cli", "configuration", "deployment", "development",
            "sdk", "web", "benchmarks");

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(List.of(TablesExtension.create(), HeadingAnchorExtension.create()))
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Link && attributes.containsKey("href")) {
                    attributes.put("href", pageLink(attributes.get("href")));
                }
            })
            .build();
    private final Map<String, Optional<String>> rendered = new ConcurrentHashMap<>();

    void index(Context ctx) {
        var list = new StringBuilder("<h1>ClickClack docs</h1><ul>");
        for (var page : PAGES) {
            render(page).ifPresent(html -> list.append("<li><a href=\"/docs/").append(page).append("\">")
                    .append(escape(titleOf(page))).append("</a></li>"));
        }
        list.append("</ul><p>The API contract is <code>packages/protocol/openapi.yaml</code> in the repository.</p>");
        ctx.header("Cache-Control", "no-cache").html(page("Docs", list.toString()));
    }

    void page(Context ctx) {
        var name = ctx.path().substring("/docs/".length());
        if (name.endsWith(".md")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.equals("docs.css")) {
            ctx.header("Cache-Control", "public, max-age=3600").contentType("text/css; charset=utf-8")
                    .result(read(STYLESHEET).orElse(""));
            return;
        }
        var body = name.matches("[a-z0-9/-]+") && !name.contains("//") ? render(name) : Optional.<String>empty();
        if (body.isEmpty()) {
            ctx.status(404).html(page("Not found", "<h1>No such page</h1><p><a href=\"/docs\">All docs</a></p>"));
            return;
        }
        ctx.header("Cache-Control", "no-cache").html(page(titleOf(name), body.get()));
    }

    private Optional<String> render(String name) {
        return rendered.computeIfAbsent(name, n -> read(ROOT + n + ".md").map(md -> renderer.render(parser.parse(md))));
    }

    /** A page's first heading, or its name. */
    private String titleOf(String name) {
        return read(ROOT + name + ".md").map(md -> {
            var first = parser.parse(md).getFirstChild();
            return first instanceof Heading h && h.getFirstChild() instanceof Text t ? t.getLiteral() : name;
        }).orElse(name);
    }

    /** {@code configuration.md#x} → {@code configuration#x}; links that leave docs/ point at nothing we serve. */
    static String pageLink(String href) {
        if (href.contains("://") || href.startsWith("#") || href.startsWith("mailto:")) {
            return href;
        }
        return href.replaceFirst("\\.md(#|$)", "$1");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"color-scheme\" content=\"light dark\">"
                + "<title>" + escape(title) + " — ClickClack docs</title><link rel=\"stylesheet\" href=\"/docs/docs.css\"></head>"
                + "<body><nav><a href=\"/\">ClickClack</a> · <a href=\"/docs\">Docs</a> · <a href=\"/app\">Open the app</a></nav>"
                + "<main>" + body + "</main></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = DocsPages.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
