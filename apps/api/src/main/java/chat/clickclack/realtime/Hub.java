package chat.clickclack.realtime;

import chat.clickclack.db.Database;
import chat.clickclack.events.Audience;
import chat.clickclack.events.ChannelSeats;
import chat.clickclack.events.Cursors;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process realtime hub: feeds WebSocket subscribers from the durable event log.
 *
 * <p>The log is the truth and the socket only a pipe. Every committed event is appended to its
 * workspace's {@link Feed} (the in-memory tail); each subscriber's sender pulls from its own position,
 * from the feed when it can and from the database when it is further behind (the loop is {@link Sender}).
 * Who may see an event is its {@link chat.clickclack.events.Audience}, checked by the sender.
 *
 * <p>The parts: the hub publishes to the feeds and registers sockets; {@link SocketRegistry} holds them;
 * {@link Sender} feeds one socket; {@link AccessCheck} closes sockets that lost their session or membership.
 *
 * <p>Events committed by another process (a CLI command next to the running server) never pass
 * through {@link #publish}; the hub notices the gap in cursors, or polls the log's tail, and loads them.
 *
 * <p>Threading: {@link #publish} runs on the database writer thread and never blocks on a subscriber;
 * each subscriber has its own virtual thread; maintenance runs on one scheduled thread.
 */
public final class Hub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    static final long MEMBERSHIP_RECHECK_SECONDS = 5;
    /** A peer that has not taken our close frame by then is disconnected outright. */
    static final long HARD_CLOSE_MILLIS = 2000;
    static final long SWEEP_MILLIS = 250;

    private final int replayWindowEvents;
    private final int subscriberBufferEvents;
    private final int feedCapacity;
    private final long feedMaxBytes;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final SocketRegistry registry = new SocketRegistry();
    private final Object publishLock = new Object();
    private final ScheduledExecutorService maintenance =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("clickclack-hub").daemon(true).factory());
    private final Presence presence;
    private final DeliveryStats stats = new DeliveryStats();
    private volatile Database db;
    private volatile Sender sender;
    private volatile AccessCheck access;
    private volatile SeatCache seats;
    private volatile long publishedCursor;

    /** {@code feedMaxBytes}: the byte budget of each workspace's in-memory feed (see {@link Feed}). */
    public Hub(int replayWindowEvents, int subscriberBufferEvents, long feedMaxBytes, Presence.Timing presenceTiming) {
        this.replayWindowEvents = replayWindowEvents;
        this.feedMaxBytes = feedMaxBytes;
        this.subscriberBufferEvents = subscriberBufferEvents;
        this.feedCapacity = Math.max(4096, subscriberBufferEvents * 2);
        this.presence = new Presence(this, presenceTiming, maintenance);
    }

    /** Connects the hub to the database once it is open; events before the current tail are history. */
    public void start(Database database) {
        this.db = database;
        this.seats = new SeatCache(database);
        this.sender = new Sender(database, registry, presence, maintenance, seats);
        this.access = new AccessCheck(database, registry, maintenance);
        this.publishedCursor = database.read(EventStore::tail);
        maintenance.scheduleWithFixedDelay(this::catchUpForeignWrites, 1, 1, TimeUnit.SECONDS);
        maintenance.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(access::recheckAll, MEMBERSHIP_RECHECK_SECONDS,
                MEMBERSHIP_RECHECK_SECONDS, TimeUnit.SECONDS);
    }

    /** Called by the writer after each commit, with the committed events in cursor order. */
    public void publish(List<Event> events) {
        synchronized (publishLock) {
            for (var event : events) {
                long cursor = event.position();
                if (cursor > publishedCursor + 1 && !loadForeign(publishedCursor, cursor)) {
                    // Appending past a gap we could not fill would lose those events for good; stop here
                    // and let the once-a-second tail check load the whole range, this batch included.
                    return;
                }
                if (cursor > publishedCursor) {
                    append(event);
                }
            }
        }
    }

    /** Who is in each channel now: the rule every path that shows events asks. */
    public ChannelSeats seats() {
        return seats;
    }

    /** The cursor of the newest event the hub has seen: where a subscriber without a cursor starts. */
    public long tailCursor() {
        return publishedCursor;
    }

    /**
     * Registers a subscriber and starts its sender. {@code afterCursor} null means "from now", where now is
     * {@code upgradeTail}: the {@link #tailCursor()} taken before the upgrade was answered, so an event
     * committed after the client saw its 101 is always delivered (at worst one it already knows, twice).
     *
     * @throws Cursors.ResyncRequired when the cursor cannot be resumed or the replay would be too long
     */
    public void subscribe(Session session, String userId, String sessionId, String workspaceId, String afterCursor,
            long upgradeTail) throws Cursors.ResyncRequired {
        Feed feed;
        synchronized (publishLock) {
            feed = feeds.computeIfAbsent(workspaceId, ws -> new Feed(feedCapacity, feedMaxBytes, publishedCursor));
        }
        long position = upgradeTail;
        if (afterCursor != null) {
            position = resumePosition(workspaceId, afterCursor);
        }
        var subscriber = new Subscriber(userId, sessionId, workspaceId, session, position, stats);
        registry.add(subscriber);
        // A logout or removal that landed between the upgrade's checks and this registration would
        // otherwise wait for the periodic re-check; registered first, later ones find this subscriber.
        String refusal;
        try {
            refusal = access.refusal(subscriber);
        } catch (RuntimeException e) {
            registry.remove(subscriber); // no sender will ever run to remove it
            throw e;
        }
        if (refusal != null) {
            registry.remove(subscriber);
            close(subscriber, CloseCodes.POLICY_VIOLATION, refusal);
            return;
        }
        presence.connected(workspaceId, userId);
        registry.bind(subscriber);
        var loop = sender;
        subscriber.sender = Thread.ofVirtual().name("ws-" + userId).unstarted(() -> loop.run(subscriber, feed));
        subscriber.sender.start();
    }

    private long resumePosition(String workspaceId, String afterCursor) throws Cursors.ResyncRequired {
        record Check(long position, int pending, String problem) {}
        var check = db.read(c -> {
            try {
                long position = Cursors.resumable(c, afterCursor);
                return new Check(position, EventStore.countAfter(c, workspaceId, position, replayWindowEvents + 1), null);
            } catch (Cursors.ResyncRequired e) {
                return new Check(0, 0, e.getMessage());
            }
        });
        if (check.problem() != null) {
            throw new Cursors.ResyncRequired(check.problem());
        }
        if (check.pending() > replayWindowEvents) {
            throw new Cursors.ResyncRequired("resync required: more than " + replayWindowEvents + " events to replay");
        }
        return check.position();
    }

    /** Delivers an ephemeral frame to everyone currently subscribed to the workspace; never stored, may drop. */
    public void publishEphemeral(String workspaceId, EphemeralEvent event) {
        publishEphemeral(workspaceId, event, Audience.WORKSPACE);
    }

    /** An ephemeral event for part of a workspace: typing in a direct conversation reaches its members only. */
    public void publishEphemeral(String workspaceId, EphemeralEvent event, Audience audience) {
        var frame = Frames.of(event);
        for (var subscriber : registry.inWorkspace(workspaceId)) {
            if (!audience.admits(subscriber.userId, seats, subscriber.viewing)) {
                continue;
            }
            if (subscriber.ephemeral.offer(frame)) {
                subscriber.wake();
            } else {
                stats.ephemeralDropped.increment();
            }
        }
    }

    public DeliveryStats stats() {
        return stats;
    }

    /** Open WebSockets, all workspaces. */
    public int socketCount() {
        return registry.count();
    }

    public Presence presence() {
        return presence;
    }

    /** Closes every socket of a revoked session with 1008. */
    public void closeSession(String sessionId) {
        registry.forEach(s -> {
            if (sessionId.equals(s.sessionId)) {
                close(s, CloseCodes.POLICY_VIOLATION, "session revoked");
            }
        });
    }

    /**
     * The workspace was deleted: every socket of it closes with 4002 and its in-memory feed goes, so nothing of it
     * is replayed from memory. A socket registering meanwhile fails its own access check (no membership left).
     */
    public void closeWorkspace(String workspaceId) {
        synchronized (publishLock) {
            feeds.remove(workspaceId);
        }
        for (var subscriber : registry.inWorkspace(workspaceId)) {
            close(subscriber, CloseCodes.WORKSPACE_DELETED, "workspace deleted");
        }
    }

    /** The peer closed the socket or the connection failed: let its sender stop now. */
    public void socketClosed(Session session) {
        var subscriber = registry.bySession(session);
        if (subscriber != null) {
            subscriber.closed = true;
            subscriber.wake();
            // A send waits without a timeout; if the closed connection never completes its callback, the
            // interrupt still lets the sender go (and unregister), instead of parking it forever.
            var thread = subscriber.sender;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** Number of open subscribers (for tests and metrics). */
    public int subscriberCount() {
        return registry.count();
    }

    private void close(Subscriber subscriber, int code, String reason) {
        subscriber.close(code, reason, maintenance, HARD_CLOSE_MILLIS);
    }

    private void append(Event event) {
        publishedCursor = event.position();
        seats.observe(event); // before any sender can see the event: a join admits from this event on
        var feed = feeds.get(event.workspaceId());
        if (feed == null) {
            return; // nobody ever subscribed to this workspace; a later feed starts after this cursor
        }
        var entry = feed.append(event);
        var audience = event.audience();
        // Wake only the sockets the event is for. A socket left asleep is not behind in any way that matters:
        // when something for it arrives (or the sweep below nudges it) its sender steps over the events in
        // between with one audience check each, in memory. Waking every socket of a 5,000-person workspace
        // for a message in a 12-person channel cost 5,000 unparks and 5,000 scans; now it costs 12.
        switch (audience.kind()) {
            case Audience.USER_KIND -> wakeUser(event.workspaceId(), audience.id(), entry);
            case Audience.DM_KIND -> audience.members().forEach(u -> wakeUser(event.workspaceId(), u, entry));
            case Audience.CHANNEL_KIND, Audience.PUBLIC_CHANNEL_KIND -> {
                audience.members().forEach(u -> wakeUser(event.workspaceId(), u, entry));
                // The channel's own seat set: iterating it is proportional to the channel, not the workspace.
                for (var userId : seats.members(audience.id())) {
                    wakeUser(event.workspaceId(), userId, entry);
                }
                if (audience.kind().equals(Audience.PUBLIC_CHANNEL_KIND)) {
                    registry.viewing(audience.id()).forEach(s -> wakeOrCut(s, entry));
                }
            }
            default -> registry.inWorkspace(event.workspaceId()).forEach(s -> wakeOrCut(s, entry));
        }
    }

    private void wakeUser(String workspaceId, String userId, Feed.Entry entry) {
        for (var subscriber : registry.ofUser(workspaceId, userId)) {
            wakeOrCut(subscriber, entry);
        }
    }

    /** Wakes a subscriber for an entry, or cuts it off when it is stuck in a send and too far behind. */
    private void wakeOrCut(Subscriber subscriber, Feed.Entry entry) {
        long delivered = subscriber.deliveredIndex;
        if (delivered >= 0 && entry.index() - delivered > subscriberBufferEvents && subscriber.sending) {
            stats.slowConsumerCloses.increment();
            close(subscriber, CloseCodes.TRY_AGAIN_LATER, "too far behind; reconnect with after_cursor");
        } else {
            subscriber.wake();
        }
    }

    /**
     * Nudges sockets that nothing was addressed to for a while, so they step over the events in between while
     * those are still in the feed (a sleeping socket far behind would otherwise replay from the database when
     * it finally wakes), and cuts off sockets stuck in a send past the buffer. One pass over the sockets every
     * {@link #SWEEP_MILLIS}: a few volatile reads each.
     */
    private void sweep() {
        try {
            registry.forEach(subscriber -> {
                var feed = feeds.get(subscriber.workspaceId);
                long delivered = subscriber.deliveredIndex;
                if (feed == null || delivered < 0) {
                    return;
                }
                long lag = feed.lastIndex() - delivered;
                if (lag > subscriberBufferEvents && subscriber.sending) {
                    stats.slowConsumerCloses.increment();
                    close(subscriber, CloseCodes.TRY_AGAIN_LATER, "too far behind; reconnect with after_cursor");
                } else if (lag > subscriberBufferEvents / 4) {
                    subscriber.wake();
                }
            });
        } catch (RuntimeException e) {
            log.warn("socket sweep failed", e);
        }
    }

    /**
     * The socket's preview: from now on it also receives the events of public channel {@code channelId} (null:
     * stop). The caller has checked that the user may read the channel. False when the socket is unknown.
     */
    public boolean view(Session session, String channelId) {
        var subscriber = registry.bySession(session);
        if (subscriber == null) {
            return false;
        }
        registry.view(subscriber, channelId);
        subscriber.wake();
        return true;
    }

    /** The workspace and user of an open socket, or null: what a socket message is checked against. */
    public SocketOwner socketOwner(Session session) {
        var subscriber = registry.bySession(session);
        return subscriber == null ? null : new SocketOwner(subscriber.workspaceId, subscriber.userId);
    }

    public record SocketOwner(String workspaceId, String userId) {}

    /** Sends one frame to one socket, outside the durable stream (an answer to the socket's own message). */
    public void reply(Session session, EphemeralEvent event) {
        var subscriber = registry.bySession(session);
        if (subscriber != null && subscriber.ephemeral.offer(Frames.of(event))) {
            subscriber.wake();
        }
    }

    /** Loads events another process committed between two cursors into the feeds; false if the read failed. */
    private boolean loadForeign(long afterCursor, long beforeCursor) {
        try {
            var foreign = db.read(c -> EventStore.between(c, afterCursor, beforeCursor));
            foreign.forEach(this::append);
            return true;
        } catch (RuntimeException e) {
            log.warn("could not load events written by another process; retrying from the log shortly", e);
            return false;
        }
    }

    private void catchUpForeignWrites() {
        try {
            long tail = db.read(EventStore::tail);
            synchronized (publishLock) {
                if (tail > publishedCursor) {
                    loadForeign(publishedCursor, tail + 1);
                }
            }
        } catch (RuntimeException e) {
            log.warn("tail check failed", e);
        }
    }

    /**
     * Lets subscribers drain what they can for up to {@code drainMillis}, then closes every socket with 1001.
     */
    public void shutdown(long drainMillis) {
        long deadline = System.currentTimeMillis() + drainMillis;
        while (System.currentTimeMillis() < deadline) {
            var behind = new ArrayList<Subscriber>();
            registry.forEach(s -> {
                if (!s.closed && s.position < publishedCursor && feeds.get(s.workspaceId) != null
                        && hasPending(s)) {
                    behind.add(s);
                }
            });
            if (behind.isEmpty()) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        registry.forEach(s -> close(s, CloseCodes.GOING_AWAY, "server shutting down; reconnect with after_cursor"));
    }

    private boolean hasPending(Subscriber s) {
        var entries = feeds.get(s.workspaceId).after(s.position, 1);
        return entries == null || !entries.isEmpty();
    }

    @Override
    public void close() {
        maintenance.shutdownNow();
    }
}
