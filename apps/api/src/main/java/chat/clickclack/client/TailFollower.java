package chat.clickclack.client;

import chat.clickclack.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code tail --follow}: the realtime socket, kept open for as long as the command runs. It remembers the cursor
 * of the last durable event it applied and reconnects with it after any disconnect (server restart, network loss,
 * 1013/1001), backing off with jitter while the server is away; the server then replays what was missed. On 4001
 * (the cursor cannot be resumed: pruned, or the server's log was replaced) it takes a fresh tail cursor and fetches
 * the gap over HTTP. Duplicates and holes are {@link Timeline}'s job, so every path may overlap safely.
 * 1008 (credentials revoked, removed from the workspace) and 401/403 at the handshake end the command (exit 3).
 */
final class TailFollower {
    static final int RESYNC_REQUIRED = 4001;
    static final int POLICY_VIOLATION = 1008;
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofSeconds(5);
    /**
     * The server pings every 15 seconds; three missed pings mean a dead connection that TCP has not noticed
     * (a laptop that slept, a dropped route), so the socket is given up and resumed by cursor.
     */
    private static final Duration SILENCE_LIMIT = Duration.ofSeconds(45);

    private final ChatSession session;
    private final Timeline timeline;
    private String cursor;

    /** {@code cursor}: the event cursor the timeline is complete up to; null: resync first. */
    TailFollower(ChatSession session, Timeline timeline, String cursor) {
        this.session = session;
        this.timeline = timeline;
        this.cursor = cursor;
    }

    /** Follows until interrupted or a fatal refusal (thrown). */
    void run() throws InterruptedException {
        var delay = FIRST_DELAY;
        boolean disconnected = false;
        while (true) {
            try {
                if (cursor == null) {
                    var fresh = timeline.tailCursor();
                    timeline.fill();
                    cursor = fresh;
                }
                try (var socket = RealtimeSocket.open(session.client(), session.workspaceId(), cursor)) {
                    if (disconnected) {
                        Output.note("tail: reconnected, resuming after cursor " + cursor);
                        disconnected = false;
                    }
                    delay = FIRST_DELAY;
                    var ended = follow(socket);
                    if (ended.code() == RESYNC_REQUIRED) {
                        Output.note("tail: the server asked for a resync (" + ended.reason() + "); fetching the gap");
                        cursor = null;
                        continue;
                    }
                    if (ended.code() == POLICY_VIOLATION) {
                        throw ClientException.auth("the server closed the stream: " + (ended.reason().isBlank()
                                ? "credentials revoked or no longer a member" : ended.reason()));
                    }
                    Output.note("tail: disconnected (" + ended.code() + (ended.reason().isBlank() ? "" : " " + ended.reason())
                            + "), reconnecting");
                }
            } catch (ClientException e) {
                if (!e.retryable()) {
                    throw e;
                }
                if (!disconnected) {
                    Output.note("tail: " + e.getMessage() + "; retrying");
                }
            }
            disconnected = true;
            Thread.sleep(jittered(delay));
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    /** Applies frames until the socket ends; returns how it ended (a failure as 1006, as browsers report it). */
    private RealtimeSocket.Closed follow(RealtimeSocket socket) throws InterruptedException {
        while (true) {
            var item = socket.next(SILENCE_LIMIT);
            if (item == null) {
                return new RealtimeSocket.Closed(1006, "nothing heard for " + SILENCE_LIMIT.toSeconds() + " s");
            }
            switch (item) {
                case RealtimeSocket.Frame frame -> applyFrame(frame.text());
                case RealtimeSocket.Alive alive -> { }
                case RealtimeSocket.Closed closed -> {
                    return new RealtimeSocket.Closed(closed.code(), closed.reason() == null ? "" : closed.reason());
                }
                case RealtimeSocket.Failed failed -> {
                    return new RealtimeSocket.Closed(1006, ChatClient.describe(failed.error()));
                }
            }
        }
    }

    private void applyFrame(String text) {
        try {
            var event = Json.MAPPER.readTree(text);
            if (!event.hasNonNull("cursor")) {
                return; // ephemeral (typing, presence): never stored, not part of the timeline
            }
            timeline.apply(event);
            // Only after the event is applied: a failure while applying it (an HTTP gap fill) replays it on reconnect.
            cursor = event.path("cursor").asText();
        } catch (JsonProcessingException e) {
            Output.note("tail: skipped a frame that is not JSON");
        }
    }

    private static long jittered(Duration delay) {
        long millis = delay.toMillis();
        return millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
    }
}
