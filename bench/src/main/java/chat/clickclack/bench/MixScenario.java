package chat.clickclack.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code mix}: U simulated users, each with one WebSocket and HTTP actions at exponential intervals (mean
 * one per 5 s) weighted like Mattermost's ceiling test ({@link MixUser}). U ramps up in steps; each step
 * connects a fresh population, runs for T seconds, drains, and is judged by the health rules of issue 5:
 * average request ≤ 100 ms, p99 ≤ 250 ms, errors ≤ 0.025 %, every live event delivered (each user's
 * socket saw exactly the workspace's events since the step began, in order, counted and summed by
 * cursor against the log read back over HTTP). The answer is the largest healthy U before the first
 * unhealthy step.
 *
 * <p>Each identity has a direct conversation with the next one in every workspace, where its users post and
 * read, and users mark channels read. Those events reach only some sockets (a DM's two members, the reader's
 * own sessions), so each user is checked against the log as its own identity reads it over HTTP: the socket
 * and the catch-up must agree on exactly which events that person may see.
 *
 * <p>Who is in which channel is {@link MixMembership}: by default ({@code --mix-shape membership}) #general
 * with everyone, a few popular channels and many small ones, each user in about 10, and the server delivers
 * a channel's events to its members only; {@code --mix-shape firehose} is the older shape, everyone in every
 * channel, so every workspace event goes to every socket and deliveries grow with U². {@code --workspaces W} spreads users over W workspaces
 * (each bench identity joins all of them through an invite) to show the capacity of the rest of the server.
 */
final class MixScenario {
    static final double AVG_GOAL_MS = 100;
    static final double P99_GOAL_MS = 250;
    static final double ERROR_GOAL_PERCENT = 0.025;
    static final int USERS_GOAL = 5000;
    /** With --ramp-all 1 the ramp still stops after a step this slow on average: the server is past saturation. */
    static final double HOPELESS_AVG_MS = 2000;
    static final long DRAIN_TIMEOUT_MILLIS = 30_000;
    static final long JOIN_GRACE_MILLIS = 60_000;
    static final int HISTORY_SENDERS = 16;
    /** Warm-up population: enough traffic for the hot paths to reach C2 within the warm-up. */
    static final int WARMUP_USERS = 500;

    private MixScenario() {}

