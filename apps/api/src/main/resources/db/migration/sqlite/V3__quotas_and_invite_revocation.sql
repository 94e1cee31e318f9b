-- Issue 15: per-user quotas count what a user created, and invites can be revoked.
-- (V3, not V2: leaves V2 to the transport-hardening branch that lands beside this one.)
ALTER TABLE channels ADD COLUMN created_by TEXT REFERENCES users (id);
CREATE INDEX channels_workspace_creator ON channels (workspace_id, created_by);

ALTER TABLE invites ADD COLUMN revoked_at TEXT;
CREATE INDEX invites_workspace ON invites (workspace_id);
