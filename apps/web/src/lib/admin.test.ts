import { describe, expect, it } from "vitest";
import {
  abilities,
  applyMemberEvent,
  applyWorkspaceEvent,
  canRemoveMember,
  deleteConfirmed,
  railLabel,
  roleBadge,
} from "./admin";
import type { ChatEvent, Member, Workspace } from "./types";

const ws = (over: Partial<Workspace> = {}): Workspace => ({
  id: "wsp_1",
  name: "Reef",
  slug: "reef",
  role: "member",
  created_at: "2026-01-01T00:00:00.000Z",
  ...over,
});
const initials = (n: string) => n.slice(0, 2).toUpperCase();
const ev = (type: string, payload: Record<string, unknown>): ChatEvent =>
  ({
    id: "evt_1",
    cursor: "1",
    type,
    workspace_id: "wsp_1",
    payload,
    created_at: "",
  }) as unknown as ChatEvent;
const member = (id: string, role: Member["role"]): Member =>
  ({ user: { id, display_name: id, handle: id }, role, joined_at: "" }) as unknown as Member;

describe("what a role may do", () => {
  it("gives settings to owners and moderators, roles, transfer and deletion to the owner only", () => {
    expect(abilities("owner")).toEqual({
      settings: true,
      changeRoles: true,
      transfer: true,
      deleteWorkspace: true,
      takePartInChannels: true,
    });
    expect(abilities("moderator")).toMatchObject({
      settings: true,
      changeRoles: false,
      deleteWorkspace: false,
    });
    expect(abilities("member")).toMatchObject({ settings: false, takePartInChannels: true });
    expect(abilities("guest")).toMatchObject({ settings: false, takePartInChannels: false });
  });

  it("lets a moderator remove members and guests, only the owner a moderator, nobody an owner or themselves", () => {
    expect(canRemoveMember("moderator", "member", false)).toBe(true);
    expect(canRemoveMember("moderator", "guest", false)).toBe(true);
    expect(canRemoveMember("moderator", "moderator", false)).toBe(false);
    expect(canRemoveMember("owner", "moderator", false)).toBe(true);
    expect(canRemoveMember("owner", "owner", false)).toBe(false);
    expect(canRemoveMember("member", "guest", false)).toBe(false);
    expect(canRemoveMember("owner", "member", true)).toBe(false);
  });

  it("badges owners, moderators and guests, not members or bots", () => {
    expect(["owner", "moderator", "guest", "member", "bot"].map(roleBadge)).toEqual([
      "owner",
      "moderator",
      "guest",
      null,
      null,
    ]);
  });

  it("wants the slug typed exactly before deleting", () => {
    expect(deleteConfirmed("reef", "reef")).toBe(true);
    expect(deleteConfirmed(" reef ", "reef")).toBe(true);
    expect(deleteConfirmed("Reef", "reef")).toBe(false);
    expect(deleteConfirmed("", "reef")).toBe(false);
  });

  it("shows the icon on the rail, else the initials", () => {
    expect(railLabel({ name: "Reef", icon: "🦞" }, initials)).toBe("🦞");
    expect(railLabel({ name: "Reef" }, initials)).toBe("RE");
  });
});

describe("admin events", () => {
  it("renames the workspace and sets or clears its icon", () => {
    const renamed = applyWorkspaceEvent(
      [ws(), ws({ id: "wsp_2", name: "Other" })],
      "wsp_1",
      ev("workspace.updated", {
        workspace_id: "wsp_1",
        name: "New Reef",
        slug: "new-reef",
        icon: "🦀",
      }),
      "usr_me",
    );
    expect(renamed[0]).toMatchObject({ name: "New Reef", slug: "new-reef", icon: "🦀" });
    expect(renamed[1]!.name).toBe("Other");
    const cleared = applyWorkspaceEvent(
      renamed,
      "wsp_1",
      ev("workspace.updated", { name: "New Reef", slug: "new-reef" }),
      "usr_me",
    );
    expect(cleared[0]!.icon).toBeUndefined();
  });

  it("follows my own role, an ownership transfer, and drops the workspace when I am removed", () => {
    const me = "usr_me";
    expect(
      applyWorkspaceEvent(
        [ws()],
        "wsp_1",
        ev("member.updated", { user_id: me, role: "guest" }),
        me,
      )[0]!.role,
    ).toBe("guest");
    expect(
      applyWorkspaceEvent(
        [ws()],
        "wsp_1",
        ev("member.updated", { user_id: "usr_x", role: "guest" }),
        me,
      )[0]!.role,
    ).toBe("member");
    expect(
      applyWorkspaceEvent(
        [ws({ role: "owner" })],
        "wsp_1",
        ev("workspace.ownership_transferred", { from_user_id: me, to_user_id: "usr_x" }),
        me,
      )[0]!.role,
    ).toBe("moderator");
    expect(applyWorkspaceEvent([ws()], "wsp_1", ev("member.removed", { user_id: me }), me)).toEqual(
      [],
    );
  });

  it("changes a member's role in the list, and both sides of a transfer", () => {
    const list = [member("usr_a", "owner"), member("usr_b", "member")];
    expect(
      applyMemberEvent(list, ev("member.updated", { user_id: "usr_b", role: "moderator" }))[1]!
        .role,
    ).toBe("moderator");
    const moved = applyMemberEvent(
      list,
      ev("workspace.ownership_transferred", { from_user_id: "usr_a", to_user_id: "usr_b" }),
    );
    expect(moved.map((m) => m.role)).toEqual(["moderator", "owner"]);
  });
});
