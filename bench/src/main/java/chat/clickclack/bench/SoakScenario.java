package chat.clickclack.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * {@code soak} (issue 15): the {@code send} load, first alone, then while {@link Attackers} run an anonymous
 * upgrade flood, a slowloris set and a reaction flood against the same server. Reports send p99 and the
 * server's live heap (after a full GC, read with {@code jcmd}) after the baseline and at the start and the end
 * of the attacked phase; the goals are p99 within 2× and no heap growth while the attack goes on.
 *
 * <p>Correctness: every send of both phases must be acknowledged (201/200) and afterwards every channel
 * must hold exactly the acknowledged messages (read back over HTTP): nothing acknowledged is lost.
 */
final class SoakScenario {
    static final double P99_RATIO_GOAL = 2.0;
    static final double HEAP_GROWTH_GOAL_MIB = 5.0;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private SoakScenario() {}

    static Result run(Servers servers, Options options) throws Exception {
        int senders = options.integer("senders", 8, 32);
        int channelCount = options.integer("channels", 2, 8);
        int warmup = options.integer("warmup", 2, 10);
        int duration = options.integer("duration", 4, 20);
        int floodThreads = options.integer("flood-threads", 2, 4);
        int floodRate = options.integer("flood-rate", 200, 1000);
        int slowConnections = options.integer("slow-connections", 50, 300);
        int reactionFlooders = options.integer("reaction-flood", 1, 1);
        var result = new Result("soak");
        result.settings.put("senders", senders);
        result.settings.put("channels", channelCount);
        result.settings.put("warmup_s", warmup);
        result.settings.put("duration_s", duration);
        result.settings.put("upgrade_flood_threads", floodThreads);
        result.settings.put("upgrade_flood_per_s", floodRate);
        result.settings.put("slowloris_connections", slowConnections);
        result.settings.put("reaction_flood_threads", reactionFlooders);

        try (var target = servers.open("soak")) {
            var channels = new ArrayList<String>();
            var acked = new ArrayList<Map<Long, String>>();
            for (int k = 0; k < channelCount; k++) {
                channels.add(target.createChannel("bench-soak"));
                acked.add(new ConcurrentHashMap<>());
            }
            var errors = new LongAdder();
            var baseline = sendFor(target, channels, acked, senders, warmup, duration, errors, result);
            double heapBaseline = liveHeapMib(target);

            var flooded = target.createChannel("bench-soak-reactions");
            var victim = target.api.post(target.owner().token(), "/api/channels/" + flooded + "/messages",
                    Api.messageBody("react to me", null)).require("post the reaction target");
            Map<String, Object> attackFigures;
            Map<String, Object> attacked;
            double[] heapAttack;
            double upgradesInWindow;
            try (var attackers = new Attackers(target)) {
                attackers.upgradeFlood(floodThreads, floodRate, target.workspaceId);
                attackers.slowloris(slowConnections);
                for (int r = 0; r < reactionFlooders; r++) {
                    attackers.reactionFlood(target, target.identity(1 + r), victim.path("message").path("id").asText());
                }
                // The attack alone for a warm-up, so what it holds at any moment (its open connections) is in
                // place; then the measured send phase. Both heap readings are taken with no sender active.
                Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
                double upgradesBefore = attackers.upgradesRefused.sum();
                double heapStart = liveHeapMib(target);
                attacked = sendFor(target, channels, acked, senders, warmup, duration, errors, result);
                heapAttack = new double[] {heapStart, liveHeapMib(target)};
                upgradesInWindow = attackers.upgradesRefused.sum() - upgradesBefore;
                attackFigures = new LinkedHashMap<>();
                attackFigures.put("anonymous_upgrades_refused_401", attackers.upgradesRefused.sum());
                attackFigures.put("anonymous_upgrades_other", attackers.upgradesOther.sum());
                attackFigures.put("slowloris_connections_cut", attackers.slowCutOff.sum());
                attackFigures.put("reactions_accepted", attackers.reactions.sum());
                attackFigures.put("reactions_refused_4xx", attackers.reactionsRefused.sum());
                attackFigures.put("reaction_errors", attackers.reactionErrors.sum());
                result.check(attackers.reactionErrors.sum() == 0, attackers.reactionErrors.sum() + " reaction request(s) failed (5xx or transport)");
                result.check(attackers.upgradesOther.sum() == 0, attackers.upgradesOther.sum() + " anonymous upgrade(s) were not refused with 401");
            }
            result.figures.put("baseline", baseline);
            result.figures.put("under_attack", attacked);
            result.figures.put("attack", attackFigures);
            result.figures.put("live_heap_mib_after_baseline", heapBaseline);
            result.figures.put("live_heap_mib_attack_start_end", List.of(heapAttack[0], heapAttack[1]));
            result.figures.put("rss_mib_end", target.server == null ? -1 : target.server.rssMib());

            long held = 0;
            for (int k = 0; k < channelCount; k++) {
                held += Timeline.verify(target, channels.get(k), acked.get(k), result);
            }
            result.figures.put("messages_verified", held);
            result.check(errors.sum() == 0, errors.sum() + " send(s) failed");

            double p99Ratio = (double) attacked.get("p99_ms") / Math.max(0.001, (double) baseline.get("p99_ms"));
            result.figures.put("p99_ratio_attack_vs_baseline", Histogram.round(p99Ratio));
            result.goal("send p99 under attack", "<= " + P99_RATIO_GOAL + "x baseline", Histogram.round(p99Ratio) + "x",
                    p99Ratio <= P99_RATIO_GOAL);
            if (heapAttack[0] > 0 && heapAttack[1] > 0 && heapBaseline > 0) {
                // Bounded means no trend: what the attack holds (its open connections and their buffers) is in
                // place before the send phase, and the phase's further thousands of refused upgrades, cut
                // connections and reactions add nothing. (A Jetty session per refused upgrade added ~0.6 KiB each.)
                double growth = heapAttack[1] - heapAttack[0];
                result.figures.put("live_heap_growth_mib_during_attack", Histogram.round(growth));
                result.figures.put("live_heap_growth_kib_per_refused_upgrade",
                        Histogram.round(growth * 1024 / Math.max(1, upgradesInWindow)));
                result.figures.put("live_heap_ratio_attack_end_vs_baseline", Histogram.round(heapAttack[1] / heapBaseline));
                result.goal("live heap growth while attacked", "<= " + HEAP_GROWTH_GOAL_MIB + " MiB",
                        Histogram.round(growth) + " MiB", growth <= HEAP_GROWTH_GOAL_MIB);
            }
        }
        return result;
    }

