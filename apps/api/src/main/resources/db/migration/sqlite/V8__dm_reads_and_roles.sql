-- Issue 10: read pointers for direct conversations, and the workspace roles of the original contract.

-- Like channel_reads: where a member has read up to in a conversation (a root's channel_seq), and when they
-- last moved it (thread replies have no seq; mentions in them count by time).
CREATE TABLE direct_reads (
    conversation_id TEXT NOT NULL REFERENCES direct_conversations (id),
    user_id         TEXT NOT NULL REFERENCES users (id),
    last_read_seq   INTEGER NOT NULL,
    last_read_at    TEXT NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);

-- Roles become owner, moderator, member, guest and bot; 'admin' was the first name for moderator.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt (same columns and index);
-- nothing references workspace_members, and Flyway's connection does not enforce foreign keys.
CREATE TABLE workspace_members_v8 (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    user_id      TEXT NOT NULL REFERENCES users (id),
    role         TEXT NOT NULL CHECK (role IN ('owner', 'moderator', 'member', 'guest', 'bot')),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
INSERT INTO workspace_members_v8 (workspace_id, user_id, role, created_at)
SELECT workspace_id, user_id, CASE role WHEN 'admin' THEN 'moderator' ELSE role END, created_at
  FROM workspace_members;
DROP TABLE workspace_members;
ALTER TABLE workspace_members_v8 RENAME TO workspace_members;
CREATE INDEX workspace_members_user ON workspace_members (user_id);

-- DM mention counts read only mentioning messages, as channels do with messages_mentioning.
CREATE INDEX messages_dm_mentioning ON messages (direct_conversation_id) WHERE mentions_json IS NOT NULL;
