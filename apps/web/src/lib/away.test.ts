import { describe, expect, it } from "vitest";
import { AwayReporter, HIDDEN_AWAY_MS, IDLE_AWAY_MS, ownStatus, type OwnStatus } from "./away";

const T0 = 1_000_000;

function reporter(): { r: AwayReporter; sent: OwnStatus[] } {
  const sent: OwnStatus[] = [];
  return { r: new AwayReporter((s) => sent.push(s), T0), sent };
}

describe("ownStatus", () => {
  it("is away after 5 minutes without input, or hidden for a while", () => {
    expect(ownStatus({ now: T0 + IDLE_AWAY_MS - 1, lastInputAt: T0, hiddenSince: null })).toBe(
      "online",
    );
    expect(ownStatus({ now: T0 + IDLE_AWAY_MS, lastInputAt: T0, hiddenSince: null })).toBe("away");
    expect(ownStatus({ now: T0 + HIDDEN_AWAY_MS, lastInputAt: T0, hiddenSince: T0 })).toBe("away");
    expect(ownStatus({ now: T0 + HIDDEN_AWAY_MS - 1, lastInputAt: T0, hiddenSince: T0 })).toBe(
      "online",
    );
  });
});

describe("AwayReporter", () => {
  it("says away once when idle and online once when the person is back", () => {
    const { r, sent } = reporter();
    r.tick(T0 + 60_000);
    expect(sent).toEqual([]);
    r.tick(T0 + IDLE_AWAY_MS);
    r.tick(T0 + IDLE_AWAY_MS + 60_000);
    expect(sent).toEqual(["away"]);
    r.input(T0 + IDLE_AWAY_MS + 61_000);
    r.input(T0 + IDLE_AWAY_MS + 62_000);
    expect(sent).toEqual(["away", "online"]);
  });

  it("goes away after the tab has been hidden for a while, and back when shown", () => {
    const { r, sent } = reporter();
    r.hidden(T0 + 1000);
    r.hidden(T0 + 2000); // a second hidden event does not restart the wait
    r.tick(T0 + 1000 + HIDDEN_AWAY_MS);
    expect(sent).toEqual(["away"]);
    r.shown(T0 + 1000 + HIDDEN_AWAY_MS + 5);
    expect(sent).toEqual(["away", "online"]);
    expect(r.status).toBe("online");
  });

  it("answers the server's away with online while the person is at this tab", () => {
    const { r, sent } = reporter();
    r.serverSaid("away");
    r.serverSaid("online");
    expect(sent).toEqual(["online"]);
    r.tick(T0 + IDLE_AWAY_MS);
    r.serverSaid("away");
    expect(sent).toEqual(["online", "away"]);
  });

  it("repeats away after a reconnect, and nothing while online", () => {
    const { r, sent } = reporter();
    r.reconnected();
    expect(sent).toEqual([]);
    r.tick(T0 + IDLE_AWAY_MS);
    r.reconnected();
    expect(sent).toEqual(["away", "away"]);
  });
});