    /** Closed-loop senders for a warm-up and a measured window; answers the window's latency and rate. */
    private static Map<String, Object> sendFor(Target target, List<String> channels, List<Map<Long, String>> acked,
            int senders, int warmup, int duration, LongAdder errors, Result result) throws InterruptedException {
        var latency = new Histogram();
        var ackedInWindow = new LongAdder();
        long windowStart = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(duration);
        var phase = Long.toString(System.nanoTime(), 36);
        var threads = new ArrayList<Thread>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofVirtual().name("soak-sender-" + s).start(() -> {
                var identity = target.identity(sender);
                int k = sender % channels.size();
                var path = "/api/channels/" + channels.get(k) + "/messages";
                for (long n = 0; System.nanoTime() < windowEnd; n++) {
                    long t0 = System.nanoTime();
                    try {
                        var response = target.api.post(identity.token(), path, Api.messageBody(SendScenario.BODY,
                                Api.RUN_ID + "-soak-" + phase + "-" + sender + "-" + n));
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
                            ackedInWindow.increment();
                        }
                    } catch (Exception e) {
                        errors.increment();
                        result.fail("POST " + path + " failed: " + e);
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        var out = new LinkedHashMap<String, Object>(latency.summary());
        out.put("acked_per_s", Math.round(ackedInWindow.sum() / (double) duration));
        return out;
    }

    /** The server's heap in use right after a full GC, i.e. what it really holds; -1 when unknown. */
    static double liveHeapMib(Target target) {
        if (target.server == null) {
            return -1;
        }
        try {
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            var pid = Long.toString(target.server.pid());
            run(jcmd, pid, "GC.run");
            var matcher = HEAP_USED.matcher(run(jcmd, pid, "GC.heap_info"));
            return matcher.find() ? Histogram.round(Long.parseLong(matcher.group(1)) / 1024.0) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }
}
