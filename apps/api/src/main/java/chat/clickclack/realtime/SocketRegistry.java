package chat.clickclack.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The open subscribers, by workspace (for workspace-wide fan-out), by workspace and user (so an event for a
 * channel's members wakes only their sockets), by the channel a socket is looking at (previews), and by
 * Jetty session (for the close callbacks and the socket's own messages).
 *
 * <p>Threading: concurrent maps and sets; read by the publisher and maintenance, changed by the upgrade
 * and by each sender as it stops.
 */
final class SocketRegistry {
    private final Map<String, Set<Subscriber>> byWorkspace = new ConcurrentHashMap<>();
    private final Map<Session, Subscriber> bySession = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Set<Subscriber>>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscriber>> byViewed = new ConcurrentHashMap<>();

    /** Adds a subscriber to its workspace's fan-out (before the access check, see {@link Hub#subscribe}). */
    void add(Subscriber subscriber) {
        byWorkspace.computeIfAbsent(subscriber.workspaceId, ws -> ConcurrentHashMap.newKeySet()).add(subscriber);
        byUser.computeIfAbsent(subscriber.workspaceId, ws -> new ConcurrentHashMap<>())
                .computeIfAbsent(subscriber.userId, u -> ConcurrentHashMap.newKeySet()).add(subscriber);
    }

    /** Moves the subscriber's preview to {@code channelId} (null: none). Set before the client's ack is sent. */
    void view(Subscriber subscriber, String channelId) {
        synchronized (subscriber) {
            var old = subscriber.viewing;
            if (old != null) {
                var set = byViewed.get(old);
                if (set != null) {
                    set.remove(subscriber);
                }
            }
            subscriber.viewing = channelId;
            if (channelId != null && !subscriber.closed) {
                byViewed.computeIfAbsent(channelId, c -> ConcurrentHashMap.newKeySet()).add(subscriber);
            }
        }
    }

    /** Makes a registered subscriber findable by its session, once its sender is about to start. */
    void bind(Subscriber subscriber) {
        bySession.put(subscriber.session, subscriber);
    }

    void remove(Subscriber subscriber) {
        bySession.remove(subscriber.session, subscriber);
        var set = byWorkspace.get(subscriber.workspaceId);
        if (set != null) {
            set.remove(subscriber);
        }
        var users = byUser.get(subscriber.workspaceId);
        var mine = users == null ? null : users.get(subscriber.userId);
        if (mine != null) {
            mine.remove(subscriber); // the empty set stays: one per user ever connected, reused on reconnect
        }
        view(subscriber, null);
    }

    /** The open sockets of one user in one workspace (empty when none). */
    Set<Subscriber> ofUser(String workspaceId, String userId) {
        var users = byUser.get(workspaceId);
        if (users == null) {
            return Set.of();
        }
        return users.getOrDefault(userId, Set.of());
    }

    /** The sockets looking at a channel (previews), all workspaces: a channel id belongs to one. */
    Set<Subscriber> viewing(String channelId) {
        return byViewed.getOrDefault(channelId, Set.of());
    }

    Subscriber bySession(Session session) {
        return bySession.get(session);
    }

    Set<Subscriber> inWorkspace(String workspaceId) {
        return byWorkspace.getOrDefault(workspaceId, Set.of());
    }

    void forEach(Consumer<Subscriber> action) {
        byWorkspace.values().forEach(set -> set.forEach(action));
    }

    int count() {
        return byWorkspace.values().stream().mapToInt(Set::size).sum();
    }
}
