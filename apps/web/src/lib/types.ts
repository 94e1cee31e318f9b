// Wire shapes the web app relies on, as documented in docs/api.md. When the SDK exports its generated
// types these become re-exports, so a contract change surfaces here as a type error.

export interface User {
  id: string;
  display_name: string;
  handle?: string | null;
  avatar_url?: string | null;
  created_at?: string;
}

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  role?: string;
  created_at?: string;
}

export interface Member {
  user: User;
  role: string;
  joined_at?: string;
}

export interface Channel {
  id: string;
  workspace_id: string;
  name: string;
  kind?: string;
  topic?: string | null;
  created_at?: string;
  archived_at?: string | null;
  last_seq?: number;
}

export interface ThreadState {
  root_message_id: string;
  reply_count: number;
  last_reply_at: string | null;
  last_reply_author_ids: string[];
}

export interface Reaction {
  emoji: string;
  count: number;
  reacted_by_me?: boolean;
}

export interface Message {
  id: string;
  workspace_id: string;
  channel_id: string;
  author_id: string;
  author?: User | null;
  parent_message_id: string | null;
  thread_root_id: string | null;
  channel_seq: number | null;
  thread_seq: number | null;
  body: string;
  body_format?: string;
  nonce?: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  thread_state?: ThreadState | null;
  reactions?: Reaction[];
}

export interface ChatEvent {
  id: string;
  cursor: string;
  type: string;
  workspace_id: string;
  channel_id?: string | null;
  seq?: number | null;
  created_at: string;
  payload: Record<string, unknown>;
}

export interface EphemeralEvent {
  type: string;
  workspace_id: string;
  channel_id?: string | null;
  user_id: string;
  created_at?: string;
  payload?: Record<string, unknown> | null;
}

export interface MessagePage {
  messages: Message[];
  oldest_seq: number | null;
  newest_seq: number | null;
  has_older: boolean;
  has_newer: boolean;
}

export interface ThreadPage {
  root: Message;
  replies: Message[];
  thread_state: ThreadState | null;
}

export interface PresenceEntry {
  user_id: string;
  status: string;
  since?: string | null;
}
