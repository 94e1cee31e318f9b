package chat.clickclack.bench;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code send}: C closed-loop senders (one virtual thread each, one request in flight each) post to K
 * channels for a warm-up and then T measured seconds. Reports acknowledged messages/s and latency over the
 * measured window, then, in the same run and on the same machine, the raw SQLite baseline, and
 * {@code ratio_vs_raw = http_acked_per_s / raw single_row_tx_per_s}.
 *
 * <p>Correctness: every request must be answered 201 (200 for a resent nonce), and afterwards every channel must hold exactly the
 * acknowledged messages at the sequences their senders were told (read back over HTTP).
 */
final class SendScenario {
    static final String BODY = "Send benchmark: the quick crab sidesteps the lazy lobster and clicks twice";
    static final double P99_GOAL_MS = 50;

    private SendScenario() {}

    static Result run(Servers servers, Options options) throws Exception {
        int senders = options.integer("senders", 8, 64);
        int channelCount = options.integer("channels", 2, 8);
        int warmup = options.integer("warmup", 1, 20);
        int duration = options.integer("duration", 2, 20);
        int rawSeconds = options.integer("raw-duration", 1, 5);
        var result = new Result("send");
        result.settings.put("senders", senders);
        result.settings.put("channels", channelCount);
        result.settings.put("warmup_s", warmup);
        result.settings.put("duration_s", duration);
        result.settings.put("nonce", true);

        try (var target = servers.open("send")) {
            var channels = new ArrayList<String>();
            var acked = new ArrayList<Map<Long, String>>();
            for (int k = 0; k < channelCount; k++) {
                channels.add(target.createChannel("bench-send"));
                acked.add(new ConcurrentHashMap<>());
            }
            var latency = new Histogram();
            var ackedInWindow = new LongAdder();
            var errors = new LongAdder();
            var requests = new LongAdder();
            long start = System.nanoTime();
            long windowStart = start + warmup * 1_000_000_000L;
            long windowEnd = windowStart + duration * 1_000_000_000L;
            var threads = new ArrayList<Thread>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                threads.add(Thread.ofVirtual().name("sender-" + s).start(() -> {
                    var identity = target.identity(sender);
                    int k = sender % channelCount;
                    var path = "/api/channels/" + channels.get(k) + "/messages";
                    for (long n = 0; System.nanoTime() < windowEnd; n++) {
                        long t0 = System.nanoTime();
                        requests.increment();
                        try {
                            var response = target.api.post(identity.token(), path,
                                    Api.messageBody(BODY + " " + sender + "/" + n, Api.RUN_ID + "-s" + sender + "-" + n));
                            long t1 = System.nanoTime();
                            if (!response.posted()) {
                                errors.increment();
                                result.fail("POST " + path + " answered " + response.status() + ": " + Api.abbreviate(response.body()));
                                continue;
                            }
                            var message = Frame.message(response.body());
                            acked.get(k).put(message.seq(), message.id());
                            if (t0 >= windowStart && t1 <= windowEnd) {
                                latency.recordNanos(t1 - t0);
                            }
                            if (t1 >= windowStart && t1 <= windowEnd) {
                                ackedInWindow.increment();
                            }
                        } catch (Exception e) {
                            errors.increment();
                            result.fail("POST " + path + " failed: " + e);
                        }
                    }
                }));
            }
            Thread.sleep(Math.max(0, (windowStart - System.nanoTime()) / 1_000_000));
            var cpu = new CpuMeter(target);
            for (var t : threads) {
                t.join();
            }
            var cpuFigures = cpu.stop();

            double ackedPerSecond = ackedInWindow.sum() / (double) duration;
            result.figures.put("http_acked_per_s", Math.round(ackedPerSecond));
            result.figures.put("latency", latency.summary());
            result.figures.put("requests", requests.sum());
            result.figures.put("errors", errors.sum());
            result.figures.put("cpu", cpuFigures);
            double perMessage = cpu.serverMicrosPer(ackedInWindow.sum());
            result.figures.put("server_cpu_us_per_message", perMessage);
            // Everything the load generator spent per acknowledged request (client, JSON, checks, JIT, GC).
            result.figures.put("bench_cpu_us_per_request", cpu.benchMicrosPer(ackedInWindow.sum()));
            if (perMessage > 0) {
                // What the server alone could sustain if it had every core and paid this much per message.
                result.figures.put("cpu_bound_msgs_per_s_on_all_cores",
                        Math.round(Runtime.getRuntime().availableProcessors() * 1e6 / perMessage));
            }

            long held = 0;
            for (int k = 0; k < channelCount; k++) {
                held += Timeline.verify(target, channels.get(k), acked.get(k), result);
            }
            result.figures.put("messages_verified", held);
            result.check(errors.sum() == 0, errors.sum() + " send(s) failed");
        }

        var raw = RawBaseline.measure(servers.workDir().resolve("raw"), rawSeconds, BODY);
        result.settings.put("raw_seconds_each", rawSeconds);
        result.figures.put("raw", raw);
        double http = ((Number) result.figures.get("http_acked_per_s")).doubleValue();
        double ratio = http / ((Number) raw.get("single_row_tx_per_s")).doubleValue();
        result.figures.put("ratio_vs_raw", Histogram.round(ratio));
        result.figures.put("ratio_vs_raw_send_tx", Histogram.round(http / ((Number) raw.get("send_tx_per_s")).doubleValue()));
        result.figures.put("ratio_vs_raw_batched", Histogram.round(http / ((Number) raw.get("batched_rows_per_s")).doubleValue()));
        @SuppressWarnings("unchecked")
        double p99 = (double) ((Map<String, Object>) result.figures.get("latency")).get("p99_ms");
        result.goal("ratio_vs_raw", ">= 1.0", Histogram.round(ratio), ratio >= 1.0);
        result.goal("send p99", "<= " + P99_GOAL_MS + " ms", p99 + " ms", p99 <= P99_GOAL_MS);
        return result;
    }
}
