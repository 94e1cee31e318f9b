package chat.clickclack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the server jar's admin CLI ({@code clickclack admin …}) as a separate JVM, the way an operator would.
 *
 * <p>Each call is a JVM start (over a second), so calls use a client-compiler-only JVM with an
 * automatically created CDS archive, which roughly halves that; the first call writes the archive.
 * JVM logging is off because stdout carries the command's result (an id or a token).
 */
final class Cli {
    static final long TIMEOUT_SECONDS = 120;

    private final Path jar;
    private final Path cdsArchive;

    Cli(Path jar, Path workDir) {
        this.jar = jar;
        this.cdsArchive = workDir.resolve("cli.jsa");
    }

    /** Runs one command against a data directory and returns the last line it printed on stdout. */
    String run(Path dataDir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(Machine.javaBinary(), "--enable-native-access=ALL-UNNAMED",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:disable", "-Xlog:all=off",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cdsArchive,
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--data", dataDir.toString()));
        var process = new ProcessBuilder(command).start();
        var stdout = process.getInputStream().readAllBytes();
        var stderr = process.getErrorStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("CLI timed out: " + String.join(" ", args));
        }
        var out = new String(stdout, StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0 || out.isEmpty()) {
            throw new IOException("CLI `" + String.join(" ", args) + "` exited " + process.exitValue() + ": "
                    + new String(stderr, StandardCharsets.UTF_8).trim());
        }
        var lines = out.split("\n");
        return lines[lines.length - 1].trim();
    }
}
