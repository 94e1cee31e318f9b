-- Issue 13: sign-in from the browser (email links, GitHub), sessions a user can see, disabled accounts.
-- A disabled user keeps their history but can no longer sign in; every session of theirs was revoked.
ALTER TABLE users ADD COLUMN disabled_at TEXT;

-- When a session last authenticated a request (updated at most every few minutes, not per request).
ALTER TABLE sessions ADD COLUMN last_used_at TEXT;
CREATE INDEX sessions_user ON sessions (user_id);

-- A GitHub account linked to a user, keyed by GitHub's numeric user id: logins and emails can change
-- hands, the id never does. One GitHub account signs in to one user.
CREATE TABLE github_accounts (
    github_id       INTEGER PRIMARY KEY,
    user_id         TEXT NOT NULL REFERENCES users (id),
    login           TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    last_sign_in_at TEXT NOT NULL
);
CREATE INDEX github_accounts_user ON github_accounts (user_id);
