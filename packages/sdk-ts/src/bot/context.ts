// What a message handler can do about the message it got. Every reply carries a nonce derived
// from the triggering message, the handler and the reply's position, and the server keeps one
// message per (author, nonce): if the same message reaches the bot twice (a replay after a
// reconnect, or the bot restarted from an older cursor), the second reply is the first one again.
import type { ClickClackClient } from "../client.ts";
import type { Message, User } from "../types.ts";

export interface MessageContext {
  /** The bot's own user. */
  me: User;
  client: ClickClackClient;
  /** Replies in the message's thread (a reply to a reply lands in the same thread). */
  reply(text: string): Promise<Message>;
  /** Posts at the root of the message's channel (or direct conversation). */
  post(text: string): Promise<Message>;
  /** Reacts to the message; reacting twice with the same emoji is a no-op on the server. */
  react(emoji: string): Promise<void>;
}

export function messageContext(
  client: ClickClackClient,
  me: User,
  message: Message,
  handlerSlot: string,
): MessageContext {
  let sent = 0;
  const nonce = () => `ccbot.${message.id}.${handlerSlot}.${++sent}`;
  return {
    me,
    client,
    reply: async (text) =>
      (await client.threads.reply(message.thread_root_id, { body: text, nonce: nonce() })).message,
    post: async (text) => {
      const input = { body: text, nonce: nonce() };
      if (message.channel_id)
        return (await client.channels.sendMessage(message.channel_id, input)).message;
      if (message.direct_conversation_id) {
        return (await client.dms.sendMessage(message.direct_conversation_id, input)).message;
      }
      throw new TypeError(`message ${message.id} has neither a channel nor a conversation`);
    },
    react: async (emoji) => {
      await client.reactions.add(message.id, emoji);
    },
  };
}
