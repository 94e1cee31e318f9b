package chat.clickclack.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load generator's entry point: {@code bench/run SCENARIO [--quick] [--json FILE] [--url URL]}.
 *
 * <p>Runs the chosen scenarios one after another, each against its own freshly started server (or the
 * server at --url), prints a table per scenario and, with --json, writes every figure. Exits 1 when any
 * correctness check failed (a lost, duplicated or reordered message, an error response), 2 on bad usage
 * or when the bench itself could not run; a missed performance target is reported, never an exit code.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        int code;
        try {
            code = run(options);
        } catch (Exception e) {
            System.err.println("bench: could not run: " + e);
            e.printStackTrace(System.err);
            code = 2;
        }
        System.exit(code);
    }

    static int run(Options options) throws Exception {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalArgumentException("server jar not found: " + options.jar()
                    + " (build it: ./mvnw -q -pl apps/api -am package -Dskip.npm -DskipTests)");
        }
        EventSocket.useJdkClient = options.jdkWebSocket();
        Api.useJdkClient = options.jdkHttp();
        var httpClient = options.jdkHttp() ? "java.net.http.HttpClient" : "lean (bench LeanHttp)";
        var wsClient = options.jdkWebSocket() ? "java.net.http.WebSocket" : "lean (bench LeanSocket)";
        var recording = startRecording(options.benchJfr());
        var report = new LinkedHashMap<String, Object>();
        report.put("started_at", Instant.now().toString());
        report.put("command", "bench/run " + String.join(" ", options.rawArgs()));
        report.put("mode", options.quick() ? "quick" : "full");
        report.put("http_client", httpClient);
        report.put("websocket_client", wsClient);
        report.put("machine", Machine.describe());
        report.put("server_jar", describeJar(options.jar()));
        var scenarios = new LinkedHashMap<String, Object>();
        report.put("scenarios", scenarios);
        boolean passed = true;
        long started = System.nanoTime();
        System.out.printf("ClickClack bench: %s%s on %d cpus, %s; http client %s, websocket client %s%n", options.scenario(),
                options.quick() ? " --quick" : "", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.runtime.version"), httpClient, wsClient);
        try (var servers = new Servers(options)) {
            for (var name : options.scenarios()) {
                long t0 = System.nanoTime();
                Result result;
                try {
                    result = runOne(name, servers, options);
                } catch (Exception e) {
                    result = new Result(name);
                    result.fail("scenario crashed: " + e);
                    e.printStackTrace(System.err);
                }
                result.settings.put("http_client", options.jdkHttp() ? "jdk" : "lean");
                result.settings.put("ws_client", options.jdkWebSocket() ? "jdk" : "lean");
                result.figures.put("scenario_seconds", Histogram.round((System.nanoTime() - t0) / 1e9));
                System.out.print(result.table());
                System.out.flush();
                scenarios.put(name, result.toJson());
                passed &= result.passed();
                if (options.json() != null) {
                    write(options, report, passed, started);
                }
            }
        }
        if (!options.jdkHttp()) {
            report.put("lean_http", LeanHttp.counters());
        }
        if (recording != null) {
            recording.stop(); // writes the destination
            recording.close();
            System.out.println("bench JFR recording: " + options.benchJfr());
        }
        write(options, report, passed, started);
        System.out.printf("%n%s in %.1f s%n", passed ? "PASSED" : "FAILED", (System.nanoTime() - started) / 1e9);
        return passed ? 0 : 1;
    }

    /**
     * {@code --bench-jfr FILE}: records the load generator itself (the "profile" settings plus CPU-time
     * sampling where the JDK has it), for {@code bench/jfr-top FILE}.
     */
    private static jdk.jfr.Recording startRecording(java.nio.file.Path file) throws Exception {
        if (file == null) {
            return null;
        }
        var recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(2));
        if (Runtime.version().feature() >= 25) {
            recording.enable("jdk.CPUTimeSample").with("throttle", "2ms");
        }
        var parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        recording.setDestination(file);
        recording.setToDisk(true);
        recording.start();
        return recording;
    }

    private static Result runOne(String name, Servers servers, Options options) throws Exception {
        return switch (name) {
            case "send" -> SendScenario.run(servers, options);
            case "fanout" -> FanoutScenario.run(servers, options);
            case "reconnect" -> ReconnectScenario.run(servers, options);
            case "mix" -> MixScenario.run(servers, options);
            case "footprint" -> FootprintScenario.run(servers, options);
            case "soak" -> SoakScenario.run(servers, options);
            case "search" -> SearchScenario.run(servers, options);
            case "upload" -> UploadScenario.run(servers, options);
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }

    /** Which server build was measured: path, size, build time and a content hash. */
    static Map<String, Object> describeJar(java.nio.file.Path jar) throws Exception {
        var out = new LinkedHashMap<String, Object>();
        out.put("path", jar.toString());
        out.put("bytes", Files.size(jar));
        out.put("modified", Files.getLastModifiedTime(jar).toInstant().toString());
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(jar)) {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        out.put("sha256", java.util.HexFormat.of().formatHex(digest.digest()));
        return out;
    }

    private static void write(Options options, Map<String, Object> report, boolean passed, long started) throws Exception {
        if (options.json() == null) {
            return;
        }
        report.put("passed", passed);
        report.put("total_seconds", Histogram.round((System.nanoTime() - started) / 1e9));
        var parent = options.json().toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json().toFile(), report);
    }
}
