package chat.clickclack.realtime;

import chat.clickclack.http.ApiException;
import java.util.Map;
import java.util.Set;

/**
 * What an ephemeral event may say. The server builds the payload from a few fixed, validated fields, never
 * from whatever a client sent: an event is fanned out to every socket of the workspace, so a free-form
 * payload let one member push megabytes to everyone at once. Typing in a direct conversation reaches its
 * members only.
 *
 * <ul>
 *   <li>{@code typing.started}, {@code typing.stopped}: need a {@code channel_id} or a
 *       {@code direct_conversation_id} (not both); payload may hold {@code thread_root_id} (a message id,
 *       when typing in a thread).</li>
 *   <li>{@code presence.changed}: payload may hold {@code status}: online, away or offline.</li>
 * </ul>
 */
final class EphemeralPayloads {
    /** The largest request body accepted for an ephemeral event; the fixed fields fit in far less. */
    static final int MAX_BODY_BYTES = 2048;
    static final int MAX_ID_LENGTH = 64;
    static final Set<String> TYPES = Set.of("typing.started", "typing.stopped", "presence.changed");
    private static final Set<String> STATUSES = Set.of("online", "away", "offline");

    private EphemeralPayloads() {}

    /** The payload to publish, built from the validated fields; 400 for anything else. */
    static Map<String, Object> build(String type, String channelId, String directConversationId,
            Map<String, Object> payload) {
        if (type == null || !TYPES.contains(type)) {
            throw new ApiException.Invalid("type must be one of typing.started, typing.stopped, presence.changed");
        }
        var given = payload == null ? Map.<String, Object>of() : payload;
        if (type.startsWith("typing.")) {
            boolean inChannel = channelId != null && !channelId.isBlank();
            boolean inDm = directConversationId != null && !directConversationId.isBlank();
            if (inChannel == inDm) {
                throw new ApiException.Invalid(type + " needs either channel_id or direct_conversation_id (not both)");
            }
            onlyKeys(given, "thread_root_id", type);
            var root = given.get("thread_root_id");
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof String id) || !id.startsWith("msg_") || id.length() > MAX_ID_LENGTH) {
                throw new ApiException.Invalid("payload.thread_root_id must be a message id");
            }
            return Map.of("thread_root_id", id);
        }
        if (channelId != null || directConversationId != null) {
            throw new ApiException.Invalid("presence.changed is about a person, not a conversation: "
                    + "leave out channel_id and direct_conversation_id");
        }
        onlyKeys(given, "status", type);
        var status = given.get("status");
        if (status == null) {
            return Map.of();
        }
        if (!(status instanceof String s) || !STATUSES.contains(s)) {
            throw new ApiException.Invalid("payload.status must be online, away or offline");
        }
        return Map.of("status", s);
    }

    private static void onlyKeys(Map<String, Object> payload, String allowed, String type) {
        for (var key : payload.keySet()) {
            if (!key.equals(allowed)) {
                throw new ApiException.Invalid("payload of " + type + " may only hold " + allowed + ", not '" + key + "'");
            }
        }
    }
}
