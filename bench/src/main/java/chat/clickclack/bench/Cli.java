package chat.clickclack.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the server's admin CLI ({@code clickclack admin …}) against a data directory, next to a running
 * server if there is one (WAL and the busy timeout make that safe; the server's hub picks up the events).
 *
 * <p>A CLI call as its own JVM costs one to several seconds on a busy 2-core machine, two per seeded
 * user. The server jar is on the bench's classpath anyway, so the bench calls the very same entry point,
 * {@code chat.clickclack.Main.run(String...)}, in-process (through reflection: the bench never compiles
 * against the server) and captures what it prints. Calls are serialized because stdout is process-wide.
 */
final class Cli {
    private final Method run;

    Cli() {
        try {
            run = Class.forName("chat.clickclack.Main").getMethod("run", String[].class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the server jar must be on the classpath (bench/run puts it there)", e);
        }
    }

    /** Runs one command against a data directory and returns the last line it printed on stdout. */
    synchronized String run(Path dataDir, String... args) throws IOException {
        var command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--data", dataDir.toString()));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var stdout = System.out;
        var stderr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = (int) run.invoke(null, (Object) command.toArray(String[]::new));
        } catch (ReflectiveOperationException e) {
            throw new IOException("CLI `" + String.join(" ", args) + "` failed: " + e.getCause(), e);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        var printed = out.toString(StandardCharsets.UTF_8).trim();
        if (code != 0 || printed.isEmpty()) {
            throw new IOException("CLI `" + String.join(" ", args) + "` exited " + code + ": "
                    + err.toString(StandardCharsets.UTF_8).trim());
        }
        var lines = printed.split("\n");
        return lines[lines.length - 1].trim();
    }
}
