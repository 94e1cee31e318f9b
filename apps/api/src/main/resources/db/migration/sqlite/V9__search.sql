-- Issue 12 (search): an FTS5 index of message bodies, kept by triggers on messages so it changes in the same
-- transaction as the write that changed the body. (V9: V8 is taken by the read-state branch beside this one.)
--
-- search_docs: one row per searchable message (posted and not deleted). docid is an INTEGER PRIMARY KEY, so
-- it is stable (VACUUM may renumber the hidden rowid of a table without one, such as messages). Docids count
-- DOWN: each new message gets one less than the smallest so far. FTS5 streams matches in ascending docid
-- order without reading ahead, so "newest first" is its natural order and a page of a word that is in most
-- messages reads only that page (descending order would make FTS5 load the word's whole doclist first).
-- The row keeps what the access rule needs (workspace, conversation), the time (before:/after:) and whether
-- it is a reply (is:thread, with thread_state for roots that have replies).
CREATE TABLE search_docs (
    docid                  INTEGER PRIMARY KEY,
    message_id             TEXT NOT NULL UNIQUE,
    workspace_id           TEXT NOT NULL,
    direct_conversation_id TEXT,
    created_at             TEXT NOT NULL,
    is_reply               INTEGER NOT NULL
);

-- What the index holds for a message (the triggers below compute the same from the row they see): its body,
-- and a "scope" column of tokens that the modifiers match on
-- inside FTS5 itself (so `in:#ops` or `from:@ari` is a doclist intersection, not a row-by-row filter): the
-- channel ("ch" + the id's ULID) or conversation ("dm" + ULID), the author ("au" + ULID), and "haslink" /
-- "isreply". Ids are immutable and has-link is recomputed from the body, so the values the triggers index and
-- later remove are always the same. Characters 2 and 3 become spaces in the body because snippet() uses them
-- as its match markers; both are separators to unicode61 either way, so the tokens are the same.
CREATE VIEW search_content AS
SELECT d.docid AS docid,
       replace(replace(m.body, char(2), ' '), char(3), ' ') AS body,
       coalesce('ch' || substr(m.channel_id, 5), 'dm' || substr(m.direct_conversation_id, 4))
           || ' au' || substr(m.author_id, 5)
           || CASE WHEN m.body LIKE '%http://%' OR m.body LIKE '%https://%' OR m.body LIKE '%www.%'
                   THEN ' haslink' ELSE '' END
           || CASE WHEN m.parent_message_id IS NOT NULL THEN ' isreply' ELSE '' END AS scope
  FROM search_docs d JOIN messages m ON m.id = d.message_id;

-- External content (the view above), so bodies are stored once, in messages. unicode61 with
-- remove_diacritics 2 folds "café" and "cafe" together; no porter stemmer (docs/api.md says why).
CREATE VIRTUAL TABLE message_search USING fts5(
    body,
    scope,
    content = 'search_content',
    content_rowid = 'docid',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- New message: a row and its tokens (a message could only be inserted deleted by a bug; then it is skipped).
CREATE TRIGGER messages_search_insert AFTER INSERT ON messages WHEN new.deleted_at IS NULL
BEGIN
    INSERT INTO search_docs (docid, message_id, workspace_id, direct_conversation_id, created_at, is_reply)
    VALUES ((SELECT coalesce(min(docid), 0) - 1 FROM search_docs), new.id, new.workspace_id,
            new.direct_conversation_id, new.created_at, new.parent_message_id IS NOT NULL);
    -- The same values the view gives, from the new row itself (no lookups on the write path); last_insert_rowid()
    -- is the search_docs row just inserted, inside this trigger.
    INSERT INTO message_search (rowid, body, scope)
    VALUES (last_insert_rowid(), replace(replace(new.body, char(2), ' '), char(3), ' '),
            coalesce('ch' || substr(new.channel_id, 5), 'dm' || substr(new.direct_conversation_id, 4))
                || ' au' || substr(new.author_id, 5)
                || CASE WHEN new.body LIKE '%http://%' OR new.body LIKE '%https://%' OR new.body LIKE '%www.%'
                        THEN ' haslink' ELSE '' END
                || CASE WHEN new.parent_message_id IS NOT NULL THEN ' isreply' ELSE '' END);
END;

-- Edit: the old tokens go (an external-content table must be told exactly what it indexed), the new ones come.
CREATE TRIGGER messages_search_edit AFTER UPDATE OF body ON messages
    WHEN old.deleted_at IS NULL AND new.deleted_at IS NULL AND old.body IS NOT new.body
BEGIN
    INSERT INTO message_search (message_search, rowid, body, scope)
    SELECT 'delete', d.docid, replace(replace(old.body, char(2), ' '), char(3), ' '),
           coalesce('ch' || substr(old.channel_id, 5), 'dm' || substr(old.direct_conversation_id, 4))
               || ' au' || substr(old.author_id, 5)
               || CASE WHEN old.body LIKE '%http://%' OR old.body LIKE '%https://%' OR old.body LIKE '%www.%'
                       THEN ' haslink' ELSE '' END
               || CASE WHEN old.parent_message_id IS NOT NULL THEN ' isreply' ELSE '' END
      FROM search_docs d WHERE d.message_id = old.id;
    INSERT INTO message_search (rowid, body, scope)
    SELECT d.docid, replace(replace(new.body, char(2), ' '), char(3), ' '),
           coalesce('ch' || substr(new.channel_id, 5), 'dm' || substr(new.direct_conversation_id, 4))
               || ' au' || substr(new.author_id, 5)
               || CASE WHEN new.body LIKE '%http://%' OR new.body LIKE '%https://%' OR new.body LIKE '%www.%'
                       THEN ' haslink' ELSE '' END
               || CASE WHEN new.parent_message_id IS NOT NULL THEN ' isreply' ELSE '' END
      FROM search_docs d WHERE d.message_id = new.id;
END;

-- Soft delete (deleted_at set, body erased): the message leaves the index entirely.
CREATE TRIGGER messages_search_soft_delete AFTER UPDATE OF deleted_at ON messages
    WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL
BEGIN
    INSERT INTO message_search (message_search, rowid, body, scope)
    SELECT 'delete', d.docid, replace(replace(old.body, char(2), ' '), char(3), ' '),
           coalesce('ch' || substr(old.channel_id, 5), 'dm' || substr(old.direct_conversation_id, 4))
               || ' au' || substr(old.author_id, 5)
               || CASE WHEN old.body LIKE '%http://%' OR old.body LIKE '%https://%' OR old.body LIKE '%www.%'
                       THEN ' haslink' ELSE '' END
               || CASE WHEN old.parent_message_id IS NOT NULL THEN ' isreply' ELSE '' END
      FROM search_docs d WHERE d.message_id = old.id;
    DELETE FROM search_docs WHERE message_id = old.id;
END;

-- A hard delete (no route does one today; an operator or a later workspace deletion might).
CREATE TRIGGER messages_search_delete AFTER DELETE ON messages WHEN old.deleted_at IS NULL
BEGIN
    INSERT INTO message_search (message_search, rowid, body, scope)
    SELECT 'delete', d.docid, replace(replace(old.body, char(2), ' '), char(3), ' '),
           coalesce('ch' || substr(old.channel_id, 5), 'dm' || substr(old.direct_conversation_id, 4))
               || ' au' || substr(old.author_id, 5)
               || CASE WHEN old.body LIKE '%http://%' OR old.body LIKE '%https://%' OR old.body LIKE '%www.%'
                       THEN ' haslink' ELSE '' END
               || CASE WHEN old.parent_message_id IS NOT NULL THEN ' isreply' ELSE '' END
      FROM search_docs d WHERE d.message_id = old.id;
    DELETE FROM search_docs WHERE message_id = old.id;
END;

-- Backfill: every existing message that is not deleted, the newest with the smallest docid, then one pass
-- of the tokenizer over them.
INSERT INTO search_docs (docid, message_id, workspace_id, direct_conversation_id, created_at, is_reply)
SELECT -row_number() OVER (ORDER BY created_at, id), id, workspace_id, direct_conversation_id, created_at,
       parent_message_id IS NOT NULL
  FROM messages WHERE deleted_at IS NULL;
INSERT INTO message_search (message_search) VALUES ('rebuild');
