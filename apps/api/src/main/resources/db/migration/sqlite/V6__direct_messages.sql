-- Issue 10 (direct messages): workspace-scoped conversations of 2 to 8 people, and their messages in the
-- one messages table.
--
-- member_key is the conversation's sorted, comma-joined member ids: the same member set is the same
-- conversation (UNIQUE with the workspace). Members never change after creation, which is what lets a DM
-- event carry its member set (see Audience). last_seq is the channel_seq of the newest root message, like
-- channels.last_seq: a DM root's channel_seq is its position in the conversation, so paging is shared.
CREATE TABLE direct_conversations (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    member_key   TEXT NOT NULL,
    last_seq     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    UNIQUE (workspace_id, member_key)
);

-- hidden_at: the member hid the conversation (DELETE /api/dms/{id}); a new message clears it for everyone.
CREATE TABLE direct_members (
    conversation_id TEXT NOT NULL REFERENCES direct_conversations (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    hidden_at       TEXT,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX direct_members_user ON direct_members (user_id);

-- A DM message has direct_conversation_id set and channel_id NULL, so channel_id loses its NOT NULL.
-- SQLite cannot drop a NOT NULL constraint in place: the table is rebuilt (same columns, order and
-- indexes). Flyway's connection does not enforce foreign keys, so dropping the old table does not cascade
-- or trip the references from reactions and thread_state, which name "messages" and find the new table.
CREATE TABLE messages_v6 (
    id                     TEXT PRIMARY KEY,
    workspace_id           TEXT NOT NULL REFERENCES workspaces (id),
    channel_id             TEXT REFERENCES channels (id),
    author_id              TEXT NOT NULL REFERENCES users (id),
    parent_message_id      TEXT REFERENCES messages (id),
    thread_root_id         TEXT NOT NULL,
    channel_seq            INTEGER,                  -- roots only: position in the channel or conversation
    thread_seq             INTEGER,                  -- replies only
    body                   TEXT NOT NULL,
    body_format            TEXT NOT NULL DEFAULT 'markdown',
    nonce                  TEXT,
    created_at             TEXT NOT NULL,
    edited_at              TEXT,
    deleted_at             TEXT,
    direct_conversation_id TEXT REFERENCES direct_conversations (id),
    CHECK ((channel_id IS NULL) <> (direct_conversation_id IS NULL))
);
INSERT INTO messages_v6 (id, workspace_id, channel_id, author_id, parent_message_id, thread_root_id, channel_seq,
                         thread_seq, body, body_format, nonce, created_at, edited_at, deleted_at)
SELECT id, workspace_id, channel_id, author_id, parent_message_id, thread_root_id, channel_seq,
       thread_seq, body, body_format, nonce, created_at, edited_at, deleted_at
  FROM messages;
DROP TABLE messages;
ALTER TABLE messages_v6 RENAME TO messages;
CREATE UNIQUE INDEX messages_channel_seq ON messages (channel_id, channel_seq) WHERE channel_seq IS NOT NULL;
CREATE UNIQUE INDEX messages_dm_seq ON messages (direct_conversation_id, channel_seq)
    WHERE direct_conversation_id IS NOT NULL AND channel_seq IS NOT NULL;
CREATE UNIQUE INDEX messages_thread_seq ON messages (thread_root_id, thread_seq) WHERE thread_seq IS NOT NULL;
CREATE UNIQUE INDEX messages_author_nonce ON messages (author_id, nonce) WHERE nonce IS NOT NULL;

-- A 'dm' event's audience is its conversation (audience_id) and the member ids at the time, comma-joined.
ALTER TABLE events ADD COLUMN audience_members TEXT;
