import { describe, expect, it } from "vitest";
import { presenceLabel, presenceOf } from "./presence";

describe("presence", () => {
  const statuses = new Map([
    ["usr_ari", "online"],
    ["usr_bo", "offline"],
  ]);

  it("shows what the server said while we are connected", () => {
    expect(presenceOf(statuses, "usr_ari", true)).toBe("online");
    expect(presenceOf(statuses, "usr_bo", true)).toBe("away");
    expect(presenceOf(statuses, "usr_never_seen", true)).toBe("away");
  });

  it("says unknown for everyone while our own connection is down", () => {
    expect(presenceOf(statuses, "usr_ari", false)).toBe("unknown");
    expect(presenceOf(statuses, "usr_bo", false)).toBe("unknown");
    expect(presenceLabel("unknown")).toMatch(/unknown/);
  });
});