    static Result run(Servers servers, Options options) throws Exception {
        var ramp = options.integers("users", List.of(30), List.of(100, 250, 500, 1000, 2000, 3000, 4000, 5000, 6000, 8000));
        int meanMillis = options.integer("interval", 300, 5000);
        int duration = options.integer("duration", 4, 20);
        var shape = options.text("mix-shape", "membership");
        int channelsPer = options.integer("mix-channels", 3, 20);
        int popular = options.integer("mix-popular", 2, 4);
        int small = options.integer("mix-small", 6, 200);
        int smallPerUser = options.integer("mix-small-per-user", 2, 8);
        int workspaceCount = options.integer("workspaces", 1, 1);
        int history = options.integer("history", 10, shape.equals("firehose") ? 100 : 30);
        int warmup = options.integer("warmup", 0, 60);
        // 1: run every step of the ramp even past the first unhealthy one (on a shared machine a step can
        // break on someone else's load; the breaking point is where they stay broken), up to a hopeless step.
        boolean rampAll = options.integer("ramp-all", 0, 0) == 1;
        var result = new Result("mix");
        result.settings.put("ramp", ramp);
        result.settings.put("mean_interval_ms", meanMillis);
        result.settings.put("step_s", duration);
        result.settings.put("workspaces", workspaceCount);
        result.settings.put("shape", shape);
        if (shape.equals("firehose")) {
            result.settings.put("channels_per_workspace", channelsPer);
        } else {
            result.settings.put("popular_channels", popular);
            result.settings.put("small_channels", small);
            result.settings.put("small_channels_per_identity", smallPerUser);
            result.settings.put("general_post_share", 1.0 / MixMembership.GENERAL_POST_SHARE_INVERSE);
        }
        result.settings.put("history_per_channel", history);
        result.settings.put("warmup_s", warmup);

        try (var target = servers.open("mix"); var pool = new Subscribers()) {
            result.settings.put("identities", target.identities.size());
            var workspaces = workspaces(servers, target, workspaceCount);
            var channels = new LinkedHashMap<String, MixMembership>();
            for (var workspace : workspaces) {
                channels.put(workspace, switch (shape) {
                    case "firehose" -> MixMembership.firehose(target, workspace, channelsPer);
                    case "membership" -> MixMembership.teams(target, workspace, popular, small, smallPerUser);
                    default -> throw new IllegalArgumentException("--mix-shape is membership or firehose, got " + shape);
                });
            }
            fillHistory(target, channels, history);
            var dms = directConversations(target, workspaces);
            boolean search = target.api.get(target.owner().token(), "/api/search?workspace_id=" + target.workspaceId
                    + "&q=reef&limit=1").status() == 200;
            result.settings.put("search_action", search);

            if (warmup > 0) {
                // Both JVMs start cold, and on a shared 2-core machine C2 keeps compiling for tens of seconds
                // (U=1000 over 10 workspaces: p99 721 ms after a 10 s warm-up, 21 ms after 60 s), so an
                // unjudged step at the first U lets the JIT settle.
                int warmUsers = Math.max(ramp.getFirst(), Math.min(WARMUP_USERS, ramp.getLast()));
                var warm = step(target, pool, workspaces, channels, dms, warmUsers, meanMillis, warmup, search, false, result);
                result.figures.put("warmup_step", Map.of("users", warmUsers, "seconds", warmup,
                        "avg_ms", warm.get("avg_ms"), "p99_ms", warm.get("p99_ms"), "errors", warm.get("errors")));
            }
            var steps = new ArrayList<Map<String, Object>>();
            int largestHealthy = 0;
            int largestHealthyAnywhere = 0;
            boolean broken = false;
            for (int users : ramp) {
                var step = step(target, pool, workspaces, channels, dms, users, meanMillis, duration, search, options.quick(), result);
                steps.add(step);
                System.out.printf("  mix U=%d: %s avg=%s ms p99=%s ms errors=%s req/s=%s deliveries/s=%s %s%n", users,
                        Boolean.TRUE.equals(step.get("healthy")) ? "healthy" : "UNHEALTHY " + step.get("broken_rules"),
                        step.get("avg_ms"), step.get("p99_ms"), step.get("errors"), step.get("requests_per_s"),
                        step.get("deliveries_per_s"), step.get("cpu"));
                if (Boolean.TRUE.equals(step.get("healthy"))) {
                    largestHealthyAnywhere = users;
                    if (!broken) {
                        largestHealthy = users;
                    }
                } else {
                    broken = true;
                    if (!rampAll || ((Number) step.get("avg_ms")).doubleValue() > HOPELESS_AVG_MS) {
                        break;
                    }
                }
            }
            result.figures.put("steps", steps);
            result.figures.put("largest_healthy_users", largestHealthy);
            if (rampAll) {
                result.figures.put("largest_healthy_users_any_step", largestHealthyAnywhere);
            }
            result.goal("mix healthy users", ">= " + USERS_GOAL, largestHealthy, largestHealthy >= USERS_GOAL);
        }
        return result;
    }

    private static Map<String, Object> step(Target target, Subscribers pool, List<String> workspaces,
            Map<String, MixMembership> channels, Map<String, List<String>> dms, int userCount, int meanMillis, int duration, boolean search,
            boolean quick, Result result) throws Exception {
        var stats = new MixStats();
        var tails = new LinkedHashMap<String, Long>();
        for (var workspace : workspaces) {
            tails.put(workspace, Long.parseLong(target.tailCursor(workspace)));
        }
        var users = new ArrayList<MixUser>(userCount);
        for (int u = 0; u < userCount; u++) {
            var workspace = workspaces.get(u % workspaces.size());
            var pairs = dms.get(workspace);
            var dm = pairs.isEmpty() ? null : pairs.get(Math.floorMod(u, pairs.size()));
            users.add(new MixUser(u, workspace, target.identity(u), channels.get(workspace), dm,
                    target, pool.client(u), stats, search));
        }

        // Connect everyone from the tail the step starts at, a bounded number of handshakes at a time.
        long connectStart = System.nanoTime();
        var gate = new Semaphore(Subscribers.HANDSHAKES_IN_FLIGHT);
        var opened = new ArrayList<CompletableFuture<EventSocket>>();
        for (var user : users) {
            gate.acquire();
            var f = user.connect(tails.get(user.workspaceId));
            f.whenComplete((s, e) -> gate.release());
            opened.add(f);
        }
        int connectFailures = 0;
        for (var f : opened) {
            try {
                f.get(Subscribers.OPEN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                connectFailures++;
            }
        }
        long connectMillis = (System.nanoTime() - connectStart) / 1_000_000;

        // Act.
        var cpu = new CpuMeter(target);
        long end = System.nanoTime() + duration * 1_000_000_000L;
        var threads = new ArrayList<Thread>(userCount);
        for (var user : users) {
            threads.add(Thread.ofVirtual().start(() -> user.act(end, meanMillis)));
        }
        for (var t : threads) {
            t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000 + JOIN_GRACE_MILLIS));
        }
        var cpuFigures = cpu.stop();

