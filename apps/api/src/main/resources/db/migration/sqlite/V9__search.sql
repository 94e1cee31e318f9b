-- Issue 12 (search): an FTS5 index of message bodies, kept by triggers on messages so it changes in the same
-- transaction as the write that changed the body. (V9: V8 is taken by the read-state branch beside this one.)
--
-- search_docs: one row per searchable message (posted and not deleted). docid is an INTEGER PRIMARY KEY, so
-- it is stable (VACUUM renumbers the hidden rowid of tables without one, such as messages) and grows with
-- time: newest-first search is "docid descending", which FTS5 streams without sorting. The row copies the
-- few columns the access rule and the modifiers filter on, so a search never touches messages until it
-- has its page. has_link is decided when the body is written (has:link).
CREATE TABLE search_docs (
    docid                  INTEGER PRIMARY KEY,
    message_id             TEXT NOT NULL UNIQUE,
    workspace_id           TEXT NOT NULL,
    channel_id             TEXT,
    direct_conversation_id TEXT,
    author_id              TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    is_reply               INTEGER NOT NULL,
    has_link               INTEGER NOT NULL
);

-- The index reads its text through this view (an "external content" FTS5 table), so bodies are stored
-- once, in messages. unicode61 with remove_diacritics 2 folds "café" and "cafe" together; no porter
-- stemmer (docs/api.md says why). Characters 2 and 3 become spaces here because snippet() uses them as
-- its match markers; both are separators to unicode61 either way, so the tokens are the same.
CREATE VIEW search_content AS
SELECT d.docid AS docid, replace(replace(m.body, char(2), ' '), char(3), ' ') AS body
  FROM search_docs d JOIN messages m ON m.id = d.message_id;

CREATE VIRTUAL TABLE message_search USING fts5(
    body,
    content = 'search_content',
    content_rowid = 'docid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- New message: a row and its tokens (a message could only be inserted deleted by a bug; then it is skipped).
CREATE TRIGGER messages_search_insert AFTER INSERT ON messages WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO search_docs (message_id, workspace_id, channel_id, direct_conversation_id, author_id, created_at,
                             is_reply, has_link)
    VALUES (new.id, new.workspace_id, new.channel_id, new.direct_conversation_id, new.author_id, new.created_at,
            new.parent_message_id IS NOT NULL,
            new.body LIKE '%http://%' OR new.body LIKE '%https://%' OR new.body LIKE '%www.%');
    INSERT INTO message_search (rowid, body)
    VALUES ((SELECT docid FROM search_docs WHERE message_id = new.id),
            replace(replace(new.body, char(2), ' '), char(3), ' '));
END;

-- Edit: the old tokens go (an external-content table must be told exactly what it indexed), the new ones come.
CREATE TRIGGER messages_search_edit AFTER UPDATE OF body ON messages
    WHEN old.deleted_at IS NULL AND new.deleted_at IS NULL AND old.body IS NOT new.body
BEGIN
    INSERT INTO message_search (message_search, rowid, body)
    SELECT 'delete', docid, replace(replace(old.body, char(2), ' '), char(3), ' ')
      FROM search_docs WHERE message_id = old.id;
    INSERT INTO message_search (rowid, body)
    SELECT docid, replace(replace(new.body, char(2), ' '), char(3), ' ')
      FROM search_docs WHERE message_id = new.id;
    UPDATE search_docs
       SET has_link = (new.body LIKE '%http://%' OR new.body LIKE '%https://%' OR new.body LIKE '%www.%')
     WHERE message_id = new.id;
END;

-- Soft delete (deleted_at set, body erased): the message leaves the index entirely.
CREATE TRIGGER messages_search_soft_delete AFTER UPDATE OF deleted_at ON messages
    WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL
BEGIN
    INSERT INTO message_search (message_search, rowid, body)
    SELECT 'delete', docid, replace(replace(old.body, char(2), ' '), char(3), ' ')
      FROM search_docs WHERE message_id = old.id;
    DELETE FROM search_docs WHERE message_id = old.id;
END;

-- A hard delete (no route does one today; an operator or a later workspace deletion might).
CREATE TRIGGER messages_search_delete AFTER DELETE ON messages WHEN old.deleted_at IS NULL
BEGIN
    INSERT INTO message_search (message_search, rowid, body)
    SELECT 'delete', docid, replace(replace(old.body, char(2), ' '), char(3), ' ')
      FROM search_docs WHERE message_id = old.id;
    DELETE FROM search_docs WHERE message_id = old.id;
END;

-- Backfill: every existing message that is not deleted, in time order so docids follow created_at, then
-- one pass of the tokenizer over them.
INSERT INTO search_docs (message_id, workspace_id, channel_id, direct_conversation_id, author_id, created_at,
                         is_reply, has_link)
SELECT id, workspace_id, channel_id, direct_conversation_id, author_id, created_at, parent_message_id IS NOT NULL,
       body LIKE '%http://%' OR body LIKE '%https://%' OR body LIKE '%www.%'
  FROM messages WHERE deleted_at IS NULL
 ORDER BY created_at, id;
INSERT INTO message_search (message_search) VALUES ('rebuild');
