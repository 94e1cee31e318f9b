-- Issue 10 (private events): every durable event names who may see it. 'workspace' (audience_id NULL) is
-- every member, as all events before this migration were; 'user' is one user (read pointers). Channel and
-- DM member sets will be 'channel' / 'dm' with the conversation's id, checked by the same Audience rule.
ALTER TABLE events ADD COLUMN audience_kind TEXT NOT NULL DEFAULT 'workspace';
ALTER TABLE events ADD COLUMN audience_id TEXT;

-- A user's read pointer in a channel: the channel_seq of the newest root message they have read.
CREATE TABLE channel_reads (
    channel_id    TEXT NOT NULL REFERENCES channels (id),
    user_id       TEXT NOT NULL REFERENCES users (id),
    last_read_seq INTEGER NOT NULL,
    last_read_at  TEXT NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
