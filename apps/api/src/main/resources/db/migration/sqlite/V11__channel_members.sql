-- Issue 11: channel membership. Who is in which channel, since when, and how loudly they want to hear of it.

-- A default channel is joined by everyone who joins the workspace; #general always is one.
ALTER TABLE channels ADD COLUMN is_default INTEGER NOT NULL DEFAULT 0;
UPDATE channels SET is_default = 1 WHERE name = 'general';

CREATE TABLE channel_members (
    channel_id              TEXT NOT NULL REFERENCES channels (id),
    user_id                 TEXT NOT NULL REFERENCES users (id),
    joined_at               TEXT NOT NULL,
    notification_preference TEXT NOT NULL DEFAULT 'all' CHECK (notification_preference IN ('all', 'mentions', 'muted')),
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX channel_members_user ON channel_members (user_id);

-- Before this, every workspace member was implicitly in every channel: keep everyone's sidebar as it was.
INSERT INTO channel_members (channel_id, user_id, joined_at)
SELECT ch.id, m.user_id, m.created_at
  FROM channels ch JOIN workspace_members m ON m.workspace_id = ch.workspace_id;

-- Pinned messages: at most 100 per channel (the service checks), newest pin first.
CREATE TABLE channel_pins (
    channel_id TEXT NOT NULL REFERENCES channels (id),
    message_id TEXT NOT NULL REFERENCES messages (id),
    pinned_by  TEXT NOT NULL REFERENCES users (id),
    pinned_at  TEXT NOT NULL,
    PRIMARY KEY (channel_id, message_id)
);