        // Drain and verify against the log, as each identity may read it.
        record Log(long count, long sum, long last) {}
        record Reader(String workspace, int identity) {}
        var logs = new LinkedHashMap<Reader, Log>();
        for (var user : users) {
            var reader = new Reader(user.workspaceId, Math.floorMod(user.index, target.identities.size()));
            if (logs.containsKey(reader)) {
                continue;
            }
            long count = 0;
            long sum = 0;
            long last = tails.get(reader.workspace());
            String after = Long.toString(last);
            while (true) {
                var page = target.api.get(target.identities.get(reader.identity()).token(), "/api/realtime/events?workspace_id="
                        + reader.workspace() + "&after_cursor=" + after + "&limit=1000").require("read the event log");
                for (var event : page.path("events")) {
                    long cursor = Long.parseLong(event.path("cursor").asText());
                    count++;
                    sum += cursor;
                    last = cursor;
                }
                after = page.path("next_cursor").asText();
                if (!page.path("has_more").asBoolean()) {
                    break;
                }
            }
            logs.put(reader, new Log(count, sum, last));
        }
        long drainDeadline = System.nanoTime() + DRAIN_TIMEOUT_MILLIS * 1_000_000;
        long drainStart = System.nanoTime();
        while (System.nanoTime() < drainDeadline
                && users.stream().anyMatch(u -> !u.resynced && u.lastCursor() < logs.get(
                        new Reader(u.workspaceId, Math.floorMod(u.index, target.identities.size()))).last())) {
            Thread.sleep(20);
        }
        long drainMillis = (System.nanoTime() - drainStart) / 1_000_000;
        int mismatched = 0;
        int resynced = 0;
        int broken = 0;
        long delivered = 0;
        for (var user : users) {
            synchronized (user) {
                delivered += user.received;
                if (user.problem != null) {
                    broken++;
                    result.fail("mix user " + user.index + ": " + user.problem);
                } else if (user.resynced) {
                    resynced++;
                } else {
                    var log = logs.get(new Reader(user.workspaceId, Math.floorMod(user.index, target.identities.size())));
                    if (user.received != log.count() || user.cursorSum != log.sum()) {
                        mismatched++;
                        if (quick) {
                            result.fail("mix user " + user.index + " received " + user.received + " of " + log.count() + " events");
                        }
                    }
                }
            }
        }
        double rss = target.server == null ? -1 : target.server.rssMib();
        users.forEach(MixUser::stop);
        Thread.sleep(quick ? 100 : 2000);

