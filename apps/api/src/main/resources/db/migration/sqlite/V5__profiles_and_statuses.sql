-- Issue 10 (profiles and statuses): users say what kind of account they are and carry an optional status.
-- (V5, not V4: leaves V4 to the read-state branch that lands beside this one.)
-- An expired status stays in the row until it is replaced or cleared; reads hide it (UserStore.map).
ALTER TABLE users ADD COLUMN kind TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'bot'));
ALTER TABLE users ADD COLUMN status_preset TEXT;
ALTER TABLE users ADD COLUMN status_emoji TEXT;
ALTER TABLE users ADD COLUMN status_text TEXT;
ALTER TABLE users ADD COLUMN status_expires_at TEXT;
