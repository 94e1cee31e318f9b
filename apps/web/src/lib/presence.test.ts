import { describe, expect, it } from "vitest";
import { presenceLabel, presenceOf, presenceRank } from "./presence";

describe("presence", () => {
  const statuses = new Map([
    ["usr_ari", "online"],
    ["usr_cy", "away"],
    ["usr_bo", "offline"],
  ]);

  it("shows what the server said while we are connected", () => {
    expect(presenceOf(statuses, "usr_ari", true)).toBe("online");
    expect(presenceOf(statuses, "usr_cy", true)).toBe("away");
    expect(presenceOf(statuses, "usr_bo", true)).toBe("offline");
    expect(presenceOf(statuses, "usr_never_seen", true)).toBe("offline");
  });

  it("tells online, away and offline apart in words and order", () => {
    expect(presenceLabel("online")).toBe("Online");
    expect(presenceLabel("away")).toBe("Away");
    expect(presenceLabel("offline")).toBe("Offline");
    const sorted = (["offline", "away", "online"] as const).toSorted(
      (a, b) => presenceRank(a) - presenceRank(b),
    );
    expect(sorted).toEqual(["online", "away", "offline"]);
  });

  it("says unknown for everyone while our own connection is down", () => {
    expect(presenceOf(statuses, "usr_ari", false)).toBe("unknown");
    expect(presenceOf(statuses, "usr_bo", false)).toBe("unknown");
    expect(presenceLabel("unknown")).toMatch(/unknown/);
  });
});
