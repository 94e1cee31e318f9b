package chat.clickclack.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The open subscribers, by workspace (for fan-out) and by Jetty session (for the close callbacks).
 *
 * <p>Threading: concurrent maps and sets; read by the publisher and maintenance, changed by the upgrade
 * and by each sender as it stops.
 */
final class SocketRegistry {
    private final Map<String, Set<Subscriber>> byWorkspace = new ConcurrentHashMap<>();
    private final Map<Session, Subscriber> bySession = new ConcurrentHashMap<>();

    /** Adds a subscriber to its workspace's fan-out (before the access check, see {@link Hub#subscribe}). */
    void add(Subscriber subscriber) {
        byWorkspace.computeIfAbsent(subscriber.workspaceId, ws -> ConcurrentHashMap.newKeySet()).add(subscriber);
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
