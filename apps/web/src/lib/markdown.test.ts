import { describe, expect, it } from "vitest";
import { highlight } from "./highlighter";
import { renderDetailed, renderMarkdown, safeHref } from "./markdown";

describe("safe Markdown", () => {
  it("renders emphasis, strike and inline code", () => {
    expect(renderMarkdown("**bold** and *soft* and _also_ and ~~gone~~ and `x < y`")).toBe(
      "<p><strong>bold</strong> and <em>soft</em> and <em>also</em> and <del>gone</del> and <code>x &lt; y</code></p>",
    );
  });

  it("leaves snake_case and lone asterisks alone", () => {
    expect(renderMarkdown("call my_var_name, then 2 * 3 * 4")).toBe(
      "<p>call my_var_name, then 2 * 3 * 4</p>",
    );
  });

  it("does not format inside code spans", () => {
    expect(renderMarkdown("`**not bold**`")).toBe("<p><code>**not bold**</code></p>");
  });

  it("renders fenced code blocks verbatim and escaped", () => {
    expect(renderMarkdown("```js\nconst a = '<b>';\n**x**\n```\nafter")).toBe(
      "<pre><code class=\"language-js\">const a = '&lt;b&gt;';\n**x**\n</code></pre>\n<p>after</p>",
    );
  });

  it("renders lists and quotes", () => {
    expect(renderMarkdown("- one\n- *two*\n\n3. three\n4. four\n\n> quoted\n> more")).toBe(
      '<ul>\n<li>one</li>\n<li><em>two</em></li>\n</ul>\n<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n' +
        "<blockquote>\n<p>quoted<br>\nmore</p>\n</blockquote>",
    );
  });

  it("keeps line breaks inside a paragraph and splits paragraphs on blank lines", () => {
    expect(renderMarkdown("a\nb\n\nc")).toBe("<p>a<br>\nb</p>\n<p>c</p>");
  });

  it("links safely with noopener and a new tab", () => {
    expect(
      renderMarkdown("see [the docs](https://clickclack.chat/docs) or https://example.com/x."),
    ).toBe(
      '<p>see <a href="https://clickclack.chat/docs" target="_blank" rel="noopener noreferrer">the docs</a> or ' +
        '<a href="https://example.com/x" target="_blank" rel="noopener noreferrer">https://example.com/x</a>.</p>',
    );
    expect(renderMarkdown("[mail](mailto:ari@example.com)")).toContain(
      'href="mailto:ari@example.com"',
    );
  });
});

const shortcodes = (name: string): string | undefined => ({ tada: "🎉", crab: "🦀" })[name];

describe("GitHub-flavoured Markdown", () => {
  it("renders tables with alignment as classes, not inline styles", () => {
    expect(renderMarkdown("| name | qty |\n|:-----|----:|\n| *crab* | 2 |")).toBe(
      "<table>\n<thead>\n<tr>\n" +
        '<th class="align-left">name</th>\n<th class="align-right">qty</th>\n' +
        "</tr>\n</thead>\n<tbody>\n<tr>\n" +
        '<td class="align-left"><em>crab</em></td>\n<td class="align-right">2</td>\n' +
        "</tr>\n</tbody>\n</table>",
    );
  });

  it("nests lists", () => {
    expect(renderMarkdown("- shell\n  - crab\n    1. claw")).toBe(
      "<ul>\n<li>shell\n<ul>\n<li>crab\n<ol>\n<li>claw</li>\n</ol>\n</li>\n</ul>\n</li>\n</ul>",
    );
  });

  it("renders task lists with disabled checkboxes", () => {
    expect(renderMarkdown("- [ ] molt\n- [x] eat")).toBe(
      "<ul>\n" +
        '<li class="task"><input type="checkbox" disabled="">molt</li>\n' +
        '<li class="task"><input type="checkbox" disabled="" checked="">eat</li>\n' +
        "</ul>",
    );
    // Brackets elsewhere are just text.
    expect(renderMarkdown("[x] not in a list")).toBe("<p>[x] not in a list</p>");
  });

  it("renders headings", () => {
    expect(renderMarkdown("# Reef\n### Tide *log*")).toBe(
      "<h1>Reef</h1>\n<h3>Tide <em>log</em></h3>",
    );
  });

  it("turns shortcodes into emoji outside code and links", () => {
    const r = renderDetailed(":tada: :crab: :nope: `:tada:` [:tada:](https://x.example)", {
      shortcodes,
    });
    expect(r.html).toBe(
      '<p>🎉 🦀 :nope: <code>:tada:</code> <a href="https://x.example" target="_blank" rel="noopener noreferrer">:tada:</a></p>',
    );
    expect(r.hasShortcode).toBe(true);
    expect(renderDetailed("at 10:30 and 11:45").hasShortcode).toBe(false);
  });

  it("reports code blocks so the highlighter is only loaded when one appears", () => {
    expect(renderDetailed("no code here, `inline` only").hasCode).toBe(false);
    expect(renderDetailed("```ts\nlet a = 1;\n```").hasCode).toBe(true);
  });

  it("highlights fenced code with escaped, class-annotated spans", () => {
    expect(renderMarkdown('```ts\nconst a = "<b>";\n```', { highlight })).toBe(
      '<pre><code class="language-ts"><span class="hljs-keyword">const</span> a = ' +
        '<span class="hljs-string">&quot;&lt;b&gt;&quot;</span>;\n</code></pre>',
    );
    // Unknown languages stay plain and escaped.
    expect(renderMarkdown("```klingon\n<b>\n```", { highlight })).toBe(
      '<pre><code class="language-klingon">&lt;b&gt;\n</code></pre>',
    );
  });
});

