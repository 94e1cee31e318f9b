import { describe, expect, it } from "vitest";
import {
  describeInvite,
  inviteOptions,
  inviteState,
  timeUntil,
  unusableInviteText,
} from "./invites";

const now = Date.parse("2026-12-01T12:00:00Z");
const base = {
  id: "inv_1",
  workspace_id: "wsp_1",
  created_at: "2026-12-01T11:00:00Z",
  expires_at: "2026-12-04T12:00:00Z",
  uses: 2,
};

describe("invites", () => {
  it("turns the dialog's choices into the request, no limit when none is picked", () => {
    expect(inviteOptions("1d", "")).toEqual({ expiresInSeconds: 86400 });
    expect(inviteOptions("7d", "5")).toEqual({ expiresInSeconds: 7 * 86400, maxUses: 5 });
  });

  it("says how far away an expiry is in the largest sensible unit", () => {
    expect(timeUntil("2026-12-04T12:00:00Z", now)).toBe("in 3 days");
    expect(timeUntil("2026-12-01T17:00:00Z", now)).toBe("in 5 hours");
    expect(timeUntil("2026-12-01T12:01:00Z", now)).toBe("in 1 minute");
    expect(timeUntil("2026-11-01T12:00:00Z", now)).toBe("now");
  });

  it("reads an invite's state: revoked first, then expired, then used up", () => {
    expect(inviteState(base, now)).toBe("active");
    expect(inviteState({ ...base, max_uses: 2 }, now)).toBe("used-up");
    expect(inviteState({ ...base, expires_at: "2026-11-30T00:00:00Z", max_uses: 2 }, now)).toBe(
      "expired",
    );
    expect(inviteState({ ...base, revoked_at: "2026-12-01T11:30:00Z" }, now)).toBe("revoked");
  });

  it("describes each invite in one line", () => {
    expect(describeInvite(base, now)).toBe("2 used · expires in 3 days");
    expect(describeInvite({ ...base, max_uses: 5 }, now)).toBe("2 of 5 used · expires in 3 days");
    expect(describeInvite({ ...base, revoked_at: "2026-12-01T11:30:00Z" }, now)).toBe(
      "2 used · revoked",
    );
  });

  it("says plainly why a link does not open", () => {
    expect(unusableInviteText(410, "this invite has expired; ask for a new one")).toBe(
      "This invite has expired; ask for a new one.",
    );
    expect(unusableInviteText(404, "invite not found")).toContain("not valid");
  });
});
