package chat.clickclack.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code tail} follows: a channel's timeline or a direct conversation's. Both number their root messages by
 * {@code channel_seq} and page the same way; they differ in their path and in how an event names them (a channel
 * event carries {@code channel_id}, a direct message only its message's {@code direct_conversation_id}).
 */
record TailTarget(String id, boolean direct) {
    /**
     * {@code #name}, {@code name} or {@code chn_…} is a channel; {@code @handle} or {@code usr_…} the one-to-one
     * conversation with that person, {@code dm_…} any conversation.
     */
    static TailTarget resolve(ChatSession session, String name) {
        var wanted = name.strip();
        if (wanted.startsWith("dm_")) {
            return new TailTarget(session.client().get("/api/dms/" + wanted).path("conversation").path("id").asText(), true);
        }
        if (wanted.startsWith("@") || wanted.startsWith("usr_")) {
            return conversationWith(session, Names.user(session, wanted));
        }
        return new TailTarget(Names.channel(session, wanted).path("id").asText(), false);
    }

    /** The existing one-to-one conversation with {@code user}; tailing never starts one. */
    private static TailTarget conversationWith(ChatSession session, JsonNode user) {
        var me = session.client().get("/api/me").path("user").path("id").asText();
        var them = user.path("id").asText();
        var conversations = session.client().get("/api/dms", ChatClient.query("workspace_id", session.workspaceId()))
                .path("conversations");
        for (var conversation : conversations) {
            var ids = new java.util.HashSet<String>();
            conversation.path("members").forEach(m -> ids.add(m.path("id").asText()));
            if (ids.equals(java.util.Set.of(me, them)) || (me.equals(them) && ids.equals(java.util.Set.of(me)))) {
                return new TailTarget(conversation.path("id").asText(), true);
            }
        }
        throw ClientException.notFound("no direct messages with @" + user.path("handle").asText()
                + " yet (start with 'clickclack dm @" + user.path("handle").asText() + " hello')");
    }

    /** The API path of the timeline's owner: its messages are at {@code path() + "/messages"}. */
    String path() {
        return (direct ? "/api/dms/" : "/api/channels/") + id;
    }

    /** The newest root message's seq, as the server has it now. */
    long lastSeq(ChatSession session) {
        return session.client().get(path()).path(direct ? "conversation" : "channel").path("last_seq").asLong();
    }

    /** Whether a message belongs to this timeline's owner (replies included; the timeline skips those). */
    boolean owns(JsonNode message) {
        return id.equals(message.path(direct ? "direct_conversation_id" : "channel_id").asText());
    }
}
