package chat.clickclack.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One simulated person in the mix: a WebSocket that must receive every event of their workspace exactly
 * once and in order (across their own reconnects and any the server forces), and a virtual thread that
 * acts at exponentially distributed intervals, weighted like Mattermost's ceiling test.
 *
 * <p>Threading: frames arrive on the HTTP client's threads, actions run on the user's virtual thread.
 * Socket state (generation, cursor, counts) is guarded by {@code this}: a reconnect bumps the generation
 * under the lock and reads the cursor to resume from, so frames still arriving on the old socket are
 * ignored and replayed by the new one — nothing counted twice, nothing skipped.
 */
final class MixUser {
    /**
     * Action weights from the Mattermost ceiling-test mix (search only when the server has it), plus direct
     * messages and read pointers: a DM post for every two channel posts and a DM page read as often, and a
     * mark-read after most channel views (a client marks what it has shown).
     */
    static final String[] ACTIONS = {"switch_channel", "scroll_history", "unread_check", "post", "open_thread",
            "reconnect_ws", "react", "search", "dm_post", "dm_open", "mark_read"};
    static final double[] WEIGHTS = {6.52, 1.99, 1.0, 1.0, 0.60, 0.144, 0.13, 0.022, 0.5, 0.5, 4.0};
    static final int PAGE = 50;
    static final int RECENT_IDS = 20;
    static final String[] EMOJI = {"crab", "lobster", "shrimp", "ocean", "tada", "+1"};
    /** Nonces must be unique per author across steps (identities are shared), so they come from one counter. */
    private static final java.util.concurrent.atomic.AtomicLong NONCES = new java.util.concurrent.atomic.AtomicLong();

    final int index;
    final String workspaceId;
    final Target.Identity identity;
    private final List<String> channels;
    private final MixMembership membership;
    private final String dm;
    private final Target target;
    private final HttpClient wsClient;
    private final MixStats stats;
    private final boolean search;

    private String channel;
    private long oldestSeq = -1;
    private long newestSeq = -1;
    private final List<String> recent = new ArrayList<>();
    private long posted;

    // socket state, guarded by this
    private EventSocket socket;
    private int generation;
    private long lastCursor;
    long received;
    long cursorSum;
    String problem;
    boolean resynced;
    private volatile boolean stepOver;

    /** {@code dm}: the direct conversation of this user's identity with the next one. */
    MixUser(int index, String workspaceId, Target.Identity identity, MixMembership membership, String dm, Target target,
            HttpClient wsClient, MixStats stats, boolean search) {
        this.index = index;
        this.workspaceId = workspaceId;
        this.identity = identity;
        this.membership = membership;
        this.channels = membership.channelsOf(index);
        this.dm = dm;
        this.target = target;
        this.wsClient = wsClient;
        this.stats = stats;
        this.search = search;
        this.channel = channels.get(Math.floorMod(index, channels.size()));
    }

    /** Opens the first socket from {@code afterCursor} (the workspace tail when the step began). */
    CompletableFuture<EventSocket> connect(long afterCursor) {
        synchronized (this) {
            lastCursor = afterCursor;
        }
        return openSocket();
    }

    private CompletableFuture<EventSocket> openSocket() {
        int gen;
        long from;
        synchronized (this) {
            gen = ++generation;
            from = lastCursor;
        }
        return EventSocket.open(wsClient, target.url, identity.token(), workspaceId, Long.toString(from),
                (EventSocket.BytesHandler) (data, offset, length, at) -> onFrame(gen, data, offset, length, at)).thenApply(s -> {
                    synchronized (this) {
                        socket = s;
                    }
                    s.closed.thenAccept(code -> onClosed(gen, code));
                    return s;
                });
    }

    private void onFrame(int gen, byte[] data, int offset, int length, long receivedNanos) {
        Frame frame;
        try {
            frame = Frame.parse(data, offset, length);
        } catch (java.io.IOException e) {
            synchronized (this) {
                problem = problem == null ? "frame is not JSON" : problem;
            }
            return;
        }
        if (!frame.durable()) {
            return;
        }
        synchronized (this) {
            if (gen != generation) {
                return; // an old socket: the current one replays from lastCursor
            }
            if (frame.cursor() <= lastCursor) {
                problem = problem == null ? "cursor " + frame.cursor() + " after " + lastCursor : problem;
                return;
            }
            lastCursor = frame.cursor();
            received++;
            cursorSum += frame.cursor();
        }
        var body = frame.body();
        if (body != null && body.startsWith("Mix ") && "message.created".equals(frame.type())) {
            int at = body.lastIndexOf(" t=");
            if (at > 0) {
                stats.delivery.recordNanos(receivedNanos - Long.parseLong(body.substring(at + 3)));
                stats.deliveries.increment();
            }
        }
    }

    /** The server closed our socket (slow consumer 1013, shutdown 1001, resync 4001…): resume like a client. */
    private void onClosed(int gen, int code) {
        synchronized (this) {
            if (gen != generation || stepOver) {
                return;
            }
        }
        stats.serverClosed(code);
        if (code == ReconnectScenario.RESYNC_REQUIRED) {
            synchronized (this) {
                resynced = true;
            }
            return;
        }
        Thread.ofVirtual().start(() -> {
            try {
                openSocket().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                stats.error("server_close_resume", e.getClass().getSimpleName());
            }
        });
    }

    long lastCursor() {
        synchronized (this) {
            return lastCursor;
        }
    }

