package chat.clickclack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.testing.ClickClackJar;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, {@code clickclack backup} and {@code restore} as an operator types them, against the jar: a backup
 * of a running server, a restore into a new directory that a server then serves, and the refusals — an
 * existing database without --force, and a directory a server (another process) is running on.
 */
class BackupCliIT {
    @TempDir
    Path dir;

    @Test
    void backupWhileServingRestoreAndTheRefusals() throws Exception {
        var data = dir.resolve("data");
        assertThat(ClickClackJar.run(dir, "admin", "bootstrap", "--name", "Ada", "--email", "ada@example.com",
                "--data", data.toString()).exitCode()).isZero();
        var archive = dir.resolve("backups/reef.zip");
        try (var live = ClickClackJar.serve(data)) {
            var backup = ClickClackJar.run(dir, "backup", "--data", data.toString(), "--out", archive.toString());
            assertThat(backup.exitCode()).as(backup.stderr()).isZero();
            assertThat(backup.stdout().strip()).isEqualTo(archive.toAbsolutePath().toString());
            assertThat(backup.stderr()).contains("backed up the database");

            var overLive = ClickClackJar.run(dir, "restore", "--from", archive.toString(), "--data", data.toString(), "--force");
            assertThat(overLive.exitCode()).isNotZero();
            assertThat(overLive.stderr()).contains("a server is running on");
        }
        assertThat(Files.size(archive)).isPositive();

        var restored = dir.resolve("restored");
        var restore = ClickClackJar.run(dir, "restore", "--from", archive.toString(), "--data", restored.toString());
        assertThat(restore.exitCode()).as(restore.stderr()).isZero();
        assertThat(restore.stdout()).contains("restored the backup of").contains(restored.toString());

        var again = ClickClackJar.run(dir, "restore", "--from", archive.toString(), "--data", restored.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("already exists").contains("--force");

        var workspaces = ClickClackJar.run(dir, "admin", "workspace", "list", "--data", restored.toString());
        assertThat(workspaces.exitCode()).as(workspaces.stderr()).isZero();
        assertThat(workspaces.stdout()).as("the bootstrapped workspace came back").contains("ClickClack");
    }
}
