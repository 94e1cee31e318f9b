import { describe, expect, it } from "vitest";
import {
  expiryFor,
  isBot,
  isUploadedAvatar,
  profileChange,
  profileForm,
  shownAuthor,
  shownStatus,
  withUser,
} from "./people";
import type { Member, User } from "./types";

const user = (id: string, name: string, extra: Partial<User> = {}): User => ({
  id,
  kind: "human",
  display_name: name,
  handle: name.toLowerCase(),
  avatar_url: "",
  created_at: "2026-01-01T00:00:00Z",
  ...extra,
});
const member = (u: User): Member => ({
  user: u,
  role: "member",
  joined_at: "2026-01-01T00:00:00Z",
});

describe("withUser", () => {
  it("replaces the changed member's profile and keeps the rest", () => {
    const ari = member(user("usr_a", "Ari"));
    const bo = member(user("usr_b", "Bo"));
    const renamed = user("usr_b", "Bo Crab", {
      status: { preset: "molting", emoji: "🦞", text: "Molting" },
    });

    const next = withUser([ari, bo], renamed);

    expect(next.map((m) => m.user.display_name)).toEqual(["Ari", "Bo Crab"]);
    expect(next[1]!.user.status?.emoji).toBe("🦞");
    expect(next[1]!.role).toBe("member");
    expect(next[0]).toBe(ari);
  });

  it("leaves the list as it is for someone who is not in it", () => {
    const list = [member(user("usr_a", "Ari"))];
    expect(withUser(list, user("usr_z", "Zed"))).toBe(list);
  });
});

describe("shownStatus", () => {
  const now = new Date("2026-06-01T12:00:00Z");

  it("shows a status without expiry and one that has not expired yet", () => {
    const forever = user("usr_a", "Ari", { status: { preset: "afk", emoji: "🌊", text: "AFK" } });
    const later = user("usr_a", "Ari", {
      status: { preset: "custom", emoji: "🦀", text: "", expires_at: "2026-06-01T12:30:00Z" },
    });
    expect(shownStatus(forever, now)?.emoji).toBe("🌊");
    expect(shownStatus(later, now)?.emoji).toBe("🦀");
  });

  it("hides a status whose time is up, and a user without one", () => {
    const past = user("usr_a", "Ari", {
      status: { preset: "lurking", emoji: "👀", text: "", expires_at: "2026-06-01T11:59:59Z" },
    });
    expect(shownStatus(past, now)).toBeUndefined();
    expect(shownStatus(user("usr_a", "Ari"), now)).toBeUndefined();
    expect(shownStatus(undefined, now)).toBeUndefined();
  });
});

describe("expiryFor", () => {
  const now = new Date("2026-06-01T12:00:00Z");

  it("turns each choice into a time after now", () => {
    expect(expiryFor("30m", now)).toBe("2026-06-01T12:30:00.000Z");
    expect(expiryFor("1h", now)).toBe("2026-06-01T13:00:00.000Z");
    expect(expiryFor("never", now)).toBeUndefined();
  });

  it("ends 'today' at the next local midnight", () => {
    const end = new Date(expiryFor("today", now)!);
    expect(end.getTime()).toBeGreaterThan(now.getTime());
    expect(end.getTime() - now.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    expect([end.getHours(), end.getMinutes(), end.getSeconds()]).toEqual([0, 0, 0]);
  });
});

describe("profileChange", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const me = user("usr_a", "Ari", {
    handle: "ari",
    avatar_url: "https://example.com/ari.png",
    status: { preset: "afk", emoji: "🌊", text: "lunch", expires_at: "2026-06-01T13:00:00Z" },
  });

  it("sends the fields as typed, cleaned, and leaves an untouched status alone", () => {
    const form = {
      ...profileForm(me),
      displayName: "  Ari Crab ",
      handle: "@Ari_C",
      avatarUrl: " ",
    };
    expect(profileChange(form, now)).toEqual({
      display_name: "Ari Crab",
      handle: "ari_c",
      avatar_url: "",
    });
  });

  it("sends a preset with its expiry, a custom status, or null to clear", () => {
    const base = { ...profileForm(me), statusTouched: true };
    expect(
      profileChange({ ...base, status: "molting", text: "", expiry: "30m" }, now).status,
    ).toEqual({
      preset: "molting",
      expires_at: "2026-06-01T12:30:00.000Z",
    });
    expect(
      profileChange(
        { ...base, status: "custom", emoji: "🦀", text: " scuttling ", expiry: "never" },
        now,
      ).status,
    ).toEqual({ preset: "custom", emoji: "🦀", text: "scuttling" });
    expect(profileChange({ ...base, status: "none" }, now).status).toBeNull();
  });

  it("leaves an avatar alone when its field was not changed, so a save never undoes an upload", () => {
    const uploaded = { ...me, avatar_url: "/api/avatars/upl_01JABCDEFGHJKMNPQRSTVWXYZ0" };
    const form = profileForm(uploaded);
    expect(form.avatarUrl).toBe("");
    expect(profileChange({ ...form, displayName: "Ari C" }, now)).toEqual({
      display_name: "Ari C",
      handle: "ari",
    });
    expect(profileChange({ ...form, avatarUrl: "https://example.com/x.png" }, now).avatar_url).toBe(
      "https://example.com/x.png",
    );
    expect(isUploadedAvatar(uploaded.avatar_url)).toBe(true);
    expect(isUploadedAvatar(me.avatar_url)).toBe(false);
    expect(isUploadedAvatar("")).toBe(false);
  });

  it("starts from the user's profile and status", () => {
    const form = profileForm(me);
    expect([form.displayName, form.handle, form.status, form.text]).toEqual([
      "Ari",
      "ari",
      "afk",
      "lunch",
    ]);
  });
});

describe("isBot", () => {
  it("marks bot accounts only", () => {
    expect(isBot(user("usr_b", "Deploy", { kind: "bot" }))).toBe(true);
    expect(isBot(user("usr_h", "Ari"))).toBe(false);
    expect(isBot(undefined)).toBe(false);
    expect(isBot(null)).toBe(false);
  });
});

describe("shownAuthor", () => {
  const bot = user("usr_b", "CI", { kind: "bot", avatar_url: "https://example.com/bot.png" });

  it("shows a webhook's username and icon overrides, and keeps the account a bot", () => {
    const shown = shownAuthor(bot, {
      override_username: "ci",
      override_icon_url: "https://example.com/ci.png",
    });
    expect(shown.display_name).toBe("ci");
    expect(shown.avatar_url).toBe("https://example.com/ci.png");
    expect(isBot(shown)).toBe(true);
    expect(shown.id).toBe("usr_b");
  });

  it("keeps what is not overridden, and the same object when nothing is", () => {
    expect(shownAuthor(bot, { override_username: "ci" }).avatar_url).toBe(
      "https://example.com/bot.png",
    );
    expect(shownAuthor(bot, {})).toBe(bot);
  });
});
