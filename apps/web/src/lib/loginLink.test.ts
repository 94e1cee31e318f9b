import { describe, expect, it } from "vitest";
import { decideLink, switchQuestion } from "./loginLink";

const owner = { id: "usr_owner", display_name: "Olive Owner" };
const bob = { id: "usr_bob", display_name: "BobMember" };

describe("sign-in links", () => {
  it("signs in at once when nobody is signed in", () => {
    expect(decideLink(bob, null)).toBe("sign-in");
  });

  it("does not use a link for the account already signed in", () => {
    expect(decideLink(owner, owner)).toBe("already-signed-in");
  });

  it("asks before switching to another account", () => {
    expect(decideLink(bob, owner)).toBe("ask");
    expect(switchQuestion(bob, "bob@example.com", owner)).toBe(
      "This link signs you in as BobMember (bob@example.com). You are signed in as Olive Owner.",
    );
    expect(switchQuestion(bob, undefined, owner)).toBe(
      "This link signs you in as BobMember. You are signed in as Olive Owner.",
    );
  });
});
