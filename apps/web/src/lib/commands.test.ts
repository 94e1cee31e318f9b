import { describe, expect, it } from "vitest";
import { commandLine } from "./commands";

describe("commandLine", () => {
  it("takes lines that start with a built-in command", () => {
    expect(commandLine("/shrug fine")).toBe("/shrug fine");
    expect(commandLine("  /help  ")).toBe("/help");
    expect(commandLine("/ME waves")).toBe("/ME waves");
    expect(commandLine("/topic molting season\nsecond line")).toBe(
      "/topic molting season\nsecond line",
    );
  });

  it("leaves ordinary messages alone, even when they start with a slash", () => {
    expect(commandLine("hello")).toBeUndefined();
    expect(commandLine("/etc/hosts is wrong")).toBeUndefined();
    expect(commandLine("/shrugging is fine")).toBeUndefined();
    expect(commandLine("say /shrug")).toBeUndefined();
    expect(commandLine("/")).toBeUndefined();
  });
});
