package chat.clickclack.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What one mix step measured, shared by all its simulated users (every member is thread-safe). */
final class MixStats {
    /** Every user request: REST calls and WebSocket handshakes of the reconnect action. */
    final Histogram all = new Histogram();
    final Map<String, Histogram> byAction = new ConcurrentHashMap<>();
    final LongAdder errors = new LongAdder();
    /** Post → delivery on every other user's socket, from the send time carried in the body. */
    final Histogram delivery = new Histogram();
    final LongAdder deliveries = new LongAdder();
    /** Sockets the server closed during the step, by close code. */
    final Map<Integer, LongAdder> serverCloses = new ConcurrentHashMap<>();
    final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    void record(String action, long nanos) {
        all.recordNanos(nanos);
        byAction.computeIfAbsent(action, a -> new Histogram()).recordNanos(nanos);
    }

    void error(String action, String kind) {
        errors.increment();
        errorKinds.computeIfAbsent(action + ": " + kind, k -> new LongAdder()).increment();
    }

    void serverClosed(int code) {
        serverCloses.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    long requests() {
        return all.count() + errors.sum();
    }

    double errorPercent() {
        long n = requests();
        return n == 0 ? 0 : errors.sum() * 100.0 / n;
    }

    Map<String, Object> actions() {
        var out = new LinkedHashMap<String, Object>();
        byAction.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> out.put(e.getKey(),
                "n=" + e.getValue().count() + " p50=" + Histogram.round(e.getValue().percentileMillis(50))
                        + " p99=" + Histogram.round(e.getValue().percentileMillis(99))));
        return out;
    }

    Map<String, Object> closes() {
        var out = new LinkedHashMap<String, Object>();
        serverCloses.forEach((code, n) -> out.put(Integer.toString(code), n.sum()));
        return out;
    }

    Map<String, Object> errorKinds() {
        var out = new LinkedHashMap<String, Object>();
        errorKinds.entrySet().stream().limit(10).forEach(e -> out.put(e.getKey(), e.getValue().sum()));
        return out;
    }
}
