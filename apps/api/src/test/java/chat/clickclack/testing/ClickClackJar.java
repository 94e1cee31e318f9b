package chat.clickclack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The shaded jar (apps/api/target/clickclack.jar) run as a real child process, for the integration
 * tests: one-shot CLI commands with their exit code and output, and {@code serve} as a server that can
 * be stopped politely (SIGTERM) or killed (SIGKILL).
 *
 * <p>Children never inherit CLICKCLACK_* variables from the build's environment, so a test controls
 * its configuration completely.
 */
public final class ClickClackJar {
    /** What a finished command did. */
    public record Result(int exitCode, String stdout, String stderr) {
        public List<String> stdoutLines() {
            return stdout.lines().toList();
        }

        public List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    /** Reads children's output; virtual threads, so a blocked pipe never waits for a free pool thread. */
    private static final Executor READERS = Executors.newVirtualThreadPerTaskExecutor();
    /** serve's ready line; for every interface (0.0.0.0) the tests talk to loopback. */
    private static final Pattern LISTENING = Pattern.compile("listening on http://(127\\.0\\.0\\.1|0\\.0\\.0\\.0):(\\d+)");

    private ClickClackJar() {}

    public static Path jar() {
        var configured = System.getProperty("clickclack.jar");
        var jar = Path.of(configured != null ? configured : "target/clickclack.jar");
        assertThat(jar).as("the shaded jar (built by `package`)").isRegularFile();
        return jar;
    }

    /**
     * The java command for the jar. Short-lived commands start faster: no optimizing JIT, and a class-data
     * archive next to the jar that the first command creates and the rest reuse (JVM logging off, so a
     * stale archive can never print into the stdout a test asserts on).
     */
    private static List<String> command(boolean shortLived, List<String> args) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (shortLived) {
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + jar().resolveSibling("clickclack-cli-tests.jsa"));
            command.add("-Xlog:disable");
        }
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(args);
        return command;
    }

    private static ProcessBuilder builder(Path workDir, Map<String, String> env, List<String> command) {
        var builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("CLICKCLACK_"));
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs a command in {@code workDir} with extra environment variables and waits for it. */
    public static Result run(Path workDir, Map<String, String> env, String... args) {
        return runWithInput(workDir, env, "", args);
    }

    /** Like {@link #run(Path, Map, String...)} with {@code stdin} written to the command's standard input. */
    public static Result runWithInput(Path workDir, Map<String, String> env, String stdin, String... args) {
        try {
            var process = builder(workDir, env, command(true, List.of(args))).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            var stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), READERS);
            var stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), READERS);
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("clickclack " + String.join(" ", args) + " did not finish in " + COMMAND_TIMEOUT);
            }
            return new Result(process.exitValue(), stdout.get(30, TimeUnit.SECONDS), stderr.get(30, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the output of clickclack " + String.join(" ", args), e);
        }
    }

    /** Runs a command in {@code workDir} with no CLICKCLACK_* environment. */
    public static Result run(Path workDir, String... args) {
        return run(workDir, Map.of(), args);
    }

    /**
     * Starts a long-running command (such as {@code tail --follow}) with its stdin closed; the caller reads its
     * output and stops it.
     */
    public static Process start(Path workDir, Map<String, String> env, String... args) {
        try {
            var process = builder(workDir, env, command(false, List.of(args))).start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code clickclack serve --addr 127.0.0.1:0 --data DIR} plus {@code flags} and waits until it
     * prints its listening line. stderr goes to {@code DIR/../serve-N.stderr.log}.
     */
    public static Server serve(Path dataDir, String... flags) {
        return serveAt("127.0.0.1:0", dataDir, flags);
    }

    /** Like {@link #serve} with another {@code --addr}, such as {@code :0} for every interface. */
    public static Server serveAt(String addr, Path dataDir, String... flags) {
        var args = new ArrayList<>(List.of("serve", "--addr", addr, "--data", dataDir.toString()));
        args.addAll(List.of(flags));
        try {
            Files.createDirectories(dataDir);
            var stderr = Files.createTempFile(dataDir.toAbsolutePath().getParent(), "serve-", ".stderr.log");
            var process = builder(dataDir.toAbsolutePath().getParent(), Map.of(), command(false, args))
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            var url = new CompletableFuture<String>();
            var stdout = new StringBuffer();
            Thread.ofVirtual().start(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = reader.readLine()) != null; ) {
                        stdout.append(line).append('\n');
                        var m = LISTENING.matcher(line);
                        if (m.find()) {
                            url.complete("http://127.0.0.1:" + m.group(2));
                        }
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
                url.completeExceptionally(new IllegalStateException("serve ended without listening"));
            });
            try {
                return new Server(process, url.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS), stdout, stderr);
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("serve did not start:\n" + stdout + Files.readString(stderr), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A running {@code clickclack serve} child process. */
    public static final class Server implements AutoCloseable {
        private final Process process;
        private final String url;
        private final StringBuffer stdout;
        private final Path stderr;

        private Server(Process process, String url, StringBuffer stdout, Path stderr) {
            this.process = process;
            this.url = url;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public String url() {
            return url;
        }

        public Process process() {
            return process;
        }

        /** A caller without credentials (from loopback). */
        public Api anonymous() {
            return new Api(url, Map.of());
        }

        /** A caller with a bearer token. */
        public Api bearer(String token) {
            return new Api(url, Map.of("Authorization", "Bearer " + token));
        }

        /** SIGKILL: no shutdown hook, no flush, no checkpoint. Returns once the process is gone. */
        public void kill() {
            try {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** SIGTERM, then waits up to {@code timeout}; returns the exit code, or -1 if it is still running. */
        public int terminate(Duration timeout) throws InterruptedException {
            process.destroy();
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        }

        public String stdout() {
            return stdout.toString();
        }

        public String stderr() {
            try {
                return Files.readString(stderr);
            } catch (IOException e) {
                return "(stderr unreadable: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
