import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

const me = { meHandle: "alice" };

describe("mentions in rendered messages", () => {
  it("wraps @handles in a mention span and marks mine, case-insensitively", () => {
    expect(renderMarkdown("hi @Alice and @bob.", me)).toBe(
      '<p>hi <span class="mention me">@Alice</span> and <span class="mention">@bob</span>.</p>',
    );
  });

  it("marks @channel and @here as mentioning me", () => {
    expect(renderMarkdown("@channel and @here", me)).toBe(
      '<p><span class="mention me">@channel</span> and <span class="mention me">@here</span></p>',
    );
  });

  it("leaves code, links, emails, paths and escapes alone", () => {
    expect(renderMarkdown("`@alice`", me)).toBe("<p><code>@alice</code></p>");
    expect(renderMarkdown("```\n@alice\n```", me)).toBe("<pre><code>@alice\n</code></pre>");
    expect(renderMarkdown("    @alice", me)).toBe("<pre><code>@alice\n</code></pre>");
    expect(renderMarkdown("mail a@alice.com or x/@alice or \\@alice", me)).not.toContain("mention");
    expect(
      renderMarkdown("[@alice](https://x.test/@alice) https://y.test/@alice", me),
    ).not.toContain("mention");
  });

  it("highlights inside emphasis and without a signed-in handle", () => {
    expect(renderMarkdown("**@alice**", me)).toBe(
      '<p><strong><span class="mention me">@alice</span></strong></p>',
    );
    expect(renderMarkdown("@alice")).toBe('<p><span class="mention">@alice</span></p>');
  });

  it("cannot smuggle markup through a mention", () => {
    const html = renderMarkdown('@alice<img src=x onerror="alert(1)"> @"><script>', me);
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).toContain('<span class="mention me">@alice</span>&lt;img');
  });
});
