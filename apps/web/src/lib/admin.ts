// Running a workspace on the client: what my role lets me do (the mirror of the server's permission table,
// docs/api.md "Roles", so the UI offers only what will work), the badge a role shows, and how the admin
// events change the workspace list and the member list. Plain functions, so the rules have unit tests.

import type { ChatEvent, Member, Workspace } from "./types";

export type Role = Member["role"];

/** owner and moderator run the place; the server refuses the rest with 403 anyway. */
export function moderates(role: string | undefined): boolean {
  return role === "owner" || role === "moderator";
}

export interface Abilities {
  /** Name, slug, icon; remove members (a moderator only members and guests). */
  settings: boolean;
  changeRoles: boolean;
  transfer: boolean;
  deleteWorkspace: boolean;
  /** Create channels, rename, archive, pin, join: a guest may not. */
  takePartInChannels: boolean;
}

export function abilities(role: string | undefined): Abilities {
  return {
    settings: moderates(role),
    changeRoles: role === "owner",
    transfer: role === "owner",
    deleteWorkspace: role === "owner",
    takePartInChannels: role !== "guest",
  };
}

/** Whether I may remove this member from the workspace: never an owner, a moderator only by the owner. */
export function canRemoveMember(
  myRole: string | undefined,
  theirs: string,
  mine: boolean,
): boolean {
  if (mine || theirs === "owner" || !moderates(myRole)) return false;
  return theirs !== "moderator" || myRole === "owner";
}

/** The badge next to a name: owners, moderators and guests are worth telling apart; members are the norm. */
export function roleBadge(role: string | undefined): string | null {
  return role === "owner" || role === "moderator" || role === "guest" ? role : null;
}

/** The delete button wakes only once the slug is typed exactly (spaces around it forgiven, as the server does). */
export function deleteConfirmed(typed: string, slug: string): boolean {
  return typed.trim() === slug;
}

/** What the rail shows: the icon, else the initials of the name. */
export function railLabel(
  w: Pick<Workspace, "name" | "icon">,
  initials: (name: string) => string,
): string {
  return w.icon ? w.icon : initials(w.name);
}

/** The workspace list after an admin event of workspace `workspaceId` (renames, my role, my removal). */
export function applyWorkspaceEvent(
  workspaces: Workspace[],
  workspaceId: string,
  event: ChatEvent,
  meId: string,
): Workspace[] {
  const p = event.payload as Record<string, unknown>;
  const update = (change: (w: Workspace) => Workspace) =>
    workspaces.map((w) => (w.id === workspaceId ? change(w) : w));
  switch (event.type) {
    case "workspace.updated":
      return update((w) => {
        const next: Workspace = {
          ...w,
          name: String(p.name ?? w.name),
          slug: String(p.slug ?? w.slug),
        };
        if (typeof p.icon === "string" && p.icon) next.icon = p.icon;
        else delete next.icon;
        return next;
      });
    case "member.updated":
      return p.user_id === meId ? update((w) => ({ ...w, role: p.role as Role })) : workspaces;
    case "workspace.ownership_transferred":
      if (p.to_user_id === meId) return update((w) => ({ ...w, role: "owner" }));
      if (p.from_user_id === meId) return update((w) => ({ ...w, role: "moderator" }));
      return workspaces;
    case "member.removed":
      return p.user_id === meId ? workspaces.filter((w) => w.id !== workspaceId) : workspaces;
    default:
      return workspaces;
  }
}

/** The member list after a role change or an ownership transfer. */
export function applyMemberEvent(members: Member[], event: ChatEvent): Member[] {
  const p = event.payload as Record<string, unknown>;
  const setRole = (userId: unknown, role: Role) =>
    members.map((m) => (m.user.id === userId ? { ...m, role } : m));
  if (event.type === "member.updated" && typeof p.role === "string")
    return setRole(p.user_id, p.role as Role);
  if (event.type === "workspace.ownership_transferred")
    return setRole(p.from_user_id, "moderator").map((m) =>
      m.user.id === p.to_user_id ? { ...m, role: "owner" as Role } : m,
    );
  return members;
}
