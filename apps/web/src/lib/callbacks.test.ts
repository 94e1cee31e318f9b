import { describe, expect, it } from "vitest";
import type { EventDelivery, EventSubscription, SlashCommand } from "./types";
import {
  chosenEventTypes,
  deliveriesNewestFirst,
  describeDelivery,
  describeEventTypes,
  describeStatus,
  normalizeTrigger,
  registeredCommands,
  SUBSCRIBABLE_EVENT_TYPES,
} from "./callbacks";

const time = (iso: string) => iso.slice(11, 16);

function sub(extra: Partial<EventSubscription> = {}): EventSubscription {
  return {
    id: "sub_1",
    workspace_id: "wsp_1",
    url: "https://hooks.example.com/cc",
    event_types: ["*"],
    status: "active",
    cursor: "10",
    created_at: "2026-06-10T12:00:00Z",
    ...extra,
  };
}

function delivery(id: string, cursor: string, extra: Partial<EventDelivery> = {}): EventDelivery {
  return {
    id,
    subscription_id: "sub_1",
    event_id: `evt_${id}`,
    event_cursor: cursor,
    event_type: "message.created",
    status: "delivered",
    attempts: 1,
    created_at: "2026-06-10T12:00:00Z",
    updated_at: "2026-06-10T12:00:00Z",
    ...extra,
  };
}

describe("normalizeTrigger", () => {
  it("drops the slash, spaces and capitals", () => {
    expect(normalizeTrigger("  /Deploy ")).toBe("deploy");
    expect(normalizeTrigger("build_1")).toBe("build_1");
  });
});

describe("registeredCommands", () => {
  it("keeps live registered commands, sorted by trigger", () => {
    const cmds: SlashCommand[] = [
      { trigger: "shrug", description: "", usage_hint: "", builtin: true },
      { trigger: "zeta", description: "", usage_hint: "", builtin: false, id: "cmd_2" },
      { trigger: "alpha", description: "", usage_hint: "", builtin: false, id: "cmd_1" },
      {
        trigger: "old",
        description: "",
        usage_hint: "",
        builtin: false,
        id: "cmd_3",
        revoked_at: "2026-06-10T12:00:00Z",
      },
    ];
    expect(registeredCommands(cmds).map((c) => c.trigger)).toEqual(["alpha", "zeta"]);
  });
});

describe("chosenEventTypes", () => {
  it("is the wildcard for all events, whatever is ticked", () => {
    expect(chosenEventTypes(true, ["message.created"], "x")).toEqual(["*"]);
  });
  it("merges ticked and typed types, each once", () => {
    expect(
      chosenEventTypes(false, ["message.created"], "reaction.added, message.created  pin.added"),
    ).toEqual(["message.created", "reaction.added", "pin.added"]);
  });
  it("is empty when nothing is chosen", () => {
    expect(chosenEventTypes(false, [], " , ")).toEqual([]);
  });
});

describe("describing subscriptions", () => {
  it("names the event types", () => {
    expect(describeEventTypes(["*"])).toBe("all events");
    expect(describeEventTypes(["message.created", "reaction.added"])).toBe(
      "message.created, reaction.added",
    );
  });
  it("says whether it is active, failing or paused and why", () => {
    expect(describeStatus(sub(), time)).toBe("active");
    expect(describeStatus(sub({ failing_since: "2026-06-10T12:03:00Z" }), time)).toBe(
      "active · failing since 12:03",
    );
    expect(
      describeStatus(sub({ status: "paused", paused_reason: "paused by a person" }), time),
    ).toBe("paused by a person");
    expect(
      describeStatus(sub({ status: "paused", paused_reason: "failing for 24 hours" }), time),
    ).toBe("paused: failing for 24 hours");
    expect(describeStatus(sub({ status: "paused" }), time)).toBe("paused");
  });
  it("offers no per-user event types", () => {
    expect(SUBSCRIBABLE_EVENT_TYPES).toContain("message.created");
    expect(SUBSCRIBABLE_EVENT_TYPES.some((t) => t === "channel.read" || t.startsWith("dm."))).toBe(
      false,
    );
  });
});

describe("the delivery log", () => {
  it("puts the newest event first, comparing numeric cursors as numbers", () => {
    const rows = [delivery("a", "9"), delivery("b", "10"), delivery("c", "2")];
    expect(deliveriesNewestFirst(rows).map((r) => r.id)).toEqual(["b", "a", "c"]);
  });
  it("says how a delivery went", () => {
    expect(describeDelivery(delivery("a", "1"), time)).toBe("delivered");
    expect(
      describeDelivery(
        delivery("a", "1", { status: "retrying", next_attempt_at: "2026-06-10T12:05:00Z" }),
        time,
      ),
    ).toBe("retrying · next 12:05");
    expect(describeDelivery(delivery("a", "1", { status: "retrying" }), time)).toBe("retrying");
  });
});
