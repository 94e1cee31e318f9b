-- Issue 14: bot accounts and their scoped tokens.
-- A bot is a user (kind 'bot') that belongs to exactly one workspace, with the role 'bot'.
CREATE TABLE bots (
    user_id      TEXT PRIMARY KEY REFERENCES users (id),
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    created_by   TEXT REFERENCES users (id),   -- null: an operator, with `clickclack admin bot create`
    created_at   TEXT NOT NULL
);
CREATE INDEX bots_workspace ON bots (workspace_id);

-- A bot token is a bearer session (its hash, last use, revocation and the socket checks live in sessions,
-- so revoking one closes its sockets like any session) plus what only bot tokens have: one workspace,
-- scopes and a name.
CREATE TABLE bot_tokens (
    id           TEXT PRIMARY KEY,
    session_id   TEXT NOT NULL UNIQUE REFERENCES sessions (id),
    bot_id       TEXT NOT NULL REFERENCES users (id),
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    name         TEXT NOT NULL,
    scopes_json  TEXT NOT NULL,
    created_by   TEXT REFERENCES users (id),   -- null: an operator, with the CLI
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX bot_tokens_bot ON bot_tokens (bot_id);

-- Incoming webhooks (Mattermost-shaped): a secret URL /hooks/{key} that posts into one channel as the
-- webhook's own bot account. Only the key's hash is stored; rotating replaces it, revoking ends it.
CREATE TABLE incoming_webhooks (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    channel_id   TEXT NOT NULL REFERENCES channels (id),
    bot_id       TEXT NOT NULL REFERENCES users (id),
    name         TEXT NOT NULL,
    key_hash     TEXT NOT NULL UNIQUE,
    created_by   TEXT REFERENCES users (id),   -- null: an operator, with `clickclack admin webhook create`
    created_at   TEXT NOT NULL,
    revoked_at   TEXT
);
CREATE INDEX incoming_webhooks_workspace ON incoming_webhooks (workspace_id);

-- Who a message says it is from when an integration overrides its bot's name and avatar (Mattermost's
-- override_username / override_icon_url, from an incoming webhook); null for everyone else.
ALTER TABLE messages ADD COLUMN override_username TEXT;
ALTER TABLE messages ADD COLUMN override_icon_url TEXT;
