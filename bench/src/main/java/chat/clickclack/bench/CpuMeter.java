package chat.clickclack.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU used by the server and by the bench over a measured window, in cores (1.0 = one core busy the whole
 * time). Both share the machine, so these say how much of it the load generator itself took.
 */
final class CpuMeter {
    private final Target target;
    private final long startNanos;
    private final long serverStart;
    private final long benchStart;
    private final long[] benchSplitStart = Machine.benchUserSysMillis();
    private final String loadStart;
    private final Map<String, Long> threadsStart;

    CpuMeter(Target target) {
        this.target = target;
        this.startNanos = System.nanoTime();
        this.serverStart = target.serverCpuMillis();
        this.benchStart = Machine.benchCpuMillis();
        this.loadStart = Machine.loadAverage();
        this.threadsStart = target.server == null ? Map.of() : target.server.cpuMillisByThread();
    }

    private long serverMillis = -1;
    private long benchMillis = -1;

    Map<String, Object> stop() {
        double wallMillis = (System.nanoTime() - startNanos) / 1e6;
        var out = new LinkedHashMap<String, Object>();
        if (serverStart >= 0) {
            serverMillis = target.serverCpuMillis() - serverStart;
            out.put("server_cores", Histogram.round(serverMillis / wallMillis));
            out.put("server_cpu_ms", serverMillis);
            out.put("server_cpu_ms_by_thread", byThread());
        }
        benchMillis = benchStart < 0 ? -1 : Machine.benchCpuMillis() - benchStart;
        out.put("bench_cores", Histogram.round(benchMillis / wallMillis));
        out.put("bench_cpu_ms", benchMillis);
        var split = Machine.benchUserSysMillis();
        if (split[0] >= 0 && benchSplitStart[0] >= 0) {
            out.put("bench_user_ms", split[0] - benchSplitStart[0]);
            out.put("bench_sys_ms", split[1] - benchSplitStart[1]);
        }
        out.put("load_avg_before", loadStart);
        out.put("load_avg_after", Machine.loadAverage());
        return out;
    }

    /** Server CPU per kind of thread over the window, largest first, threads under 1 % left out. */
    private Map<String, Object> byThread() {
        var now = target.server.cpuMillisByThread();
        var deltas = new LinkedHashMap<String, Object>();
        now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - threadsStart.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0 && e.getValue() * 100 >= Math.max(1, serverMillis))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> deltas.put(e.getKey(), e.getValue()));
        return deltas;
    }

    /**
     * Server CPU microseconds per unit of work over the window (after {@link #stop}), or -1 when the server
     * is not ours. Contention on a shared machine stretches latency but barely changes this, so it is the
     * figure to compare across runs.
     */
    double serverMicrosPer(long units) {
        return serverMillis < 0 || units <= 0 ? -1 : Histogram.round(serverMillis * 1000.0 / units);
    }

    /** The load generator's own CPU microseconds per unit of work over the window (after {@link #stop}). */
    double benchMicrosPer(long units) {
        return benchMillis < 0 || units <= 0 ? -1 : Histogram.round(benchMillis * 1000.0 / units);
    }
}
