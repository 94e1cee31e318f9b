-- A slash command run in a thread answers in that thread, also through its response URL later.
ALTER TABLE command_response_tokens ADD COLUMN thread_root_id TEXT;
