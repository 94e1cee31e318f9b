// Ephemeral signals (typing, presence).
import type { Transport } from "../http.ts";
import type { EphemeralOptions } from "../queries.ts";

export function realtimeApi(http: Transport) {
  return {
    /** Publishes a typing/presence signal; it is never stored and may drop. */
    ephemeral: async (options: EphemeralOptions) =>
      (
        await http.request("post", "/api/realtime/ephemeral", {
          body: {
            workspace_id: options.workspaceId,
            channel_id: options.channelId,
            direct_conversation_id: options.directConversationId,
            type: options.type,
            payload: options.payload,
          },
        })
      ).event,
  };
}
