import { describe, expect, it } from "vitest";
import {
  hasChannelScope,
  hasModifier,
  jumpTarget,
  scopedToChannel,
  snippetParts,
  toggleModifier,
  unscoped,
} from "./search";
import type { Message } from "./types";

describe("snippetParts", () => {
  it("splits on the marks and unescapes the text between them", () => {
    expect(
      snippetParts("&lt;b&gt;<mark>crab</mark>&lt;/b&gt; &amp; &quot;co&quot; &#39;s"),
    ).toEqual([
      { text: "<b>", mark: false },
      { text: "crab", mark: true },
      { text: `</b> & "co" 's`, mark: false },
    ]);
  });

  it("keeps markup that was escaped as text, so a body can never become HTML", () => {
    const parts = snippetParts("&lt;mark&gt;not a match&lt;/mark&gt; <mark>tide</mark>");
    expect(parts).toEqual([
      { text: "<mark>not a match</mark> ", mark: false },
      { text: "tide", mark: true },
    ]);
  });

  it("marks several matches and handles an empty snippet", () => {
    expect(snippetParts("…<mark>a</mark> b <mark>c</mark>…").filter((p) => p.mark)).toHaveLength(2);
    expect(snippetParts("")).toEqual([]);
  });

  it("does not double-unescape", () => {
    expect(snippetParts("&amp;lt;")).toEqual([{ text: "&lt;", mark: false }]);
  });
});

describe("channel scope", () => {
  it("adds in:#channel in front of the words", () => {
    expect(scopedToChannel("deploy failed", "ops")).toBe("in:#ops deploy failed");
    expect(scopedToChannel("", "ops")).toBe("in:#ops");
  });

  it("replaces an in: the query already had", () => {
    expect(scopedToChannel("in:#general deploy IN:random", "ops")).toBe("in:#ops deploy");
    expect(hasChannelScope("deploy in:#ops")).toBe(true);
    expect(hasChannelScope("deploy inside")).toBe(false);
  });
});

describe("modifiers", () => {
  it("toggles a modifier on and off, whatever its case", () => {
    expect(toggleModifier("deploy", "has:link")).toBe("deploy has:link");
    expect(toggleModifier("deploy HAS:LINK now", "has:link")).toBe("deploy now");
    expect(hasModifier("is:thread crab", "is:thread")).toBe(true);
    expect(hasModifier("crab is:threads", "is:thread")).toBe(false);
  });

  it("drops the channel scope", () => {
    expect(unscoped("in:#ops deploy  failed")).toBe("deploy failed");
  });
});

describe("jumpTarget", () => {
  const base = { id: "msg_r", channel_id: "chn_1", parent_message_id: null } as unknown as Message;

  it("opens a root message in its channel", () => {
    expect(jumpTarget(base)).toEqual({ channelId: "chn_1", rootId: "msg_r", replyId: null });
  });

  it("opens a reply in its thread, showing the root in the timeline", () => {
    const reply = { ...base, id: "msg_x", parent_message_id: "msg_r" } as Message;
    expect(jumpTarget(reply)).toEqual({ channelId: "chn_1", rootId: "msg_r", replyId: "msg_x" });
  });

  it("has no channel target for a direct message", () => {
    const dm = {
      ...base,
      channel_id: undefined,
      direct_conversation_id: "dm_1",
    } as unknown as Message;
    expect(jumpTarget(dm)).toBeNull();
  });
});
