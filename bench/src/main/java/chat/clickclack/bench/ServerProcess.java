package chat.clickclack.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server started from the jar under test: {@code java -jar clickclack.jar serve --dev} on a loopback port
 * and a data directory of our choosing, its output in {@code server.log} beside the data.
 *
 * <p>The JVM options are the ones every user gets: {@code scripts/jvm-options.sh} (the launchers' single source
 * of truth) prints them for the jar and the JVM at hand, including {@code -XX:AOTCache} when the build wrote a
 * cache that fits; {@code --server-jvm} options come after them.
 *
 * <p>Cold start is measured from just before the process is spawned to the first {@code /readyz} 200,
 * polled every few milliseconds on a port chosen in advance (so no time is lost reading its stdout).
 * RSS and CPU time come from {@code /proc}, which is what an operator's {@code top} would show.
 */
final class ServerProcess implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final long READY_POLL_MILLIS = 5;
    static final long STOP_TIMEOUT_SECONDS = 20;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /**
     * The bench posts, reacts and creates channels far faster than any person from a few seeded users, so it
     * raises the per-user rate limits and quotas out of its way. It keeps them on (not off): the limiter's
     * cost stays inside what the send path measures. An env given by the scenario wins.
     */
    static final Map<String, String> BENCH_LIMITS = Map.ofEntries(
            Map.entry("CLICKCLACK_RATE_MESSAGE_POST", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_REACTION", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_EPHEMERAL", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_CHANNEL_CREATE", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_WORKSPACE_CREATE", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_INVITE_ACCEPT", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_SIGN_IN", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_SEARCH", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_WEBHOOK", "1000000000/1s"),
            Map.entry("CLICKCLACK_RATE_UPLOAD", "1000000000/1s"),
            Map.entry("CLICKCLACK_QUOTA_CHANNELS_PER_WORKSPACE", "1000000"),
            Map.entry("CLICKCLACK_QUOTA_WORKSPACES_PER_USER", "1000000"));

    final Process process;
    final String url;
    final Path dataDir;
    final Path log;
    final long coldStartMillis;

    private ServerProcess(Process process, String url, Path dataDir, Path log, long coldStartMillis) {
        this.process = process;
        this.url = url;
        this.dataDir = dataDir;
        this.log = log;
        this.coldStartMillis = coldStartMillis;
    }

    static final Map<String, String> SOCKET_CAPS_LIFTED = Map.of(
            "CLICKCLACK_MAX_SOCKETS_PER_USER", "1000000", "CLICKCLACK_MAX_SOCKETS_PER_IP", "1000000");

    /** Starts a server and waits until it answers {@code /readyz} with 200. */
    static ServerProcess start(Path jar, Path dataDir, Map<String, String> env, List<String> jvmOptions, Path jfrFile)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        int port = freePort();
        var extra = new ArrayList<String>();
        if (jfrFile != null) {
            // CPU-time sampling (JDK 25, Linux) sees native SQLite time too; execution samples every 2 ms.
            extra.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile,dumponexit=true,"
                    + "jdk.CPUTimeSample#enabled=true,jdk.CPUTimeSample#throttle=2ms,jdk.ExecutionSample#period=2ms");
        }
        extra.addAll(jvmOptions);
        var command = new ArrayList<String>();
        command.add(Machine.javaBinary());
        command.addAll(jvmOptions(jar, extra, env));
        command.addAll(List.of("-jar", jar.toString(), "serve", "--addr", "127.0.0.1:" + port,
                "--data", dataDir.toString(), "--dev"));
        var log = dataDir.resolve("server.log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The bench's simulated users share a few identities from one loopback address, thousands of sockets
        // each: lift the per-user and per-address socket caps (issue 15) unless --server-env sets them.
        builder.environment().putAll(SOCKET_CAPS_LIFTED);
        // Rate limits and quotas (issue 15) are raised, not off, so their cost stays in the figures.
        builder.environment().putAll(BENCH_LIMITS);
        builder.environment().putAll(env);
        long started = System.nanoTime();
        var process = builder.start();
        long deadline = started + START_TIMEOUT.toNanos();
        while (!ready(port)) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + " before it was ready; log:\n"
                        + tail(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("the server was not ready within " + START_TIMEOUT.toSeconds() + " s; log:\n" + tail(log));
            }
            Thread.sleep(READY_POLL_MILLIS);
        }
        long coldStart = (System.nanoTime() - started) / 1_000_000;
        return new ServerProcess(process, "http://127.0.0.1:" + port, dataDir, log, coldStart);
    }

    /**
     * The JVM options for {@code jar}: what {@code scripts/jvm-options.sh JAVA JAR EXTRA...} prints (found beside the
     * jar's repository, or the working directory's), so the bench starts the server the way the launchers do.
     * Without the script: {@code --enable-native-access=ALL-UNNAMED} and {@code extra}, with a warning.
     */
    static List<String> jvmOptions(Path jar, List<String> extra, Map<String, String> env) throws IOException, InterruptedException {
        var script = jvmOptionsScript(jar);
        if (script == null) {
            if (!warnedNoScript) {
                warnedNoScript = true;
                System.err.println("bench: scripts/jvm-options.sh not found near " + jar
                        + ": starting the server without the launchers' JVM options or AOT cache");
            }
            var options = new ArrayList<String>();
            options.add("--enable-native-access=ALL-UNNAMED");
            options.addAll(extra);
            return options;
        }
        var command = new ArrayList<String>(List.of("bash", script.toString(), Machine.javaBinary(), jar.toString()));
        command.addAll(extra);
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(script + " failed (exit " + process.exitValue() + ")");
        }
        return out.lines().filter(l -> !l.isEmpty()).toList();
    }

    private static volatile boolean warnedNoScript;

    private static Path jvmOptionsScript(Path jar) {
        var starts = new ArrayList<Path>();
        starts.add(jar.toAbsolutePath().getParent());
        starts.add(Path.of("").toAbsolutePath());
        for (var start : starts) {
            for (var dir = start; dir != null; dir = dir.getParent()) {
                var script = dir.resolve("scripts").resolve("jvm-options.sh");
                if (Files.isRegularFile(script)) {
                    return script;
                }
            }
        }
        return null;
    }

    /** A plain HTTP/1.1 GET over a socket: no client library warm-up distorts the cold-start figure. */
    private static boolean ready(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(2000);
            var out = socket.getOutputStream();
            out.write(("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            var status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return status.startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size in MiB, from /proc/PID/status. */
    double rssMib() {
        return Machine.rssMib(pid());
    }

    /** User + system CPU time the server has used so far, in milliseconds. */
    long cpuMillis() {
        try {
            var stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU milliseconds used so far by each kind of server thread, from /proc/PID/task/*: names with their
     * numbers stripped ("C2 CompilerThre", "GC Thread#", "ForkJoinPool-1-worker-" for virtual-thread
     * carriers, "clickclack-writer", …). Shows JIT and GC cost next to request work.
     */
    Map<String, Long> cpuMillisByThread() {
        var out = new java.util.TreeMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc/" + pid() + "/task"))) {
            for (var task : tasks.toList()) {
                try {
                    var name = Files.readString(task.resolve("comm")).trim().replaceAll("[#-]?\\d+$", "");
                    var stat = Files.readString(task.resolve("stat"));
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    out.merge(name, ticks * 1000 / CLOCK_TICKS_PER_SECOND, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** Number of threads of the server process. */
    int threads() {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid() + "/status")).stream()
                    .filter(l -> l.startsWith("Threads:")).mapToInt(l -> Integer.parseInt(l.substring(8).trim()))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Stops the server the way an operator would (SIGTERM: it drains and exits), forcibly if it hangs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
