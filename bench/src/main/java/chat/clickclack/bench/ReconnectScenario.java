package chat.clickclack.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code reconnect}: a subscriber reads a marker message live, disconnects, misses E events (E messages
 * posted to the channel by concurrent senders), then resumes with the marker's cursor. Measures the
 * catch-up time — from starting the WebSocket handshake to holding the E-th missed event — and checks the
 * replay is exact: sequences 2..E+1 in order, cursors strictly increasing, nothing twice.
 *
 * <p>If the server refuses the replay with 4001 (E is beyond its replay window) the bench does what a
 * client must: catches up over {@code GET /api/realtime/events} from the same cursor, then resumes the
 * socket from the last cursor it read, and proves the socket is live with one more message. That path is
 * timed the same way and reported as {@code path = "4001 → http → ws"}. Every trial also times the pure
 * HTTP catch-up of the same E events, for comparison.
 */
final class ReconnectScenario {
    static final double GOAL_MS = 1000;
    static final int FILL_SENDERS = 16;
    static final int EVENTS_PAGE = 1000;
    static final long WAIT_SECONDS = 120;
    static final int RESYNC_REQUIRED = 4001;

    private ReconnectScenario() {}

    static Result run(Servers servers, Options options) throws Exception {
        int missed = options.integer("missed", 200, 10_000);
        int trials = options.integer("trials", 1, 3);
        var result = new Result("reconnect");
        result.settings.put("missed_events", missed);
        result.settings.put("trials", trials);
        try (var target = servers.open("reconnect"); var pool = new Subscribers()) {
            var runs = new ArrayList<Map<String, Object>>();
            var catchUp = new ArrayList<Double>();
            var httpOnly = new ArrayList<Double>();
            for (int trial = 1; trial <= trials; trial++) {
                var run = trial(target, pool, missed, result);
                runs.add(run);
                catchUp.add(((Number) run.get("catch_up_ms")).doubleValue());
                httpOnly.add(((Number) run.get("http_catch_up_ms")).doubleValue());
            }
            result.figures.put("trials", runs);
            result.figures.put("catch_up_ms_median", median(catchUp));
            result.figures.put("catch_up_ms_best", catchUp.stream().mapToDouble(d -> d).min().orElse(0));
            result.figures.put("http_catch_up_ms_median", median(httpOnly));
            result.figures.put("events_per_s_median", Math.round(missed / (median(catchUp) / 1000.0)));
            double med = median(catchUp);
            result.goal("reconnect catch-up", "<= 1000 ms for " + missed, med + " ms (" + runs.getLast().get("path") + ")",
                    med <= GOAL_MS);
        }
        return result;
    }

    private static Map<String, Object> trial(Target target, Subscribers pool, int missed, Result result) throws Exception {
        var out = new LinkedHashMap<String, Object>();
        var channel = target.createChannel("bench-reconnect");
        target.joinEveryone(channel);
        var owner = target.owner();
        var client = pool.client(0);

        // 1. A live subscriber reads the marker (seq 1) and remembers its cursor, then goes away.
        // It starts from the log's tail rather than "from now": the server fixes "now" in its onConnect, after
        // the 101 has gone out, so a marker posted right after the handshake could land before it and never
        // arrive (seen with the lean HTTP client, whose post follows the handshake within a millisecond).
        var live = new Collector(channel, 1, 1);
        var first = EventSocket.open(client, target.url, owner.token(), target.workspaceId,
                target.tailCursor(target.workspaceId), live).get(30, TimeUnit.SECONDS);
        post(target, channel, "marker");
        live.done.get(30, TimeUnit.SECONDS);
        String cursor = Long.toString(live.lastCursor);
        first.close();

        // 2. It misses E events.
        long fillStart = System.nanoTime();
        fill(target, channel, missed, result);
        out.put("fill_ms", (System.nanoTime() - fillStart) / 1_000_000);

        // 3. It resumes with its cursor.
        var resumed = new Collector(channel, 2, missed);
        long t0 = System.nanoTime();
        var socket = EventSocket.open(client, target.url, owner.token(), target.workspaceId, cursor, resumed)
                .get(30, TimeUnit.SECONDS);
        var outcome = CompletableFuture.anyOf(resumed.done, socket.closed).get(WAIT_SECONDS, TimeUnit.SECONDS);
        int sentinels = 0;
        if (resumed.done.isDone()) {
            out.put("path", "ws");
            out.put("catch_up_ms", millis(t0));
            resumed.check(result, "ws replay");
            socket.close();
        } else if (Integer.valueOf(RESYNC_REQUIRED).equals(outcome)) {
            out.put("ws_answer", "4001 after " + millis(t0) + " ms: " + socket.closeReason);
            var http = new Collector(channel, 2, missed);
            String last = catchUpOverHttp(target, cursor, http);
            http.check(result, "http catch-up after 4001");
            // Resume the socket where HTTP stopped; one more message proves it is live and gap-free.
            var tail = new Collector(channel, missed + 2, 1);
            var again = EventSocket.open(client, target.url, owner.token(), target.workspaceId, last, tail)
                    .get(30, TimeUnit.SECONDS);
            out.put("path", "4001 → http → ws");
            out.put("catch_up_ms", millis(t0));
            post(target, channel, "sentinel");
            sentinels++;
            tail.done.get(30, TimeUnit.SECONDS);
            tail.check(result, "socket resumed after http catch-up");
            again.close();
        } else {
            result.fail("resumed socket closed with " + outcome + " (" + socket.closeReason + ") after "
                    + resumed.count + " of " + missed + " events");
            out.put("path", "failed");
            out.put("catch_up_ms", millis(t0));
        }

        // 4. For comparison: the same E events (and the sentinel, if one was posted) over HTTP alone.
        var http = new Collector(channel, 2, missed + sentinels);
        long h0 = System.nanoTime();
        catchUpOverHttp(target, cursor, http);
        out.put("http_catch_up_ms", millis(h0));
        http.check(result, "http catch-up");
        return out;
    }