describe("hostile input", () => {
  const cases = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    '[x](https://a.example/"onmouseover="alert(1))',
    "**<iframe src=//evil>**",
    "```\n</code></pre><script>x()</script>\n```",
    "> <svg onload=alert(1)>",
    "- <a href=javascript:x>y</a>",
    "| <b>a</b> | b |\n|---|---|\n| <script>x</script> | [y](javascript:y) |",
    "- [ ] <img src=x onerror=alert(1)>",
    "# <svg onload=alert(1)>",
    '```"><script>alert(1)</script>\nx\n```',
    "```html\n<script>alert(1)</script>\n```",
    "![x](https://a.example/x.png)",
    "<https://a.example/> <javascript:alert(1)>",
    "&lt;script&gt; &#x3C;script&#x3E;",
  ];

  // Structural check: every tag in the output is one we emit on purpose, with only the attributes we
  // set; once those are removed no "<" or ">" may remain, so no other element can exist.
  const TAG = /<\/?([a-z][a-z0-9]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/g;
  const ALLOWED = new Set([
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
    "span",
  ]);

  it.each(
    cases.flatMap((input) => [
      { input, highlighter: null },
      { input, highlighter: highlight },
    ]),
  )(
    "never emits executable HTML for $input (highlighted: $highlighter)",
    ({ input, highlighter }) => {
      const html = renderMarkdown(input, { highlight: highlighter });
      const attributes = [...html.matchAll(TAG)].flatMap(([, tag, attrs]) => {
        expect(ALLOWED.has(tag!)).toBe(true);
        return [...attrs!.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => ({
          name,
          value,
        }));
      });
      for (const a of attributes)
        expect([
          "href",
          "target",
          "rel",
          "class",
          "start",
          "type",
          "disabled",
          "checked",
        ]).toContain(a.name);
      for (const a of attributes.filter((x) => x.name === "href"))
        expect(a.value).toMatch(/^(https?:\/\/|mailto:)/);
      expect(html.replace(TAG, "")).not.toMatch(/[<>]/);
      for (const a of attributes.filter((x) => x.name === "type")) expect(a.value).toBe("checkbox");
    },
  );

  it("shows raw HTML as text", () => {
    expect(renderMarkdown("<b>hi</b>")).toBe("<p>&lt;b&gt;hi&lt;/b&gt;</p>");
  });

  it("renders refused links as plain text", () => {
    expect(renderMarkdown("[click](javascript:alert(1))")).toBe(
      "<p>[click](javascript:alert(1))</p>",
    );
  });

  it("accepts only absolute http(s) and mailto hrefs", () => {
    expect(safeHref("https://ok.example")).toBe("https://ok.example");
    expect(safeHref("http://ok.example/a?b=c")).toBe("http://ok.example/a?b=c");
    expect(safeHref("mailto:a@b.c")).toBe("mailto:a@b.c");
    expect(safeHref("/relative")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("vbscript:x")).toBeNull();
    expect(safeHref("https:///nohost")).toBeNull();
  });

  it("handles pathological delimiter runs quickly", () => {
    const start = performance.now();
    renderMarkdown("*_~`[".repeat(2000));
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
