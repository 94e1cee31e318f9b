-- Issue 14, items 3-5: registered slash commands answered by signed callbacks, and outgoing event
-- subscriptions driven from the event log. Secrets are stored as given: an HMAC needs the key itself.

CREATE TABLE slash_commands (
    id          TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id),
    trigger     TEXT NOT NULL,
    url         TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    usage_hint  TEXT NOT NULL DEFAULT '',
    secret      TEXT NOT NULL,
    bot_id      TEXT NOT NULL REFERENCES users(id),
    created_by  TEXT,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
-- One live command per trigger and workspace; a revoked one frees its trigger.
CREATE UNIQUE INDEX slash_commands_live_trigger ON slash_commands(workspace_id, trigger) WHERE revoked_at IS NULL;

-- A callback's response_url: the token's hash, who invoked the command where, until when, how often used.
CREATE TABLE command_response_tokens (
    token_hash  TEXT PRIMARY KEY,
    command_id  TEXT NOT NULL REFERENCES slash_commands(id),
    channel_id  TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    uses        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE event_subscriptions (
    id              TEXT PRIMARY KEY,
    workspace_id    TEXT NOT NULL REFERENCES workspaces(id),
    url             TEXT NOT NULL,
    event_types     TEXT NOT NULL,          -- JSON array: ["*"] or durable event types
    secret          TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'active',
    paused_reason   TEXT,
    cursor          INTEGER NOT NULL,       -- every event up to here is done for this subscription
    failing_since   TEXT,
    next_attempt_at TEXT,                   -- retry not before; null: as soon as there is an event
    created_by      TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX event_subscriptions_workspace ON event_subscriptions(workspace_id);

-- One row per subscription and event tried: the delivery log, and the attempt count behind the backoff.
CREATE TABLE event_deliveries (
    id              TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES event_subscriptions(id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,
    event_cursor    INTEGER NOT NULL,
    event_type      TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    response_code   INTEGER,
    last_error      TEXT,
    next_attempt_at TEXT,
    delivered_at    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (subscription_id, event_cursor)
);
