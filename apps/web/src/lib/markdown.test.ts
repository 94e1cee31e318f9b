import { describe, expect, it } from "vitest";
import { renderMarkdown, safeHref } from "./markdown";

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
      '<pre><code class="language-js">const a = &#39;&lt;b&gt;&#39;;\n**x**</code></pre><p>after</p>',
    );
  });

  it("renders lists and quotes", () => {
    expect(renderMarkdown("- one\n- *two*\n\n3. three\n4. four\n\n> quoted\n> more")).toBe(
      '<ul><li>one</li><li><em>two</em></li></ul><ol start="3"><li>three</li><li>four</li></ol>' +
        "<blockquote><p>quoted<br>more</p></blockquote>",
    );
  });

  it("keeps line breaks inside a paragraph and splits paragraphs on blank lines", () => {
    expect(renderMarkdown("a\nb\n\nc")).toBe("<p>a<br>b</p><p>c</p>");
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
  ];

  // Structural check: every tag in the output is one we emit on purpose, with only the attributes we
  // set; once those are removed no "<" or ">" may remain, so no other element can exist.
  const TAG = /<\/?([a-z]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/g;
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
  ]);

  it.each(cases)("never emits executable HTML for %j", (input) => {
    const html = renderMarkdown(input);
    const attributes = [...html.matchAll(TAG)].flatMap(([, tag, attrs]) => {
      expect(ALLOWED.has(tag!)).toBe(true);
      return [...attrs!.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, name, value]) => ({
        name,
        value,
      }));
    });
    for (const a of attributes)
      expect(["href", "target", "rel", "class", "start"]).toContain(a.name);
    for (const a of attributes.filter((x) => x.name === "href"))
      expect(a.value).toMatch(/^(https?:\/\/|mailto:)/);
    expect(html.replace(TAG, "")).not.toMatch(/[<>]/);
  });

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
