package chat.clickclack.realtime;

import chat.clickclack.auth.SessionStore;
import chat.clickclack.db.Database;
import chat.clickclack.events.Cursors;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.Json;
import chat.clickclack.workspaces.WorkspaceStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * from the feed when it can and from the database when it is further behind. Replay and live delivery
 * are the same loop, so there is no seam where an event could be lost or sent twice.
 *
 * <p>Events committed by another process (a CLI command next to the running server) never pass
 * through {@link #publish}; the hub notices the gap in cursors, or polls the log's tail, and loads them.
 *
 * <p>Threading: {@link #publish} runs on the database writer thread and never blocks on a subscriber;
 * each subscriber has its own virtual thread; maintenance runs on one scheduled thread.
 */
public final class Hub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Hub.class);
    static final int SEND_BATCH = 256;
    static final int DB_REPLAY_BATCH = 500;
    /**
     * A sender with nothing to send sleeps until woken by a new event, an ephemeral frame, a close or the
     * peer going away (see {@link #socketClosed}); the timeout is only a safety net. Short timeouts would
     * cost real CPU with thousands of idle sockets.
     */
    static final long IDLE_WAIT_MILLIS = 30_000;
    static final long MEMBERSHIP_RECHECK_SECONDS = 5;
    /** A peer that has not taken our close frame by then is disconnected outright. */
    static final long HARD_CLOSE_MILLIS = 2000;

    private final int replayWindowEvents;
    private final int subscriberBufferEvents;
    private final int feedCapacity;
    private final long feedMaxBytes;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final Map<Session, Subscriber> bySession = new ConcurrentHashMap<>();
    private final Object publishLock = new Object();
    private final ScheduledExecutorService maintenance =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("clickclack-hub").daemon(true).factory());
    private final Presence presence;
    private volatile Database db;
    private volatile long publishedCursor;

    /** {@code feedMaxBytes}: the byte budget of each workspace's in-memory feed (see {@link Feed}). */
    public Hub(int replayWindowEvents, int subscriberBufferEvents, long feedMaxBytes, long presenceGraceMillis) {
        this.replayWindowEvents = replayWindowEvents;
        this.feedMaxBytes = feedMaxBytes;
        this.subscriberBufferEvents = subscriberBufferEvents;
        this.feedCapacity = Math.max(4096, subscriberBufferEvents * 2);
        this.presence = new Presence(this, presenceGraceMillis, maintenance);
    }

    /** Connects the hub to the database once it is open; events before the current tail are history. */
    public void start(Database database) {
        this.db = database;
        this.publishedCursor = database.read(EventStore::tail);
        maintenance.scheduleWithFixedDelay(this::catchUpForeignWrites, 1, 1, TimeUnit.SECONDS);
        maintenance.scheduleWithFixedDelay(this::recheckAccess, MEMBERSHIP_RECHECK_SECONDS,
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
        var subscriber = new Subscriber(userId, sessionId, workspaceId, session, position);
        subscribers.computeIfAbsent(workspaceId, ws -> ConcurrentHashMap.newKeySet()).add(subscriber);
        // A logout or removal that landed between the upgrade's checks and this registration would
        // otherwise wait for the periodic re-check; registered first, later ones find this subscriber.
        String refusal;
        try {
            refusal = refusal(subscriber);
        } catch (RuntimeException e) {
            subscribers.get(workspaceId).remove(subscriber); // no sender will ever run to remove it
            throw e;
        }
        if (refusal != null) {
            subscribers.get(workspaceId).remove(subscriber);
            close(subscriber, CloseCodes.POLICY_VIOLATION, refusal);
            return;
        }
        presence.connected(workspaceId, userId);
        bySession.put(session, subscriber);
        subscriber.sender = Thread.ofVirtual().name("ws-" + userId).unstarted(() -> run(subscriber, feed));
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
    public void publishEphemeral(String workspaceId, Object event) {
        var frame = Frames.of(event);
        for (var subscriber : subscribers.getOrDefault(workspaceId, Set.of())) {
            if (subscriber.ephemeral.offer(frame)) {
                subscriber.wake();
            }
        }
    }

    public Presence presence() {
        return presence;
    }

    /** Closes every socket of a revoked session with 1008. */
    public void closeSession(String sessionId) {
        forEachSubscriber(s -> {
            if (sessionId.equals(s.sessionId)) {
                close(s, CloseCodes.POLICY_VIOLATION, "session revoked");
            }
        });
    }

    /** The peer closed the socket or the connection failed: let its sender stop now. */
    public void socketClosed(Session session) {
        var subscriber = bySession.get(session);
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
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    private void run(Subscriber subscriber, Feed feed) {
        var frames = new ArrayList<byte[]>();
        try {
            while (!subscriber.closed && subscriber.session.isOpen()) {
                frames.clear();
                subscriber.ephemeral.drainTo(frames);
                subscriber.send(frames);
                var entries = feed.after(subscriber.position, SEND_BATCH);
                if (entries == null) {
                    replayFromDatabase(subscriber, feed);
                } else if (entries.isEmpty()) {
                    subscriber.deliveredIndex = feed.lastIndex();
                    subscriber.awaitWork(IDLE_WAIT_MILLIS);
                } else {
                    var events = new ArrayList<Event>(entries.size());
                    frames.clear();
                    for (var entry : entries) {
                        events.add(entry.event());
                        frames.add(entry.frame());
                    }
                    if (!deliver(subscriber, events, frames)) {
                        return;
                    }
                    subscriber.deliveredIndex = entries.getLast().index();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // send failures and timeouts: the peer is gone or stuck; it resumes by cursor when it returns
            log.debug("subscriber {} stopped: {}", subscriber.userId, e.toString());
            close(subscriber, CloseCodes.TRY_AGAIN_LATER, "reconnect with after_cursor");
        } finally {
            bySession.remove(subscriber.session);
            var set = subscribers.get(subscriber.workspaceId);
            if (set != null) {
                set.remove(subscriber);
            }
            presence.disconnected(subscriber.workspaceId, subscriber.userId);
        }
    }

    private void replayFromDatabase(Subscriber subscriber, Feed feed) throws Exception {
        subscriber.deliveredIndex = -1;
        long floor = feed.floorCursor();
        var events = db.read(c -> EventStore.after(c, subscriber.workspaceId, subscriber.position, DB_REPLAY_BATCH));
        var frames = new ArrayList<byte[]>(events.size());
        for (var event : events) {
            frames.add(Frames.of(event));
        }
        if (!deliver(subscriber, events, frames)) {
            return;
        }
        if (events.size() < DB_REPLAY_BATCH && subscriber.position < floor) {
            // Every workspace event up to the floor was committed before this read and none remain after
            // our position, so the rest lies in the feed.
            subscriber.position = floor;
        }
    }

    /**
     * Sends events (with their frames) as one batch; false when the subscriber must stop because one of
     * them removed its user from the workspace (sent up to and including that one).
     */
    private boolean deliver(Subscriber subscriber, List<Event> events, List<byte[]> frames) throws Exception {
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            if (event.type().equals(EventTypes.MEMBER_REMOVED) && subscriber.userId.equals(removedUser(event))) {
                subscriber.send(frames.subList(0, i + 1));
                subscriber.position = event.position();
                close(subscriber, CloseCodes.POLICY_VIOLATION, "removed from the workspace");
                return false;
            }
        }
        subscriber.send(frames);
        if (!events.isEmpty()) {
            subscriber.position = events.getLast().position();
        }
        return true;
    }

    private void close(Subscriber subscriber, int code, String reason) {
        subscriber.close(code, reason, maintenance, HARD_CLOSE_MILLIS);
    }

    private static String removedUser(Event event) {
        try {
            return Json.MAPPER.readTree(event.payload()).path("user_id").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private void append(Event event) {
        publishedCursor = event.position();
        var feed = feeds.get(event.workspaceId());
        if (feed == null) {
            return; // nobody ever subscribed to this workspace; a later feed starts after this cursor
        }
        var entry = feed.append(event);
        for (var subscriber : subscribers.getOrDefault(event.workspaceId(), Set.of())) {
            long delivered = subscriber.deliveredIndex;
            if (delivered >= 0 && entry.index() - delivered > subscriberBufferEvents) {
                close(subscriber, CloseCodes.TRY_AGAIN_LATER, "too far behind; reconnect with after_cursor");
            } else {
                subscriber.wake();
            }
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
     * Closes sockets whose session was revoked or expired, or whose user left the workspace, elsewhere
     * (another process, or a path that does not call the hub). Two queries for all sockets together, not
     * one or two per socket: with 10,000 sockets of distinct users that was 4,000 queries a second.
     */
    private void recheckAccess() {
        try {
            var all = new ArrayList<Subscriber>();
            forEachSubscriber(all::add);
            if (all.isEmpty()) {
                return;
            }
            var sessionIds = new HashSet<String>();
            var workspaceIds = new HashSet<String>();
            for (var s : all) {
                if (s.sessionId != null) {
                    sessionIds.add(s.sessionId);
                }
                workspaceIds.add(s.workspaceId);
            }
            record Allowed(Set<String> sessions, Set<Map.Entry<String, String>> memberships) {}
            var allowed = db.read(c -> new Allowed(SessionStore.activeAmong(c, sessionIds),
                    WorkspaceStore.memberships(c, workspaceIds)));
            for (var s : all) {
                if (s.sessionId != null && !allowed.sessions().contains(s.sessionId)) {
                    close(s, CloseCodes.POLICY_VIOLATION, "session revoked");
                } else if (!allowed.memberships().contains(Map.entry(s.workspaceId, s.userId))) {
                    close(s, CloseCodes.POLICY_VIOLATION, "removed from the workspace");
                }
            }
        } catch (RuntimeException e) {
            log.warn("access re-check failed", e);
        }
    }

    /** Why this subscriber may no longer listen, or null while it may (the re-check applies the same rule in bulk). */
    private String refusal(Subscriber s) {
        return db.read(c -> {
            if (s.sessionId != null && !SessionStore.active(c, s.sessionId)) {
                return "session revoked";
            }
            return WorkspaceStore.role(c, s.workspaceId, s.userId).isPresent() ? null : "removed from the workspace";
        });
    }

    private void forEachSubscriber(java.util.function.Consumer<Subscriber> action) {
        subscribers.values().forEach(set -> set.forEach(action));
    }

    /**
     * Lets subscribers drain what they can for up to {@code drainMillis}, then closes every socket with 1001.
     */
    public void shutdown(long drainMillis) {
        long deadline = System.currentTimeMillis() + drainMillis;
        while (System.currentTimeMillis() < deadline) {
            var behind = new ArrayList<Subscriber>();
            forEachSubscriber(s -> {
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
        forEachSubscriber(s -> close(s, CloseCodes.GOING_AWAY, "server shutting down; reconnect with after_cursor"));
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
