package chat.clickclack.client;

/** A connected command: the API client, the workspace it acts in (an id) and where its output goes. */
public record ChatSession(ChatClient client, String workspaceId, Output out) {}
