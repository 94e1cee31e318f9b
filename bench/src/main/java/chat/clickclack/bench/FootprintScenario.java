package chat.clickclack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code footprint}: what the server costs to run. Cold start (spawn → first {@code /readyz} 200) on an
 * empty data directory, i.e. a first install that migrates and creates the dev user; RSS when idle; RSS
 * with N idle WebSockets open (authenticated through the dev fallback, as a local user would); the jar size.
 *
 * <p>Cold start is taken as the median of a few starts, each on a new directory, with the JVM options users
 * get ({@code scripts/jvm-options.sh}): on JDK 25+ that includes the AOT cache the build wrote beside the jar.
 * In full mode the bench also measures cold starts without that cache ({@code CLICKCLACK_AOT=off}), to show
 * what it buys.
 */
final class FootprintScenario {
    static final double COLD_START_GOAL_MS = 1000;
    static final double IDLE_RSS_GOAL_MIB = 200;
    static final double SOCKETS_RSS_GOAL_MIB = 300;
    static final long IDLE_SETTLE_MILLIS = 3000;
    static final long IDLE_CPU_WINDOW_MILLIS = 10_000;
    static final int HISTOGRAM_ROWS = 15;

    private FootprintScenario() {}

    static Result run(Servers servers, Options options) throws Exception {
        int sockets = options.integer("sockets", 500, 10_000);
        int starts = options.integer("trials", 1, 3);
        var result = new Result("footprint");
        result.settings.put("idle_sockets", sockets);
        result.settings.put("cold_starts", starts);
        result.settings.put("server_jvm_options", options.serverJvm());
        long jarBytes = Files.size(options.jar());
        result.figures.put("jar_mib", Histogram.round(jarBytes / 1024.0 / 1024.0));

        if (options.url() != null) {
            result.figures.put("note", "footprint needs a server the bench starts; --url given, only the jar was measured");
            return result;
        }
        var work = servers.workDir().resolve("footprint");
        var coldStarts = new ArrayList<Double>();
        for (int i = 0; i < starts - 1; i++) {
            try (var server = ServerProcess.start(options.jar(), work.resolve("cold-" + i), options.serverEnv(),
                    options.serverJvm(), null)) {
                coldStarts.add((double) server.coldStartMillis);
            }
        }
        var jvmOptions = ServerProcess.jvmOptions(options.jar(), options.serverJvm(), options.serverEnv());
        result.settings.put("server_jvm_options_effective", jvmOptions);
        var cache = jvmOptions.stream().filter(o -> o.startsWith("-XX:AOTCache=")).findFirst();
        result.figures.put("aot_cache_used", cache.isPresent());
        if (!options.quick()) {
            result.figures.put("without_aot_cache", withoutAotCache(options, work, cache.map(o -> Path.of(o.substring(13)))));
        }

        // The last cold start is also the server whose idle and per-socket memory is measured.
        try (var server = ServerProcess.start(options.jar(), work.resolve("cold-last"), options.serverEnv(),
                options.serverJvm(), null);
             var pool = new Subscribers()) {
            coldStarts.add((double) server.coldStartMillis);
            double coldStart = ReconnectScenario.median(coldStarts);
            result.figures.put("cold_start_ms", coldStart);
            result.figures.put("cold_start_ms_all", coldStarts);
            result.goal("cold start", "<= " + COLD_START_GOAL_MS + " ms", coldStart + " ms", coldStart <= COLD_START_GOAL_MS);
            long settle = options.quick() ? 500 : IDLE_SETTLE_MILLIS;
            Thread.sleep(settle);
            long idleCpu0 = server.cpuMillis();
            Thread.sleep(settle);
            result.figures.put("cpu_idle_cores", Histogram.round((server.cpuMillis() - idleCpu0) / (double) settle));
            double idle = server.rssMib();
            result.figures.put("rss_idle_mib", idle);
            result.figures.put("threads_idle", server.threads());
            var target = new Target(server.url, workspace(server.url), List.of(new Target.Identity(null, null)), server, false);
            long t0 = System.nanoTime();
            var open = pool.open(target, sockets, null, i -> (text, at) -> { }, result);
            result.figures.put("open_sockets_ms", (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(settle);
            // Idle sockets should cost memory, not CPU: measure what the server burns while nothing happens.
            var idleWindow = new CpuMeter(target);
            Thread.sleep(options.quick() ? settle : IDLE_CPU_WINDOW_MILLIS);
            var idleFigures = idleWindow.stop();
            result.figures.put("cpu_idle_with_sockets_cores", idleFigures.get("server_cores"));
            result.figures.put("cpu_idle_with_sockets_by_thread_ms", idleFigures.get("server_cpu_ms_by_thread"));
            double withSockets = server.rssMib();
            long alive = open.stream().filter(s -> s != null && s.isOpen()).count();
            result.figures.put("sockets_open", alive);
            result.figures.put("rss_with_sockets_mib", withSockets);
            result.figures.put("rss_delta_mib", Histogram.round(withSockets - idle));
            result.figures.put("kib_per_socket", Histogram.round((withSockets - idle) * 1024 / Math.max(1, alive)));
            result.figures.put("threads_with_sockets", server.threads());
            result.check(alive == sockets, "only " + alive + " of " + sockets + " idle sockets stayed open");
            if (!options.quick()) {
                // Where the per-socket memory goes (this forces a full GC, so it comes after the RSS reading).
                result.figures.put("heap_histogram_top_with_sockets", heapHistogram(server.pid(), HISTOGRAM_ROWS));
                result.figures.put("rss_with_sockets_after_full_gc_mib", server.rssMib());
            }
            open.forEach(s -> {
                if (s != null) {
                    s.close();
                }
            });
            target.api.client.shutdownNow();
            double delta = withSockets - idle;
            result.goal("idle RSS", "<= " + IDLE_RSS_GOAL_MIB + " MiB", idle + " MiB", idle <= IDLE_RSS_GOAL_MIB);
            if (sockets >= 10_000) {
                result.goal("RSS +10k idle sockets", "<= +" + SOCKETS_RSS_GOAL_MIB + " MiB", "+" + Histogram.round(delta) + " MiB",
                        delta <= SOCKETS_RSS_GOAL_MIB);
            }
        }
        return result;
    }

    /** Cold starts and idle RSS with the AOT cache turned off ({@code CLICKCLACK_AOT=off}), for comparison. */
    private static Map<String, Object> withoutAotCache(Options options, Path work, java.util.Optional<Path> cache)
            throws Exception {
        var env = new java.util.HashMap<>(options.serverEnv());
        env.put("CLICKCLACK_AOT", "off");
        var starts = new ArrayList<Double>();
        double rss = -1;
        for (int i = 0; i < options.integer("trials", 1, 3); i++) {
            try (var server = ServerProcess.start(options.jar(), work.resolve("no-aot-" + i), env, options.serverJvm(), null)) {
                starts.add((double) server.coldStartMillis);
                Thread.sleep(IDLE_SETTLE_MILLIS);
                rss = server.rssMib();
            }
        }
        var out = new java.util.LinkedHashMap<String, Object>();
        out.put("cold_start_ms", ReconnectScenario.median(starts));
        out.put("cold_start_ms_all", starts);
        out.put("rss_idle_mib", rss);
        cache.ifPresent(c -> {
            try {
                out.put("aot_cache_mib", Histogram.round(Files.size(c) / 1024.0 / 1024.0));
            } catch (java.io.IOException e) {
                out.put("aot_cache_mib", -1);
            }
        });
        return out;
    }

    /** The top rows of {@code jcmd PID GC.class_histogram}: instances, bytes, class. */
    static java.util.List<String> heapHistogram(long pid, int rows) {
        try {
            var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            var process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true).start();
            var lines = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> l.matches("\\s*\\d+:\\s+\\d+\\s+\\d+\\s+.*") || l.startsWith("Total"))
                    .map(l -> l.trim().replaceAll("\\s+", " "))
                    .toList();
            process.waitFor();
            var out = new ArrayList<String>(lines.subList(0, Math.min(rows, lines.size())));
            lines.stream().filter(l -> l.startsWith("Total")).findFirst().ifPresent(out::add);
            return out;
        } catch (Exception e) {
            return java.util.List.of("jcmd failed: " + e);
        }
    }

    private static String workspace(String url) throws Exception {
        var api = new Api(url);
        try {
            var list = api.get(null, "/api/workspaces").require("GET /api/workspaces (dev fallback)");
            return list.path("workspaces").get(0).path("id").asText();
        } finally {
            api.client.shutdownNow();
        }
    }
}
