// Direct messages share the projection with channels, keyed by the conversation's id.
import { describe, expect, it } from "vitest";
import { Projection } from "./projection";
import type { ChatEvent, Message, MessagePage } from "./types";

const DM = "dm_ari";
const ARI = { id: "usr_ari", display_name: "Ari", handle: "ari", kind: "human", avatar_url: "" };

function dmMsg(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `msg_${seq}`,
    workspace_id: "wsp_1",
    direct_conversation_id: DM,
    author_id: ARI.id,
    author: ARI,
    parent_message_id: null,
    thread_root_id: `msg_${seq}`,
    channel_seq: seq,
    thread_seq: null,
    body: `dm ${seq}`,
    body_format: "markdown",
    nonce: null,
    created_at: "2026-01-01T00:00:00Z",
    edited_at: null,
    deleted_at: null,
    thread_state: null,
    reactions: [],
    mentioned_user_ids: [],
    mentions_channel: false,
    ...over,
  } as Message;
}

const page = (messages: Message[]): MessagePage =>
  ({
    messages,
    has_older: false,
    has_newer: false,
    oldest_seq: messages[0]?.channel_seq,
    newest_seq: messages.at(-1)?.channel_seq,
  }) as MessagePage;

const event = (type: string, message: Message): ChatEvent =>
  ({
    id: `evt_${message.id}_${type}`,
    cursor: "1",
    type,
    workspace_id: "wsp_1",
    seq: message.channel_seq ?? undefined,
    created_at: message.created_at,
    payload: { message_id: message.id, author_id: message.author_id, message },
  }) as unknown as ChatEvent;

describe("a direct conversation's timeline", () => {
  it("takes live messages, edits and deletes like a channel", () => {
    const p = new Projection("usr_me");
    p.replaceTimeline(DM, page([dmMsg(1)]));
    p.applyEvent(event("message.created", dmMsg(2)));
    expect(p.timeline(DM)!.messages.map((m) => m.body)).toEqual(["dm 1", "dm 2"]);
    p.applyEvent(event("message.updated", dmMsg(2, { body: "dm 2 edited", edited_at: "x" })));
    expect(p.timeline(DM)!.messages[1]!.body).toBe("dm 2 edited");
    p.applyEvent(event("message.deleted", dmMsg(1, { deleted_at: "y" })));
    expect(p.timeline(DM)!.messages[0]!.deleted_at).toBe("y");
  });

  it("shows a pending message in the conversation and confirms it in place", () => {
    const p = new Projection("usr_me");
    p.replaceTimeline(DM, page([]));
    const local = dmMsg(0, {
      id: "local_n1",
      nonce: "n1",
      channel_seq: undefined,
      author_id: "usr_me",
    });
    p.addPending(local);
    expect(p.timeline(DM)!.messages).toHaveLength(1);
    p.upsertMessage(dmMsg(1, { nonce: "n1", author_id: "usr_me" }));
    const shown = p.timeline(DM)!.messages;
    expect(shown).toHaveLength(1);
    expect(shown[0]!.pending).toBeUndefined();
  });

  it("keeps DM messages out of channel timelines", () => {
    const p = new Projection("usr_me");
    p.replaceTimeline("chn_general", page([]));
    p.applyEvent(event("message.created", dmMsg(1)));
    expect(p.timeline("chn_general")!.messages).toHaveLength(0);
    expect(p.timeline(DM)).toBeUndefined();
  });
});
