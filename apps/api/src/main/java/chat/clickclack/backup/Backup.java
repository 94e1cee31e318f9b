package chat.clickclack.backup;

import chat.clickclack.http.Json;
import chat.clickclack.ids.Times;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code clickclack backup}: one zip archive with a consistent copy of the database, the uploads, and a
 * manifest with a SHA-256 per file. Safe while the server runs: {@code VACUUM INTO} copies the database as of
 * one read transaction (WAL readers never block the writer), so the copy holds every message acknowledged
 * before it began, and nothing half-written. Uploads are copied afterwards: a file written meanwhile may
 * come along unreferenced, which is harmless; the archive appears under its name only when it is complete.
 */
public final class Backup {
    /** What was written. */
    public record Summary(Path archive, long databaseBytes, int uploads, long totalBytes) {}

    private Backup() {}

    public static Summary create(Path databaseFile, Path dataDir, Path out, Consumer<String> progress)
            throws IOException, SQLException {
        if (!Files.isRegularFile(databaseFile)) {
            throw new IllegalArgumentException("no database at " + databaseFile + " (check --data or --db)");
        }
        var target = out.toAbsolutePath();
        Files.createDirectories(target.getParent());
        var snapshot = Files.createTempFile(target.getParent(), ".clickclack-backup-", ".db");
        var partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.delete(snapshot); // VACUUM INTO wants to create the file itself
            progress.accept("copying the database");
            var schema = snapshotDatabase(databaseFile, snapshot);
            var entries = new ArrayList<Manifest.Entry>();
            int uploads = 0;
            try (var zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                entries.add(add(zip, Manifest.DATABASE, snapshot));
                for (var file : uploadFiles(dataDir.resolve("uploads"))) {
                    var name = "uploads/" + dataDir.resolve("uploads").relativize(file).toString().replace('\\', '/');
                    entries.add(add(zip, name, file));
                    uploads++;
                    if (uploads % 1000 == 0) {
                        progress.accept("copied " + uploads + " uploads");
                    }
                }
                // Last, once every checksum is known; a restore reads it first (zip entries are random access).
                zip.putNextEntry(new ZipEntry(Manifest.NAME));
                var manifest = new Manifest(Manifest.FORMAT, Manifest.VERSION, Times.now(), schema, List.copyOf(entries));
                zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long total = entries.stream().mapToLong(Manifest.Entry::bytes).sum();
            return new Summary(target, entries.getFirst().bytes(), uploads, total);
        } finally {
            Files.deleteIfExists(snapshot);
            Files.deleteIfExists(partial);
        }
    }

    /** Copies the live database into {@code snapshot}; returns its schema version. */
    private static String snapshotDatabase(Path databaseFile, Path snapshot) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath())) {
            try (var s = c.createStatement()) {
                s.executeUpdate("PRAGMA busy_timeout = 10000"); // closed before the VACUUM, which wants none open
            }
            try (var vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, snapshot.toString());
                vacuum.execute();
            }
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + snapshot);
                var s = c.createStatement();
                var rows = s.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static Manifest.Entry add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Checksums.Copied copied;
        try (InputStream in = Files.newInputStream(file)) {
            copied = Checksums.copy(in, zip);
        }
        zip.closeEntry();
        return new Manifest.Entry(name, copied.bytes(), copied.sha256());
    }

    private static List<Path> uploadFiles(Path uploads) throws IOException {
        if (!Files.isDirectory(uploads)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(uploads)) {
            // Temporary files of uploads still streaming in (tmp/) are not uploads yet; thumbnails are a cache,
            // made again on first request after a restore. Avatars stay: they are what users chose.
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> {
                        var top = uploads.relativize(p).getName(0).toString();
                        return !top.equals("tmp") && !top.equals("thumbnails");
                    })
                    .sorted().toList();
        }
    }
}
