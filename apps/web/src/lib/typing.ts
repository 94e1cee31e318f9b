// Who is typing where. Typing events are ephemeral and may be dropped, so every "started" expires on
// its own after TYPING_TTL_MS even if the matching "stopped" never arrives.

export const TYPING_TTL_MS = 6000;

export class TypingTracker {
  // channel id → (user id → expiry time)
  private readonly byChannel = new Map<string, Map<string, number>>();

  started(channelId: string, userId: string, now = Date.now()): void {
    let users = this.byChannel.get(channelId);
    if (!users) this.byChannel.set(channelId, (users = new Map()));
    users.set(userId, now + TYPING_TTL_MS);
  }

  stopped(channelId: string, userId: string): void {
    this.byChannel.get(channelId)?.delete(userId);
  }

  /** A user who just posted has stopped typing, whatever the last ephemeral event said. */
  posted(channelId: string, userId: string): void {
    this.stopped(channelId, userId);
  }

  /** User ids typing in the channel now, oldest first, never including `exceptUserId` (the viewer). */
  active(channelId: string, exceptUserId: string, now = Date.now()): string[] {
    const users = this.byChannel.get(channelId);
    if (!users) return [];
    const out: string[] = [];
    for (const [user, expiry] of users) {
      if (expiry <= now) users.delete(user);
      else if (user !== exceptUserId) out.push(user);
    }
    return out;
  }
}

/**
 * Decides when the local user's typing should be announced: at most once per TYPING_REPEAT_MS while
 * they keep typing, and a single "stopped" when they clear the composer or send.
 */
export const TYPING_REPEAT_MS = 3000;

export class TypingAnnouncer {
  private lastSent = 0;
  private active = false;

  constructor(private readonly send: (type: "typing.started" | "typing.stopped") => void) {}

  input(text: string, now = Date.now()): void {
    if (text.trim() === "") return this.stop();
    if (!this.active || now - this.lastSent >= TYPING_REPEAT_MS) {
      this.active = true;
      this.lastSent = now;
      this.send("typing.started");
    }
  }

  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.lastSent = 0;
    this.send("typing.stopped");
  }
}
