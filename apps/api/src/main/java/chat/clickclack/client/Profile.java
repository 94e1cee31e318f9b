package chat.clickclack.client;

/** What {@code clickclack login} stores: the server, the bearer token and the workspace commands act in (an id). */
public record Profile(String url, String token, String workspace) {}
