-- Issue 12: uploads, message attachments and uploaded avatars.
-- An upload's bytes live in data/uploads/<storage_path> (files/XY/upl_…); the row is inserted only after the
-- file was moved into place, and startup deletes any final file without a row, so a crash leaves neither
-- half. width/height: images only. content_type is sniffed from the bytes, never the client's.
CREATE TABLE uploads (
    id           TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces (id),
    owner_id     TEXT NOT NULL REFERENCES users (id),
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    byte_size    INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    width        INTEGER,
    height       INTEGER,
    storage_path TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX uploads_workspace ON uploads (workspace_id);
-- The sweeper looks for old unattached uploads by age.
CREATE INDEX uploads_created ON uploads (created_at);

-- An upload is attached to at most one message (the primary key): attaching it again is a 409, and who may
-- read it follows from that one message. position orders a message's attachments.
CREATE TABLE message_attachments (
    upload_id  TEXT PRIMARY KEY REFERENCES uploads (id),
    message_id TEXT NOT NULL REFERENCES messages (id),
    position   INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX message_attachments_message ON message_attachments (message_id, position);

-- The upload a user's avatar was made from (avatar_url is then /api/avatars/<it>); null for a URL avatar.
ALTER TABLE users ADD COLUMN avatar_upload_id TEXT;
CREATE INDEX users_avatar_upload ON users (avatar_upload_id) WHERE avatar_upload_id IS NOT NULL;