        double avg = stats.all.meanMillis();
        double p99 = stats.all.percentileMillis(99);
        double errorPercent = stats.errorPercent() + (connectFailures * 100.0 / Math.max(1, stats.requests()));
        var rules = new ArrayList<String>();
        if (avg > AVG_GOAL_MS) {
            rules.add("avg " + Histogram.round(avg) + " ms > " + AVG_GOAL_MS);
        }
        if (p99 > P99_GOAL_MS) {
            rules.add("p99 " + Histogram.round(p99) + " ms > " + P99_GOAL_MS);
        }
        if (errorPercent > ERROR_GOAL_PERCENT) {
            rules.add(String.format("errors %.3f %% > %s", errorPercent, ERROR_GOAL_PERCENT));
        }
        if (mismatched + resynced + broken > 0) {
            rules.add((mismatched + resynced + broken) + " user(s) missed live events");
        }
        if (connectFailures > 0) {
            rules.add(connectFailures + " socket(s) could not connect");
        }
        if (quick) {
            result.check(stats.errors.sum() == 0 && connectFailures == 0, "mix errors: " + stats.errorKinds()
                    + ", connect failures: " + connectFailures);
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("users", userCount);
        out.put("healthy", rules.isEmpty());
        out.put("broken_rules", rules);
        out.put("requests", stats.requests());
        out.put("requests_per_s", Math.round(stats.requests() / (double) duration));
        out.put("avg_ms", Histogram.round(avg));
        out.put("p50_ms", Histogram.round(stats.all.percentileMillis(50)));
        out.put("p99_ms", Histogram.round(p99));
        out.put("errors", stats.errors.sum());
        out.put("error_percent", Math.round(errorPercent * 10_000) / 10_000.0);
        out.put("error_kinds", stats.errorKinds());
        out.put("actions", stats.actions());
        out.put("connect_all_ms", connectMillis);
        out.put("events_per_user", logs.values().stream().mapToLong(Log::count).sum() / Math.max(1, logs.size()));
        out.put("deliveries", delivered);
        out.put("deliveries_per_s", Math.round(delivered / (double) duration));
        out.put("post_delivery_p50_ms", Histogram.round(stats.delivery.percentileMillis(50)));
        out.put("post_delivery_p99_ms", Histogram.round(stats.delivery.percentileMillis(99)));
        out.put("drain_ms", drainMillis);
        out.put("users_missing_events", mismatched);
        out.put("users_resynced", resynced);
        out.put("server_closes", stats.closes());
        out.put("server_rss_mib", rss);
        out.put("cpu", cpuFigures);
        out.put("server_cpu_us_per_request", cpu.serverMicrosPer(stats.requests()));
        return out;
    }

    /** For each workspace, identity i's direct conversation with identity i+1 (the last with the first). */
    private static Map<String, List<String>> directConversations(Target target, List<String> workspaces) throws Exception {
        var out = new LinkedHashMap<String, List<String>>();
        int n = target.identities.size();
        for (var workspace : workspaces) {
            var list = new ArrayList<String>(n);
            for (int i = 0; i < n && n > 1; i++) {
                var other = target.identities.get((i + 1) % n);
                var created = target.api.post(target.identities.get(i).token(), "/api/dms",
                        "{\"workspace_id\":\"" + workspace + "\",\"member_ids\":[\"" + other.userId() + "\"]}")
                        .require("create a DM");
                list.add(created.path("conversation").path("id").asText());
            }
            out.put(workspace, list);
        }
        return out;
    }

    /** The bench's workspace plus W-1 more, each joined by every bench identity through a CLI invite. */
    private static List<String> workspaces(Servers servers, Target target, int count) throws Exception {
        var out = new ArrayList<String>();
        out.add(target.workspaceId);
        if (count <= 1) {
            return out;
        }
        Path dataDir = target.server != null ? target.server.dataDir : null;
        if (dataDir == null) {
            throw new IllegalArgumentException("--workspaces > 1 needs a server the bench started (invites use the CLI)");
        }
        var created = new ArrayList<String>();
        for (int w = 1; w < count; w++) {
            var answer = target.api.post(target.owner().token(), "/api/workspaces",
                    "{\"name\":\"Bench Reef " + w + "\"}").require("create workspace");
            created.add(answer.path("workspace").path("id").asText());
        }
        for (var workspace : created) {
            var invite = servers.cli().run(dataDir, "admin", "invite", "create", "--workspace", workspace);
            for (var identity : target.identities.subList(1, target.identities.size())) {
                target.api.post(identity.token(), "/api/invites/" + invite + "/accept", "{}").require("accept invite");
            }
        }
        out.addAll(created);
        return out;
    }

    /** Gives every channel some history to scroll through, posted by a few concurrent senders. */
    private static void fillHistory(Target target, Map<String, MixMembership> channels, int perChannel) throws Exception {
        var all = channels.values().stream().flatMap(m -> m.allChannels().stream()).toList();
        var next = new AtomicInteger();
        int total = all.size() * perChannel;
        var threads = new ArrayList<Thread>();
        var failure = new java.util.concurrent.atomic.AtomicReference<String>();
        for (int s = 0; s < HISTORY_SENDERS; s++) {
            var identity = target.identity(s);
            threads.add(Thread.ofVirtual().start(() -> {
                int n;
                while ((n = next.getAndIncrement()) < total) {
                    try {
                        var channel = all.get(n % all.size());
                        var r = target.api.post(identity.token(), "/api/channels/" + channel + "/messages",
                                Api.messageBody("History " + n + ": yesterday on the reef", null));
                        if (r.status() != 201) {
                            failure.compareAndSet(null, "history post answered " + r.status());
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e.toString());
                    }
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
    }
}