    /** Acts until {@code endNanos}: sleep an exponential interval, pick a weighted action, do it. */
    void act(long endNanos, double meanMillis) {
        var random = ThreadLocalRandom.current();
        // The first wait is uniform so users do not start in lockstep.
        long wait = (long) (random.nextDouble() * meanMillis * 1_000_000);
        while (System.nanoTime() + wait < endNanos) {
            sleepNanos(wait);
            var action = pick(random);
            long t0 = System.nanoTime();
            try {
                var done = perform(action, random);
                if (done != null) {
                    stats.record(done, System.nanoTime() - t0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                stats.error(action, e.getClass().getSimpleName());
            }
            wait = (long) (-Math.log(1 - random.nextDouble()) * meanMillis * 1_000_000);
        }
    }

    private String pick(ThreadLocalRandom random) {
        double total = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            total += allowed(i) ? WEIGHTS[i] : 0;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < WEIGHTS.length; i++) {
            if (!allowed(i)) {
                continue;
            }
            r -= WEIGHTS[i];
            if (r <= 0) {
                return ACTIONS[i];
            }
        }
        return ACTIONS[0];
    }

    private boolean allowed(int action) {
        return switch (ACTIONS[action]) {
            case "search" -> search;
            case "dm_post", "dm_open" -> dm != null; // a bench with one identity has nobody to write to
            default -> true;
        };
    }

    /** Runs one action; returns what it did, or null when it failed (recorded as an error here). */
    private String perform(String action, ThreadLocalRandom random) throws Exception {
        if ((action.equals("open_thread") || action.equals("react") || action.equals("scroll_history")) && recent.isEmpty()) {
            action = "switch_channel"; // nothing seen yet: a real client loads a channel first
        }
        if (action.equals("mark_read") && newestSeq < 0) {
            action = "switch_channel"; // nothing shown yet, nothing to mark
        }
        var token = identity.token();
        Api.Response response;
        switch (action) {
            case "switch_channel" -> {
                channel = channels.get(random.nextInt(channels.size()));
                newestSeq = -1;
                response = target.api.get(token, "/api/channels/" + channel + "/messages?mode=latest&limit=" + PAGE);
                remember(response);
            }
            case "scroll_history" -> {
                var query = oldestSeq > 1 ? "before_seq=" + oldestSeq : "mode=latest";
                response = target.api.get(token, "/api/channels/" + channel + "/messages?" + query + "&limit=" + PAGE);
                remember(response);
            }
            case "unread_check" -> response = target.api.get(token, "/api/workspaces/" + workspaceId + "/channels");
            case "post" -> {
                long n = posted++;
                response = target.api.post(token, "/api/channels/" + membership.postChannel(channel, channels, random) + "/messages",
                        Api.messageBody("Mix " + index + "/" + n + " hello reef t=" + System.nanoTime(),
                                Api.RUN_ID + "-m" + NONCES.incrementAndGet()));
                if (response.posted()) {
                    addRecent(Frame.message(response.body()).id());
                }
            }
            case "open_thread" -> response = target.api.get(token, "/api/messages/" + anyRecent(random) + "/thread");
            case "react" -> response = target.api.post(token, "/api/messages/" + anyRecent(random) + "/reactions",
                    "{\"emoji\":\"" + EMOJI[random.nextInt(EMOJI.length)] + "\"}");
            case "dm_post" -> response = target.api.post(token, "/api/dms/" + dm + "/messages",
                    Api.messageBody("Mix " + index + "/" + posted++ + " psst t=" + System.nanoTime(),
                            Api.RUN_ID + "-m" + NONCES.incrementAndGet()));
            case "dm_open" -> response = target.api.get(token, "/api/dms/" + dm + "/messages?mode=latest&limit=" + PAGE);
            case "mark_read" -> response = target.api.post(token, "/api/channels/" + channel + "/read",
                    "{\"seq\":" + newestSeq + "}");
            case "search" -> response = target.api.get(token, "/api/search?workspace_id=" + workspaceId + "&q=reef&limit=20");
            case "reconnect_ws" -> {
                reconnect();
                return action;
            }
            default -> throw new IllegalStateException(action);
        }
        if (!response.ok()) {
            stats.error(action, "HTTP " + response.status());
            return null;
        }
        return action;
    }

    /** Closes the socket and opens a new one from the last cursor seen, like a client after a network blip. */
    private void reconnect() throws Exception {
        EventSocket old;
        synchronized (this) {
            old = socket;
            generation++; // frames still in flight on the old socket are now ignored
        }
        if (old != null) {
            old.close();
        }
        openSocket().get(30, TimeUnit.SECONDS);
    }

    private void remember(Api.Response response) throws java.io.IOException {
        if (response.status() != 200) {
            return;
        }
        var page = Frame.page(response.body());
        if (page.oldestSeq() > 0) {
            oldestSeq = page.oldestSeq();
        }
        newestSeq = Math.max(newestSeq, page.newestSeq());
        page.ids().forEach(this::addRecent);
    }

    private void addRecent(String id) {
        recent.add(id);
        if (recent.size() > RECENT_IDS) {
            recent.removeFirst();
        }
    }

    private String anyRecent(ThreadLocalRandom random) {
        return recent.get(random.nextInt(recent.size()));
    }

    /** Ends the step for this user: no more resuming, socket closed. */
    void stop() {
        EventSocket s;
        synchronized (this) {
            stepOver = true;
            s = socket;
        }
        if (s != null) {
            s.close();
        }
    }

    private static void sleepNanos(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
