package chat.clickclack.realtime;

import chat.clickclack.ids.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Who is online, derived from open sockets: a user with at least one socket in a workspace is online;
 * when their last socket closes they go offline after a grace period (a page reload or a network blip
 * should not flash them offline). Each change is announced as an ephemeral presence.changed.
 *
 * <p>Threading: all state is guarded by {@code this}; announcements happen outside the lock.
 */
public final class Presence {
    /** One online user. */
    public record Entry(String userId, String status, String since) {}

    private record Key(String workspaceId, String userId) {}

    private static final class State {
        int sockets;
        String since;
        long generation;
    }

    private final Hub hub;
    private final long graceMillis;
    private final ScheduledExecutorService scheduler;
    private final Map<Key, State> states = new HashMap<>();

    Presence(Hub hub, long graceMillis, ScheduledExecutorService scheduler) {
        this.hub = hub;
        this.graceMillis = graceMillis;
        this.scheduler = scheduler;
    }

    void connected(String workspaceId, String userId) {
        boolean cameOnline;
        synchronized (this) {
            var state = states.computeIfAbsent(new Key(workspaceId, userId), k -> new State());
            cameOnline = state.sockets == 0 && state.since == null;
            state.sockets++;
            state.generation++;
            if (state.since == null) {
                state.since = Times.now();
            }
        }
        if (cameOnline) {
            announce(workspaceId, userId, "online");
        }
    }

    void disconnected(String workspaceId, String userId) {
        long generation;
        synchronized (this) {
            var state = states.get(new Key(workspaceId, userId));
            if (state == null) {
                return;
            }
            state.sockets--;
            if (state.sockets > 0) {
                return;
            }
            generation = ++state.generation;
        }
        try {
            scheduler.schedule(() -> goOfflineIfStillGone(workspaceId, userId, generation), graceMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: nobody is left to tell
        }
    }

    private void goOfflineIfStillGone(String workspaceId, String userId, long generation) {
        synchronized (this) {
            var key = new Key(workspaceId, userId);
            var state = states.get(key);
            if (state == null || state.sockets > 0 || state.generation != generation) {
                return;
            }
            states.remove(key);
        }
        announce(workspaceId, userId, "offline");
    }

    /** Who is online in a workspace right now. */
    public synchronized List<Entry> online(String workspaceId) {
        var out = new ArrayList<Entry>();
        states.forEach((key, state) -> {
            if (key.workspaceId().equals(workspaceId)) {
                out.add(new Entry(key.userId(), "online", state.since));
            }
        });
        out.sort((a, b) -> a.userId().compareTo(b.userId()));
        return out;
    }

    private void announce(String workspaceId, String userId, String status) {
        hub.publishEphemeral(workspaceId, new EphemeralEvent("presence.changed", workspaceId, null, userId,
                Times.now(), Map.of("status", status)));
    }
}
