import { describe, expect, it } from "vitest";
import {
  BUILT_IN_COMMANDS,
  commandLine,
  forConversation,
  fromServer,
  noteKey,
  suggestCommands,
} from "./commands";

const registered = fromServer([
  { trigger: "deploy", usage_hint: "<service>", description: "Deploy a service" },
  { trigger: "claw", usage_hint: "", description: "Ask the claw" },
]);
const known = [...BUILT_IN_COMMANDS, ...registered];

describe("commandLine", () => {
  it("takes lines that start with a built-in command", () => {
    expect(commandLine("/shrug fine")).toBe("/shrug fine");
    expect(commandLine("  /help  ")).toBe("/help");
    expect(commandLine("/ME waves")).toBe("/ME waves");
    expect(commandLine("/topic molting season\nsecond line")).toBe(
      "/topic molting season\nsecond line",
    );
    expect(commandLine("/invite @ari")).toBe("/invite @ari");
  });

  it("takes the workspace's registered commands once they are known", () => {
    expect(commandLine("/deploy api", known)).toBe("/deploy api");
    expect(commandLine("/deploy api")).toBeUndefined();
  });

  it("leaves ordinary messages alone, even when they start with a slash", () => {
    expect(commandLine("hello")).toBeUndefined();
    expect(commandLine("/etc/hosts is wrong", known)).toBeUndefined();
    expect(commandLine("/shrugging is fine")).toBeUndefined();
    expect(commandLine("say /shrug")).toBeUndefined();
    expect(commandLine("/")).toBeUndefined();
  });
});

describe("suggestCommands", () => {
  it("suggests commands by the trigger being typed, with their descriptions", () => {
    expect(suggestCommands("/de", known)).toEqual([
      { trigger: "/deploy", hint: "<service>", description: "Deploy a service" },
    ]);
    expect(suggestCommands("/c", known).map((c) => c.trigger)).toEqual(["/claw"]);
    expect(suggestCommands("/", known, 3)).toHaveLength(3);
    expect(suggestCommands("/S", known).map((c) => c.trigger)).toEqual(["/shrug", "/status"]);
  });

  it("stops once the trigger is complete or the arguments begin, and ignores ordinary text", () => {
    expect(suggestCommands("/deploy", known)).toEqual([]);
    expect(suggestCommands("/deploy a", known)).toEqual([]);
    expect(suggestCommands("hello /de", known)).toEqual([]);
    expect(suggestCommands("/zzz", known)).toEqual([]);
  });
});

describe("noteKey", () => {
  it("files a thread's delayed reply under the thread, apart from its channel's", () => {
    expect(noteKey({ channelId: "chn_1" })).toBe("chn_1");
    expect(noteKey({ channelId: "chn_1", threadRootId: "msg_9" })).toBe("thread:msg_9");
    expect(noteKey({ channelId: "chn_1", threadRootId: "msg_9" })).not.toBe(
      noteKey({ channelId: "chn_1" }),
    );
  });
});

describe("forConversation", () => {
  it("suggests only the commands that work in a direct conversation", () => {
    expect(forConversation(known).map((c) => c.trigger)).toEqual([
      "/shrug",
      "/me",
      "/status",
      "/help",
    ]);
  });
});
