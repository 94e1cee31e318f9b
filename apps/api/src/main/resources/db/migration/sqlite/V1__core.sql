-- Core schema: the data model of the spec plus what auth needs.
-- Timestamps are ISO-8601 UTC text with milliseconds, so they sort as text.

CREATE TABLE users (
    id           TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    handle       TEXT NOT NULL UNIQUE,
    avatar_url   TEXT,
    created_at   TEXT NOT NULL
);

CREATE TABLE identities (
    id               TEXT PRIMARY KEY,
    user_id          TEXT NOT NULL REFERENCES users (id),
    provider         TEXT NOT NULL,          -- 'email', 'dev', later 'github'
    provider_subject TEXT NOT NULL,
    email            TEXT,
    created_at       TEXT NOT NULL,
    UNIQUE (provider, provider_subject)
);
CREATE INDEX identities_email ON identities (email);

CREATE TABLE workspaces (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    slug       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE workspace_members (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    user_id      TEXT NOT NULL REFERENCES users (id),
    role         TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    created_at   TEXT NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX workspace_members_user ON workspace_members (user_id);

CREATE TABLE channels (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'public',
    topic        TEXT NOT NULL DEFAULT '',
    last_seq     INTEGER NOT NULL DEFAULT 0,   -- the channel_seq of its newest root message
    created_at   TEXT NOT NULL,
    archived_at  TEXT,
    UNIQUE (workspace_id, name)
);

CREATE TABLE messages (
    id                TEXT PRIMARY KEY,
    workspace_id      TEXT NOT NULL REFERENCES workspaces (id),
    channel_id        TEXT NOT NULL REFERENCES channels (id),
    author_id         TEXT NOT NULL REFERENCES users (id),
    parent_message_id TEXT REFERENCES messages (id),
    thread_root_id    TEXT NOT NULL,
    channel_seq       INTEGER,                  -- roots only
    thread_seq        INTEGER,                  -- replies only
    body              TEXT NOT NULL,
    body_format       TEXT NOT NULL DEFAULT 'markdown',
    nonce             TEXT,
    created_at        TEXT NOT NULL,
    edited_at         TEXT,
    deleted_at        TEXT
);
CREATE UNIQUE INDEX messages_channel_seq ON messages (channel_id, channel_seq) WHERE channel_seq IS NOT NULL;
CREATE UNIQUE INDEX messages_thread_seq ON messages (thread_root_id, thread_seq) WHERE thread_seq IS NOT NULL;
CREATE UNIQUE INDEX messages_author_nonce ON messages (author_id, nonce) WHERE nonce IS NOT NULL;

CREATE TABLE thread_state (
    root_message_id             TEXT PRIMARY KEY REFERENCES messages (id),
    reply_count                 INTEGER NOT NULL DEFAULT 0,
    last_reply_at               TEXT,
    last_reply_author_ids_json  TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE reactions (
    message_id TEXT NOT NULL REFERENCES messages (id),
    user_id    TEXT NOT NULL REFERENCES users (id),
    emoji      TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (message_id, emoji, user_id)
);

-- The durable event log. cursor is the rowid: assigned by the single writer, strictly increasing,
-- never reused (AUTOINCREMENT), so it is the order every subscriber sees.
CREATE TABLE events (
    cursor       INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    workspace_id TEXT NOT NULL,
    channel_id   TEXT,
    seq          INTEGER,
    subject_id   TEXT,                          -- the id of the object the event is about
    type         TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX events_workspace_cursor ON events (workspace_id, cursor);
CREATE INDEX events_subject ON events (subject_id);

-- Sessions and bearer tokens. Only the SHA-256 of a token is stored.
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    token_hash  TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('cookie', 'bearer')),
    created_at  TEXT NOT NULL,
    expires_at  TEXT,
    revoked_at  TEXT
);

CREATE TABLE magic_links (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    consumed_at TEXT
);

CREATE TABLE invites (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    token_hash   TEXT NOT NULL UNIQUE,
    created_by   TEXT REFERENCES users (id),
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    max_uses     INTEGER,
    uses         INTEGER NOT NULL DEFAULT 0
);

-- Instance-wide facts: bootstrapped_at, the event floor after pruning, the dev user id.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
