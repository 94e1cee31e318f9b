package chat.clickclack.bench;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code fanout}: S WebSocket subscribers on one workspace, one sender posting to one channel at R
 * messages/s (open loop: sends are scheduled by the clock, not by the previous answer). Each message body
 * carries the bench's {@code System.nanoTime()} at send, so every delivery yields a send→delivery latency
 * without any bookkeeping per (subscriber, message).
 *
 * <p>Correctness: every subscriber must see the channel's message.created events with sequences exactly
 * 1..N in order — no gap, no duplicate — and {@code delivered / expected} must be exactly 1.0. No socket
 * may be closed by the server during the run.
 */
final class FanoutScenario {
    static final double P99_GOAL_MS = 100;
    static final long DRAIN_TIMEOUT_MILLIS = 20_000;
    static final long SETTLE_MILLIS = 500;

    private FanoutScenario() {}

    /** One subscriber's view, updated only by its socket's reader (one frame at a time). */
    static final class Sub {
        volatile long nextSeq = 1;
        volatile long delivered;
        volatile boolean broken;
    }

    static Result run(Servers servers, Options options) throws Exception {
        int subscriberCount = options.integer("subscribers", 100, 2000);
        int rate = options.integer("rate", 20, 20);
        int duration = options.integer("duration", 2, 25);
        int warmup = options.integer("warmup", 0, 20);
        var result = new Result("fanout");
        result.settings.put("subscribers", subscriberCount);
        result.settings.put("rate_per_s", rate);
        result.settings.put("duration_s", duration);
        result.settings.put("warmup_s", warmup);

        try (var target = servers.open("fanout"); var pool = new Subscribers()) {
            var channel = target.createChannel("bench-fanout");
            target.joinEveryone(channel);
            var latency = new Histogram();
            var subs = new ArrayList<Sub>();
            var others = new LongAdder();
            long connectStart = System.nanoTime();
            var sockets = pool.open(target, subscriberCount, null, i -> {
                var sub = new Sub();
                subs.add(sub);
                return (EventSocket.BytesHandler) (data, offset, length, received) ->
                        onFrame(sub, i, channel, data, offset, length, received, latency, others, result);
            }, result);
            result.figures.put("connect_all_ms", (System.nanoTime() - connectStart) / 1_000_000);
            Thread.sleep(SETTLE_MILLIS);

            int warmupMessages = rate * warmup;
            int messages = warmupMessages + rate * duration;
            CpuMeter cpu = null;
            var acked = new AtomicLong();
            var sendLatency = new Histogram();
            var senders = new ArrayList<Thread>();
            long start = System.nanoTime();
            var sender = target.identity(0);
            var path = "/api/channels/" + channel + "/messages";
            for (int n = 0; n < messages; n++) {
                if (n == warmupMessages) {
                    // Let every subscriber drain the warm-up before the measured sends start, so the window
                    // measures the steady state, not a backlog left by a cold JIT.
                    long drained = System.nanoTime();
                    for (var t : senders) {
                        t.join();
                    }
                    long warmCount = acked.get();
                    long deadline = System.nanoTime() + DRAIN_TIMEOUT_MILLIS * 1_000_000;
                    while (System.nanoTime() < deadline && subs.stream().anyMatch(s -> !s.broken && s.delivered < warmCount)) {
                        Thread.sleep(20);
                    }
                    result.figures.put("warmup_drain_ms", (System.nanoTime() - drained) / 1_000_000);
                    cpu = new CpuMeter(target);
                    start = System.nanoTime() - n * 1_000_000_000L / rate;
                }
                long due = start + n * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int number = n;
                senders.add(Thread.ofVirtual().start(() -> {
                    long t0 = System.nanoTime();
                    try {
                        var response = target.api.post(sender.token(), path,
                                Api.messageBody((number < warmupMessages ? "Fanout warm-up " : "Fanout benchmark message ")
                                        + number + " t=" + t0, Api.RUN_ID + "-f" + channel + "-" + number));
                        if (number >= warmupMessages) {
                            sendLatency.recordNanos(System.nanoTime() - t0);
                        }
                        if (response.posted()) {
                            acked.incrementAndGet();
                        } else {
                            result.fail("send " + number + " answered " + response.status() + ": " + Api.abbreviate(response.body()));
                        }
                    } catch (Exception e) {
                        result.fail("send " + number + " failed: " + e);
                    }
                }));
            }
            for (var t : senders) {
                t.join();
            }
            // What subscribers must get is every message the channel holds (a send the client gave up on may
            // still have been committed); unacknowledged sends are reported on their own.
            long expectedEach = target.api.get(target.owner().token(), "/api/channels/" + channel)
                    .require("GET channel").path("channel").path("last_seq").asLong();
            long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT_MILLIS * 1_000_000;
            while (System.nanoTime() < drainDeadline && subs.stream().anyMatch(s -> !s.broken && s.delivered < expectedEach)) {
                Thread.sleep(20);
            }
            var cpuFigures = cpu.stop();

            long delivered = subs.stream().mapToLong(s -> s.delivered).sum();
            long expected = expectedEach * subscriberCount;
            double ratio = expected == 0 ? 0 : delivered / (double) expected;
            int closedEarly = 0;
            for (int i = 0; i < sockets.size(); i++) {
                var socket = sockets.get(i);
                if (socket != null && socket.closed.isDone()) {
                    closedEarly++;
                    result.fail("subscriber " + i + " was closed by the server: " + socket.closed.getNow(0) + " " + socket.closeReason);
                }
            }
            sockets.forEach(s -> {
                if (s != null) {
                    s.close();
                }
            });
            result.figures.put("messages_sent", messages);
            result.figures.put("messages_acked", acked.get());
            result.figures.put("messages_in_channel", expectedEach);
            result.figures.put("deliveries_expected", expected);
            result.figures.put("deliveries", delivered);
            result.figures.put("delivered_ratio", ratio);
            result.figures.put("delivery_latency", latency.summary());
            result.figures.put("send_latency", sendLatency.summary());
            result.figures.put("deliveries_per_s", Math.round(subscriberCount * (double) rate));
            result.figures.put("closed_by_server", closedEarly);
            result.figures.put("other_durable_events", others.sum());
            result.figures.put("cpu", cpuFigures);
            result.figures.put("server_cpu_us_per_delivery", cpu.serverMicrosPer((long) subscriberCount * (messages - warmupMessages)));
            result.figures.put("bench_cpu_us_per_delivery", cpu.benchMicrosPer((long) subscriberCount * (messages - warmupMessages)));
            result.check(acked.get() == messages, (messages - acked.get()) + " of " + messages + " sends were not acknowledged");
            result.check(delivered == expected, "delivered " + delivered + " of " + expected + " expected deliveries");
            double p99 = latency.percentileMillis(99);
            result.goal("fanout p99", "<= " + P99_GOAL_MS + " ms", Histogram.round(p99) + " ms", p99 <= P99_GOAL_MS);
            result.goal("fanout delivered", "== 1.0", ratio, ratio == 1.0);
        }
        return result;
    }