    /** Pages the workspace log from {@code cursor} to its end; returns the last cursor read. */
    static String catchUpOverHttp(Target target, String cursor, Collector collector) throws Exception {
        String after = cursor;
        while (true) {
            var page = target.api.get(target.owner().token(), "/api/realtime/events?workspace_id=" + target.workspaceId
                    + "&after_cursor=" + Api.encode(after) + "&limit=" + EVENTS_PAGE).require("GET /api/realtime/events");
            for (var event : page.path("events")) {
                collector.accept(event.path("type").asText(), Long.parseLong(event.path("cursor").asText()),
                        event.path("channel_id").asText(null), event.path("seq").asLong(-1));
            }
            after = page.path("next_cursor").asText();
            if (!page.path("has_more").asBoolean()) {
                return after;
            }
        }
    }

    private static void post(Target target, String channel, String body) throws Exception {
        target.api.post(target.owner().token(), "/api/channels/" + channel + "/messages", Api.messageBody(body, null))
                .require("post " + body);
    }

    /** Posts {@code count} messages with a few concurrent senders (they get seqs 2..count+1). */
    private static void fill(Target target, String channel, int count, Result result) throws InterruptedException {
        var next = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int s = 0; s < FILL_SENDERS; s++) {
            var identity = target.identity(s);
            threads.add(Thread.ofVirtual().start(() -> {
                int n;
                while ((n = next.getAndIncrement()) < count) {
                    try {
                        var r = target.api.post(identity.token(), "/api/channels/" + channel + "/messages",
                                Api.messageBody("Missed while away " + n, null));
                        if (r.status() != 201) {
                            result.fail("fill post answered " + r.status() + ": " + Api.abbreviate(r.body()));
                        }
                    } catch (Exception e) {
                        result.fail("fill post failed: " + e);
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
    }

    private static double millis(long startNanos) {
        return Histogram.round((System.nanoTime() - startNanos) / 1e6);
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }

    /**
     * Checks a stream of durable events: the channel's message.created sequences must run from
     * {@code firstSeq} without gap or repeat, and every durable cursor must be greater than the one before.
     * Completes {@link #done} when {@code expected} channel messages have arrived.
     */
    static final class Collector implements EventSocket.BytesHandler {
        final String channel;
        final long expected;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile long nextSeq;
        volatile long count;
        volatile long lastCursor = -1;
        volatile String problem;

        Collector(String channel, long firstSeq, long expected) {
            this.channel = channel;
            this.nextSeq = firstSeq;
            this.expected = expected;
        }

        @Override
        public void onBytes(byte[] data, int offset, int length, long receivedNanos) {
            Frame frame;
            try {
                frame = Frame.parse(data, offset, length);
            } catch (java.io.IOException e) {
                problem("not JSON (" + e.getMessage() + "): "
                        + Api.abbreviate(new String(data, offset, length, java.nio.charset.StandardCharsets.UTF_8)));
                return;
            }
            if (frame.durable()) {
                accept(frame.type(), frame.cursor(), frame.channelId(), frame.seq());
            }
        }

        /** One durable event, from a frame or from an HTTP page. */
        void accept(String type, long cursor, String channelId, long seq) {
            if (cursor <= lastCursor) {
                problem("cursor " + cursor + " after " + lastCursor + " (repeat or reorder)");
            }
            lastCursor = cursor;
            if (!"message.created".equals(type) || !channel.equals(channelId)) {
                return;
            }
            if (seq != nextSeq) {
                problem("expected seq " + nextSeq + " but got " + seq);
            }
            nextSeq = seq + 1;
            count = count + 1;
            if (count >= expected) {
                done.complete(null);
            }
        }

        private void problem(String text) {
            if (problem == null) {
                problem = text;
            }
        }

        void check(Result result, String what) {
            if (problem != null) {
                result.fail(what + ": " + problem);
            }
            result.check(count == expected, what + ": got " + count + " of " + expected + " events");
        }
    }
}
