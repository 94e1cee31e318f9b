// A jump to one message (a search result), handed from the results panel to the views that show it: the
// channel view loads the page around it and highlights it, the thread pane highlights a reply. Each view
// marks the jump `consumed` so opening the channel again later does not jump again. The objects are raw
// state: setting `consumed` is bookkeeping, not a change anyone re-renders for.

export interface TimelineJump {
  channelId: string;
  seq: number;
  messageId: string;
  consumed: boolean;
}

export interface ReplyJump {
  replyId: string;
  consumed: boolean;
}

class Jump {
  timeline = $state.raw<TimelineJump | null>(null);
  reply = $state.raw<ReplyJump | null>(null);
}

export const jump = new Jump();

/** How long a jumped-to message stays highlighted. */
export const HIGHLIGHT_MS = 4000;