    private static void onFrame(Sub sub, int index, String channel, byte[] data, int offset, int length, long received,
            Histogram latency, LongAdder others, Result result) {
        Frame frame;
        try {
            frame = Frame.parse(data, offset, length);
        } catch (java.io.IOException e) {
            result.fail("subscriber " + index + " got a frame that is not JSON (" + e.getMessage() + "): "
                    + Api.abbreviate(new String(data, offset, length, java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        if (!frame.durable()) {
            return; // presence and typing are ephemeral: allowed to come and go
        }
        if (!"message.created".equals(frame.type()) || !channel.equals(frame.channelId())) {
            others.increment();
            return;
        }
        if (frame.seq() != sub.nextSeq) {
            if (!sub.broken) {
                result.fail("subscriber " + index + " expected seq " + sub.nextSeq + " but got " + frame.seq());
            }
            sub.broken = true;
            sub.nextSeq = frame.seq() + 1;
            return;
        }
        sub.nextSeq = frame.seq() + 1;
        sub.delivered = sub.delivered + 1;
        int at = frame.body() == null ? -1 : frame.body().lastIndexOf(" t=");
        if (at >= 0 && !frame.body().startsWith("Fanout warm-up")) {
            latency.recordNanos(received - Long.parseLong(frame.body().substring(at + 3)));
        }
    }
}
