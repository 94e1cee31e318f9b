package chat.clickclack.realtime;

import chat.clickclack.ids.Times;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Who is online, derived from open sockets: a user with at least one socket in a workspace is online;
 * when their last socket closes they go offline after a grace period (a page reload or a network blip
 * should not flash them offline). Online users turn away when a client says so (the tab was idle or
 * hidden) or when nothing they did reached the server for {@link Timing#awayAfterMillis}; anything they do
 * brings them back. Each change is announced as an ephemeral presence.changed.
 *
 * <p>Threading: all state is guarded by {@code this}; announcements happen outside the lock.
 */
public final class Presence {
    /** One online user; {@code status} is online or away. */
    public record Entry(String userId, String status, String since) {}

    /** How long a closed socket keeps its user online, and how long without activity makes them away. */
    public record Timing(long graceMillis, long awayAfterMillis) {
        public static final Timing DEFAULT = new Timing(5_000, 5 * 60_000);
    }

    private record Key(String workspaceId, String userId) {}

    private record Change(Key key, String status) {}

    private static final class State {
        int sockets;
        String since;
        long generation;
        boolean away;
        long lastActive;
    }

    private static final String ONLINE = "online";
    private static final String AWAY = "away";

    private final Hub hub;
    private final Timing timing;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Map<Key, State> states = new HashMap<>();
    /** The same states by user: a write marks its author active in every workspace without a full scan. */
    private final Map<String, Map<String, State>> byUser = new HashMap<>();

    Presence(Hub hub, Timing timing, ScheduledExecutorService scheduler) {
        this.hub = hub;
        this.timing = timing;
        this.scheduler = scheduler;
        this.clock = System::currentTimeMillis;
        long sweep = Math.max(50, Math.min(30_000, timing.awayAfterMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::markIdleAway, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    void connected(String workspaceId, String userId) {
        String status = null;
        synchronized (this) {
            var state = states.computeIfAbsent(new Key(workspaceId, userId), k -> new State());
            byUser.computeIfAbsent(userId, u -> new HashMap<>()).put(workspaceId, state);
            if (state.sockets == 0 && state.since == null) {
                status = ONLINE;
            } else if (state.away) {
                status = ONLINE; // a new tab or device is someone at the keyboard
            }
            state.sockets++;
            state.generation++;
            state.away = false;
            state.lastActive = clock.getAsLong();
            if (state.since == null) {
                state.since = Times.now();
            }
        }
        if (status != null) {
            announce(workspaceId, userId, status);
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
            scheduler.schedule(() -> goOfflineIfStillGone(workspaceId, userId, generation), timing.graceMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: nobody is left to tell
        }
    }

    /**
     * A client says its user is {@code away} or back {@code online}; returns whether that changed anything
     * (only changes are announced, so a chatty client cannot flood the workspace).
     */
    boolean report(String workspaceId, String userId, String status) {
        boolean away = AWAY.equals(status);
        synchronized (this) {
            var state = states.get(new Key(workspaceId, userId));
            if (state == null || state.sockets == 0) {
                return false;
            }
            if (!away) {
                state.lastActive = clock.getAsLong(); // "I am here" is activity, even when it changes nothing
            }
            if (state.away == away) {
                return false;
            }
            state.away = away;
        }
        announce(workspaceId, userId, away ? AWAY : ONLINE);
        return true;
    }

    /** The user did something (a write reached the server): they are at the keyboard, in every workspace. */
    public void active(String userId) {
        var changes = new ArrayList<Change>();
        synchronized (this) {
            var mine = byUser.get(userId);
            if (mine == null) {
                return; // no socket: nobody sees their presence
            }
            long now = clock.getAsLong();
            mine.forEach((workspaceId, state) -> {
                if (state.sockets > 0) {
                    state.lastActive = now;
                    if (state.away) {
                        state.away = false;
                        changes.add(new Change(new Key(workspaceId, userId), ONLINE));
                    }
                }
            });
        }
        changes.forEach(c -> announce(c.key().workspaceId(), c.key().userId(), c.status()));
    }

    private void markIdleAway() {
        var changes = new ArrayList<Change>();
        synchronized (this) {
            long cutoff = clock.getAsLong() - timing.awayAfterMillis();
            states.forEach((key, state) -> {
                if (state.sockets > 0 && !state.away && state.lastActive < cutoff) {
                    state.away = true;
                    changes.add(new Change(key, AWAY));
                }
            });
        }
        changes.forEach(c -> announce(c.key().workspaceId(), c.key().userId(), c.status()));
    }

    private void goOfflineIfStillGone(String workspaceId, String userId, long generation) {
        synchronized (this) {
            var key = new Key(workspaceId, userId);
            var state = states.get(key);
            if (state == null || state.sockets > 0 || state.generation != generation) {
                return;
            }
            states.remove(key);
            var mine = byUser.get(userId);
            if (mine != null) {
                mine.remove(workspaceId);
                if (mine.isEmpty()) {
                    byUser.remove(userId);
                }
            }
        }
        announce(workspaceId, userId, "offline");
    }

    /** Who is online or away in a workspace right now. */
    public synchronized List<Entry> online(String workspaceId) {
        var out = new ArrayList<Entry>();
        states.forEach((key, state) -> {
            if (key.workspaceId().equals(workspaceId)) {
                out.add(new Entry(key.userId(), state.away ? AWAY : ONLINE, state.since));
            }
        });
        out.sort((a, b) -> a.userId().compareTo(b.userId()));
        return out;
    }

    private void announce(String workspaceId, String userId, String status) {
        hub.publishEphemeral(workspaceId, EphemeralEvent.presence(workspaceId, userId, Times.now(), status));
    }
}
