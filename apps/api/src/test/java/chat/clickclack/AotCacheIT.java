package chat.clickclack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chat.clickclack.testing.ClickClackJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK AOT cache as users get it: the self-executing file ({@code target/clickclack}) and the JVM options script
 * every launcher and the bench read ({@code scripts/jvm-options.sh}). A cache that exists and fits is used (the
 * application's classes come from it); a missing, stale, foreign or corrupt one never breaks a command or writes
 * to its stdout.
 */
class AotCacheIT {
    static final Path SCRIPT = Path.of("../../scripts/jvm-options.sh");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path dir;
    static Path executable;

    record Run(int exit, String stdout, String stderr) {}

    @BeforeAll
    static void copyTheExecutable() throws IOException {
        var built = ClickClackJar.jar().resolveSibling("clickclack");
        assertThat(built).as("the self-executing file (built by `package`)").isRegularFile();
        executable = dir.resolve("clickclack");
        Files.copy(built, executable, StandardCopyOption.COPY_ATTRIBUTES);
    }

    static Run run(Map<String, String> env, List<String> command) throws Exception {
        var builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CLICKCLACK_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        var out = dir.resolve("out.txt");
        var err = dir.resolve("err.txt");
        var process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** {@code clickclack version}, logging where chat.clickclack.Main came from. */
    static Run version() throws Exception {
        var log = dir.resolve("class-load.txt");
        Files.deleteIfExists(log);
        var run = run(Map.of("CLICKCLACK_JAVA_OPTS", "-Xlog:class+load=info:file=" + log),
                List.of(executable.toString(), "version"));
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.stdout()).as("stdout carries the command's output only").matches("clickclack \\S+ \\(Java .*\\)\\n");
        return run;
    }

    static boolean mainCameFromTheCache() throws IOException {
        return Files.readAllLines(dir.resolve("class-load.txt")).stream()
                .anyMatch(l -> l.contains(" chat.clickclack.Main source: shared objects file"));
    }

    static int javaMajor() {
        return Runtime.version().feature();
    }

    static List<String> options(Path artifact) throws Exception {
        var run = run(Map.of(), List.of("bash", SCRIPT.toAbsolutePath().toString(), JAVA, artifact.toString()));
        assertThat(run.exit()).as(run.toString()).isZero();
        return run.stdout().lines().toList();
    }

    @Test
    void withoutACacheTheExecutableRunsAndSaysNothingAboutIt() throws Exception {
        var cache = dir.resolve("clickclack.aot");
        Files.deleteIfExists(cache);
        var run = version();
        assertThat(run.stderr()).isBlank();
        assertThat(mainCameFromTheCache()).isFalse();
        assertThat(options(executable)).noneMatch(o -> o.startsWith("-XX:AOTCache"));
    }

    @Test
    void aTrainedCacheIsUsedAndABadOneIsNot() throws Exception {
        assumeTrue(javaMajor() >= 25, "AOT caches need JDK 25+");
        var training = run(Map.of(), List.of(executable.toString(), "aot-training"));
        assertThat(training.exit()).as(training.toString()).isZero();
        var cache = dir.resolve("clickclack.aot");
        var stamp = dir.resolve("clickclack.aot.jvm");
        assertThat(cache).isNotEmptyFile();
        assertThat(stamp).isNotEmptyFile();

        // a fitting cache: used, silently
        assertThat(options(executable)).contains("-XX:AOTCache=" + cache);
        var used = version();
        assertThat(used.stderr()).isBlank();
        assertThat(mainCameFromTheCache()).as("chat.clickclack.Main loaded from the AOT cache").isTrue();

        // CLICKCLACK_AOT=off: not used
        var off = run(Map.of("CLICKCLACK_AOT", "off"), List.of("bash", SCRIPT.toAbsolutePath().toString(), JAVA,
                executable.toString()));
        assertThat(off.stdout().lines()).noneMatch(o -> o.startsWith("-XX:AOTCache"));

        // written by another JVM build or under other options: not used (the JVM would refuse it noisily)
        var original = Files.readString(stamp);
        Files.writeString(stamp, original.replace("JAVA_RUNTIME_VERSION=", "JAVA_RUNTIME_VERSION=other-"));
        var foreign = version();
        assertThat(foreign.stderr()).isBlank();
        assertThat(mainCameFromTheCache()).isFalse();
        Files.writeString(stamp, original);

        // older than the executable (a rebuild without training): not used
        var cacheTime = Files.getLastModifiedTime(cache);
        Files.setLastModifiedTime(executable, FileTime.fromMillis(cacheTime.toMillis() + 60_000));
        var stale = version();
        assertThat(stale.stderr()).isBlank();
        assertThat(mainCameFromTheCache()).isFalse();
        Files.setLastModifiedTime(cache, FileTime.fromMillis(cacheTime.toMillis() + 120_000));

        // corrupt but apparently fitting: the JVM complains on stderr and runs without it
        var saved = dir.resolve("saved.aot");
        Files.move(cache, saved);
        Files.write(cache, "not an AOT cache".getBytes(StandardCharsets.US_ASCII));
        Files.setLastModifiedTime(cache, FileTime.fromMillis(cacheTime.toMillis() + 120_000));
        var corrupt = version();
        assertThat(mainCameFromTheCache()).isFalse();
        assertThat(corrupt.stdout()).doesNotContain("aot");
        Files.move(saved, cache, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theJarBuiltByPackageComesWithAFittingCacheOnJdk25() throws Exception {
        assumeTrue(javaMajor() >= 25, "AOT caches need JDK 25+");
        var jar = ClickClackJar.jar().toAbsolutePath();
        var cache = Path.of(jar + ".aot");
        assumeTrue(Files.isRegularFile(cache), "package ran with -Daot.skip (no target/clickclack.jar.aot)");
        assertThat(options(jar)).as("the options ./clickclack and the bench start the jar with")
                .contains("-XX:AOTCache=" + cache);
        var command = new ArrayList<String>(List.of(JAVA));
        command.addAll(options(jar));
        command.add("-Xlog:class+load=info:file=" + dir.resolve("class-load.txt"));
        command.addAll(List.of("-jar", jar.toString(), "version"));
        var run = run(Map.of(), command);
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.stderr()).isBlank();
        assertThat(mainCameFromTheCache()).as("chat.clickclack.Main loaded from the jar's AOT cache").isTrue();
    }
}
