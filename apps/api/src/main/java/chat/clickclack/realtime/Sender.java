package chat.clickclack.realtime;

import chat.clickclack.auth.Accounts;
import chat.clickclack.db.Database;
import chat.clickclack.events.ChannelSeats;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.events.EventTypes;
import chat.clickclack.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop each subscriber's virtual thread runs: ephemeral frames first, then durable events from its
 * position onwards, from the workspace {@link Feed} when it can and from the database when it is further
 * behind. Replay and live delivery are the same loop, so there is no seam where an event could be lost or
 * sent twice.
 *
 * <p>Events whose {@link chat.clickclack.events.Audience} does not admit the subscriber's user are
 * stepped over: not sent, but the position still moves past them, so a resume by cursor is exact.
 */
final class Sender {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);
    static final int SEND_BATCH = 256;
    static final int DB_REPLAY_BATCH = 500;
    /**
     * A sender with nothing to send sleeps until woken by a new event, an ephemeral frame, a close or the
     * peer going away (see {@link Hub#socketClosed}); the timeout is only a safety net. Short timeouts would
     * cost real CPU with thousands of idle sockets.
     */
    static final long IDLE_WAIT_MILLIS = 30_000;

    private final Database db;
    private final SocketRegistry registry;
    private final Presence presence;
    private final ScheduledExecutorService timer;
    private final ChannelSeats seats;

    Sender(Database db, SocketRegistry registry, Presence presence, ScheduledExecutorService timer,
            ChannelSeats seats) {
        this.seats = seats;
        this.db = db;
        this.registry = registry;
        this.presence = presence;
        this.timer = timer;
    }

    void run(Subscriber subscriber, Feed feed) {
        var frames = new ArrayList<byte[]>();
        var events = new ArrayList<Event>();
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
                    events.clear();
                    frames.clear();
                    for (var entry : entries) {
                        // The frame is made only for events this user may see (it is shared once made).
                        if (entry.event().audience().admits(subscriber.userId, seats, subscriber.viewing)) {
                            events.add(entry.event());
                            frames.add(entry.frame());
                        }
                    }
                    if (!deliver(subscriber, events, frames, entries.getLast().cursor())) {
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
            registry.remove(subscriber);
            presence.disconnected(subscriber.workspaceId, subscriber.userId);
        }
    }

    private void replayFromDatabase(Subscriber subscriber, Feed feed) throws Exception {
        subscriber.deliveredIndex = -1;
        long floor = feed.floorCursor();
        var scanned = db.read(c -> EventStore.after(c, subscriber.workspaceId, subscriber.position, DB_REPLAY_BATCH));
        var events = new ArrayList<Event>(scanned.size());
        var frames = new ArrayList<byte[]>(scanned.size());
        for (var event : scanned) {
            if (event.audience().admits(subscriber.userId, seats, subscriber.viewing)) {
                events.add(event);
                frames.add(Frames.of(event));
            }
        }
        long scannedTo = scanned.isEmpty() ? subscriber.position : scanned.getLast().position();
        if (!deliver(subscriber, events, frames, scannedTo)) {
            return;
        }
        if (scanned.size() < DB_REPLAY_BATCH && subscriber.position < floor) {
            // Every workspace event up to the floor was committed before this read and none remain after
            // our position, so the rest lies in the feed.
            subscriber.position = floor;
        }
    }

    /**
     * Sends the visible events (with their frames) as one batch and moves the position to
     * {@code scannedTo}, the last cursor looked at (visible or not); false when the subscriber must stop
     * because one of them removed its user from the workspace (sent up to and including that one).
     */
    private boolean deliver(Subscriber subscriber, List<Event> events, List<byte[]> frames, long scannedTo)
            throws Exception {
        for (int i = 0; i < events.size(); i++) {
            var event = events.get(i);
            if (event.type().equals(Accounts.USER_DISABLED) && subscriber.userId.equals(removedUser(event))) {
                // Written by `admin user disable`, maybe in another process: the sockets end now, not at the next re-check.
                subscriber.send(frames.subList(0, i));
                subscriber.position = event.position();
                close(subscriber, CloseCodes.POLICY_VIOLATION, "account disabled");
                return false;
            }
            if (event.type().equals(EventTypes.MEMBER_REMOVED) && subscriber.userId.equals(removedUser(event))) {
                subscriber.send(frames.subList(0, i + 1));
                subscriber.position = event.position();
                close(subscriber, CloseCodes.POLICY_VIOLATION, "removed from the workspace");
                return false;
            }
        }
        subscriber.send(frames);
        if (scannedTo > subscriber.position) {
            subscriber.position = scannedTo;
        }
        return true;
    }

    private void close(Subscriber subscriber, int code, String reason) {
        subscriber.close(code, reason, timer, Hub.HARD_CLOSE_MILLIS);
    }

    private static String removedUser(Event event) {
        try {
            return Json.MAPPER.readTree(event.payload()).path("user_id").asText();
        } catch (Exception e) {
            return "";
        }
    }
}
