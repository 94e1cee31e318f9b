-- Issue 10 (mentions): who a message mentions, decided once when it is posted or edited so reads never
-- re-parse bodies. (V7: V6 is taken by the direct-messages branch that lands beside this one.)
-- mentions_json is the JSON array of mentioned user ids, NULL when the message mentions nobody (the
-- common case, which the partial index below leaves out); mentions_channel is 1 for @channel / @here,
-- which mean everyone in the channel and are kept as a flag rather than expanded to every member's id.
ALTER TABLE messages ADD COLUMN mentions_json TEXT;
ALTER TABLE messages ADD COLUMN mentions_channel INTEGER NOT NULL DEFAULT 0;
-- mention_count reads only the mentioning messages of a channel.
CREATE INDEX messages_mentioning ON messages (channel_id) WHERE mentions_json IS NOT NULL;
