import { describe, expect, it } from "vitest";
import type { BotToken, Webhook } from "./types";
import {
  ago,
  BOT_SCOPES,
  DEFAULT_BOT_SCOPES,
  describeToken,
  describeWebhook,
  hookUrl,
  tokensInOrder,
} from "./integrations";

const NOW = Date.parse("2026-06-10T12:00:00Z");

function token(id: string, extra: Partial<BotToken> = {}): BotToken {
  return {
    id,
    bot_id: "usr_bot",
    workspace_id: "wsp_1",
    name: id,
    scopes: ["messages:write"],
    created_at: "2026-06-01T00:00:00Z",
    ...extra,
  };
}

describe("hookUrl", () => {
  it("puts the key under /hooks/ on this origin", () => {
    expect(hookUrl("https://chat.example/", "k_abc")).toBe("https://chat.example/hooks/k_abc");
    expect(hookUrl("http://127.0.0.1:8080", "a/b")).toBe("http://127.0.0.1:8080/hooks/a%2Fb");
  });
});

describe("ago", () => {
  it("says how long ago in the largest whole unit", () => {
    expect(ago("2026-06-10T11:59:30Z", NOW)).toBe("just now");
    expect(ago("2026-06-10T11:59:00Z", NOW)).toBe("1 minute ago");
    expect(ago("2026-06-10T09:00:00Z", NOW)).toBe("3 hours ago");
    expect(ago("2026-06-08T12:00:00Z", NOW)).toBe("2 days ago");
    // A clock a little ahead of ours is not "in the future".
    expect(ago("2026-06-10T12:00:05Z", NOW)).toBe("just now");
  });
});

describe("describeToken", () => {
  it("says its scopes and whether and when it was used, or that it is revoked", () => {
    expect(describeToken(token("ci"), NOW)).toBe("ci · 1 scope · never used");
    expect(
      describeToken(
        token("ci", { scopes: [...DEFAULT_BOT_SCOPES], last_used_at: "2026-06-10T10:00:00Z" }),
        NOW,
      ),
    ).toBe("ci · 4 scopes · last used 2 hours ago");
    expect(describeToken(token("old", { revoked_at: "2026-06-09T00:00:00Z" }), NOW)).toBe(
      "old · 1 scope · revoked",
    );
  });
});

describe("tokensInOrder", () => {
  it("lists active tokens newest first, then the revoked ones", () => {
    const list = tokensInOrder([
      token("a", { created_at: "2026-06-01T00:00:00Z" }),
      token("b", { created_at: "2026-06-03T00:00:00Z", revoked_at: "2026-06-04T00:00:00Z" }),
      token("c", { created_at: "2026-06-02T00:00:00Z" }),
    ]);
    expect(list.map((t) => t.id)).toEqual(["c", "a", "b"]);
  });
});

describe("describeWebhook", () => {
  const hook: Webhook = {
    id: "whk_1",
    workspace_id: "wsp_1",
    channel_id: "chn_ops",
    bot_id: "usr_bot",
    name: "Deploys",
    created_at: "2026-06-07T12:00:00Z",
  };
  it("names the channel it posts to and its age, or that it is revoked", () => {
    expect(describeWebhook(hook, "ops", NOW)).toBe("Deploys → #ops · created 3 days ago");
    expect(describeWebhook({ ...hook, revoked_at: "2026-06-08T00:00:00Z" }, undefined, NOW)).toBe(
      "Deploys · revoked",
    );
  });
});

describe("BOT_SCOPES", () => {
  it("offers every default scope", () => {
    for (const s of DEFAULT_BOT_SCOPES) expect(BOT_SCOPES.map((b) => b.scope)).toContain(s);
  });
});
