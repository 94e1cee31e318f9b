package chat.clickclack.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes a JFR recording of a server: where its CPU went, by top frame (self) and by any frame on the
 * stack (inclusive), from {@code jdk.CPUTimeSample} when present, else {@code jdk.ExecutionSample}.
 *
 * <p>{@code bench/jfr-top FILE.jfr [--thread PREFIX] [--top N] [--match TEXT]} — PREFIX keeps only threads
 * whose name starts with it (e.g. {@code clickclack-writer}); TEXT keeps inclusive rows containing it.
 */
public final class JfrTop {
    private JfrTop() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: bench/jfr-top FILE.jfr [--thread PREFIX] [--top N] [--match TEXT]");
            System.exit(2);
        }
        String thread = null;
        String match = null;
        int top = 25;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--thread" -> thread = args[++i];
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--match" -> match = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var file = Path.of(args[0]);
        boolean cpuTime = false;
        for (var event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("jdk.CPUTimeSample")) {
                cpuTime = true;
                break;
            }
        }
        var type = cpuTime ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        var self = new HashMap<String, Integer>();
        var inclusive = new HashMap<String, Integer>();
        var threads = new HashMap<String, Integer>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals(type) || event.getStackTrace() == null) {
                continue;
            }
            var sampled = event.getThread(cpuTime ? "eventThread" : "sampledThread");
            var name = sampled == null ? "?" : sampled.getJavaName() != null ? sampled.getJavaName() : sampled.getOSName();
            if (name == null) {
                name = "?";
            }
            if (thread != null && !name.startsWith(thread)) {
                continue;
            }
            samples++;
            threads.merge(name.replaceAll("[-#]?\\d+$", "*"), 1, Integer::sum);
            var frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            self.merge(describe(frames.getFirst()), 1, Integer::sum);
            var seen = new HashSet<String>();
            for (var frame : frames) {
                var method = describe(frame);
                if (seen.add(method)) {
                    inclusive.merge(method, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s: %d samples%s%n", type, samples, thread == null ? "" : " on threads " + thread + "*");
        print("threads", threads, samples, top, null);
        print("self (top frame)", self, samples, top, null);
        print("inclusive", inclusive, samples, top * 2, match);
    }

    private static String describe(RecordedFrame frame) {
        var method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top, String match) {
        System.out.println("--- " + title);
        counts.entrySet().stream()
                .filter(e -> match == null || e.getKey().contains(match))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", e.getValue() * 100.0 / Math.max(1, samples), e.getKey()));
    }
}
