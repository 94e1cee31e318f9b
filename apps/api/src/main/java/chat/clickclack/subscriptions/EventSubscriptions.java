package chat.clickclack.subscriptions;

import chat.clickclack.callbacks.CallbackGuard;
import chat.clickclack.db.Database;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.ApiException;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import chat.clickclack.workspaces.Membership;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Outgoing event subscriptions, managed by a workspace's owners and moderators: a callback URL (checked by
 * {@link CallbackGuard}) and the durable event types it wants. A new subscription starts at the log's tail:
 * it receives what happens from now on. {@link DeliveryWorker} does the sending.
 */
public final class EventSubscriptions {
    public static final int MAX_DELIVERY_PAGE = 200;
    public static final int DEFAULT_DELIVERY_PAGE = 50;
    /** Every durable event type (the constants of {@link EventTypes}). */
    static final Set<String> DURABLE_TYPES = durableTypes();

    /** A subscription and its secret: the answer to creation only. */
    public record WithSecret(EventSubscription subscription, String secret) {}

    private final Database db;
    private final CallbackGuard guard;
    private final DeliveryWorker worker;

    public EventSubscriptions(Database db, CallbackGuard guard, DeliveryWorker worker) {
        this.db = db;
        this.guard = guard;
        this.worker = worker;
    }

    public WithSecret create(String actorId, String workspaceId, String url, List<String> eventTypes) {
        var checkedUrl = guard.requireSafe("url", url).toString();
        var types = types(eventTypes);
        var created = db.write(tx -> {
            Membership.requireModerator(tx.connection(), workspaceId, actorId);
            return insert(tx.connection(), workspaceId, checkedUrl, types, actorId);
        });
        worker.wake();
        return created;
    }

    /**
     * Adds a subscription whose URL passed the {@link CallbackGuard} and whose types passed {@link #types}, starting
     * at the log's tail; {@code createdBy} is null from the operator CLI. A running server's worker finds it
     * within {@link DeliveryWorker#IDLE_POLL}.
     */
    public static WithSecret insert(Connection c, String workspaceId, String checkedUrl, List<String> types,
            String createdBy) throws SQLException {
        var secret = Ids.secret("ccs_");
        var sub = new EventSubscription(Ids.next("sub"), workspaceId, checkedUrl, types, EventSubscription.ACTIVE,
                null, Long.toString(EventStore.tail(c)), null, null, createdBy, Times.now());
        SubscriptionStore.insert(c, sub, secret);
        return new WithSecret(sub, secret);
    }

    /** The workspace's subscriptions, for the operator CLI (the API checks the caller's role first). */
    public static List<EventSubscription> inWorkspace(Connection c, String workspaceId) throws SQLException {
        return SubscriptionStore.inWorkspace(c, workspaceId);
    }

    /**
     * Pauses ({@code active} false, with the reason shown in the web) or resumes a subscription, for the operator
     * CLI; false when there is none. A resumed one continues from its cursor.
     */
    public static boolean setActive(Connection c, String id, boolean active) throws SQLException {
        if (SubscriptionStore.byId(c, id).isEmpty()) {
            return false;
        }
        if (active) {
            SubscriptionStore.resume(c, id);
        } else {
            SubscriptionStore.pause(c, id, "paused by an operator");
        }
        return true;
    }

    /** Deletes a subscription and its delivery log, for the operator CLI; false when there is none. */
    public static boolean remove(Connection c, String id) throws SQLException {
        if (SubscriptionStore.byId(c, id).isEmpty()) {
            return false;
        }
        SubscriptionStore.delete(c, id);
        return true;
    }

    public List<EventSubscription> list(String actorId, String workspaceId) {
        return db.read(c -> {
            Membership.requireModerator(c, workspaceId, actorId);
            return SubscriptionStore.inWorkspace(c, workspaceId);
        });
    }

    public EventSubscription pause(String actorId, String id) {
        return change(actorId, id, c -> SubscriptionStore.pause(c, id, "paused by a person"));
    }

    /** Active again from its cursor, trying at once. */
    public EventSubscription resume(String actorId, String id) {
        var resumed = change(actorId, id, c -> SubscriptionStore.resume(c, id));
        worker.wake();
        return resumed;
    }

    public void delete(String actorId, String id) {
        db.write(tx -> {
            var c = tx.connection();
            requireManager(c, actorId, id);
            SubscriptionStore.delete(c, id);
            return null;
        });
    }

    public List<EventDelivery> deliveries(String actorId, String id, int limit) {
        return db.read(c -> {
            requireManager(c, actorId, id);
            return SubscriptionStore.deliveries(c, id, limit);
        });
    }

    private interface Change {
        void apply(java.sql.Connection c) throws java.sql.SQLException;
    }

    private EventSubscription change(String actorId, String id, Change change) {
        return db.write(tx -> {
            var c = tx.connection();
            requireManager(c, actorId, id);
            change.apply(c);
            return SubscriptionStore.byId(c, id).orElseThrow().subscription();
        });
    }

    private static EventSubscription requireManager(java.sql.Connection c, String actorId, String id)
            throws java.sql.SQLException {
        var sub = SubscriptionStore.byId(c, id).orElseThrow(() -> new ApiException.NotFound("event subscription"))
                .subscription();
        Membership.requireModerator(c, sub.workspaceId(), actorId);
        return sub;
    }

    /** The event types as given, checked: ["*"] alone or known durable types (400 otherwise). */
    public static List<String> types(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw new ApiException.Invalid("event_types is required: [\"*\"] or a list such as [\"message.created\"]");
        }
        var out = new LinkedHashSet<String>();
        for (var type : raw) {
            if (type == null || !(type.equals("*") || DURABLE_TYPES.contains(type))) {
                throw new ApiException.Invalid("unknown event type '" + type + "' (known: *, "
                        + String.join(", ", DURABLE_TYPES) + ")");
            }
            out.add(type);
        }
        if (out.contains("*") && out.size() > 1) {
            throw new ApiException.Invalid("event_types: \"*\" already means every type; give it alone");
        }
        return List.copyOf(out);
    }

    private static Set<String> durableTypes() {
        return Arrays.stream(EventTypes.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
