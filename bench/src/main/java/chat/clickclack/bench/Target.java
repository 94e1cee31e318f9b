package chat.clickclack.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server a scenario talks to: its URL, the workspace the bench users share, and those users. When the
 * bench started the server itself, {@link #server} is that process (for CPU, RSS and stopping it).
 *
 * <p>Simulated users outnumber the seeded identities (each identity is two CLI calls and one
 * more member row; what matters for load is sockets and requests, not distinct user rows), so they
 * share them round-robin: {@link #identity(int)}.
 */
final class Target implements AutoCloseable {
    /** A user the bench can act as. {@code token} is null for the dev fallback. */
    record Identity(String userId, String token) {}

    final String url;
    final Api api;
    final String workspaceId;
    final List<Identity> identities;
    final ServerProcess server;
    private final boolean stopServerOnClose;
    private final AtomicInteger channels = new AtomicInteger();

    /**
     * @param server            the process when the bench started it, else null
     * @param stopServerOnClose false when the server is shared by several scenarios (quick mode)
     */
    Target(String url, String workspaceId, List<Identity> identities, ServerProcess server, boolean stopServerOnClose) {
        this.url = url;
        this.api = new Api(url);
        this.workspaceId = workspaceId;
        this.identities = identities;
        this.server = server;
        this.stopServerOnClose = stopServerOnClose;
    }

    Identity identity(int index) {
        return identities.get(Math.floorMod(index, identities.size()));
    }

    /** The workspace owner (the dev user): creates channels. */
    Identity owner() {
        return identities.getFirst();
    }

    /** Creates a channel with a fresh name and returns its id. */
    String createChannel(String prefix) throws IOException, InterruptedException {
        return createChannel(workspaceId, prefix);
    }

    String createChannel(String workspace, String prefix) throws IOException, InterruptedException {
        var name = prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-" + channels.incrementAndGet();
        var created = api.post(owner().token(), "/api/workspaces/" + workspace + "/channels",
                "{\"name\":" + Api.quote(name) + "}").require("create channel " + name);
        return created.path("channel").path("id").asText();
    }

    /**
     * Joins every bench identity to the channel, so their sockets receive its events: a public channel's events
     * reach its members (and a server without channel membership simply answers 404, which is fine here).
     */
    void joinEveryone(String channel) throws IOException, InterruptedException {
        for (var identity : identities) {
            api.post(identity.token(), "/api/channels/" + channel + "/join", "{}");
        }
    }

    /** The newest cursor in the log, from {@code GET /api/realtime/events?include_tail=true}. */
    String tailCursor(String workspace) throws IOException, InterruptedException {
        var page = api.get(owner().token(), "/api/realtime/events?workspace_id=" + workspace
                + "&include_tail=true&limit=1").require("tail cursor");
        return page.path("tail_cursor").asText();
    }

    /** Server CPU time in ms so far, or -1 when the server is not ours. */
    long serverCpuMillis() {
        return server == null ? -1 : server.cpuMillis();
    }

    @Override
    public void close() {
        api.client.shutdownNow();
        if (server != null && stopServerOnClose) {
            server.close();
        }
    }
}
