package chat.clickclack.backup;

import chat.clickclack.http.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * {@code clickclack restore}: unpacks a backup into a data directory. Refuses a directory a server is running
 * on (it holds {@link DataDirLock}), refuses to replace an existing database unless asked to, and checks
 * every file against the manifest in a staging directory first, so a bad archive leaves the target as it was.
 */
public final class Restore {
    /** What was restored. */
    public record Summary(String createdAt, String schemaVersion, int uploads, long totalBytes) {}

    private Restore() {}

    public static Summary run(Path archive, Path databaseFile, Path dataDir, boolean force, Consumer<String> progress)
            throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("no backup archive at " + archive);
        }
        var lock = DataDirLock.tryAcquire(dataDir).orElseThrow(() -> new IllegalArgumentException(
                "a server is running on " + dataDir + ": stop it before restoring into that directory"));
        try (lock; var zip = new ZipFile(archive.toFile())) {
            if (Files.exists(databaseFile) && !force) {
                throw new IllegalArgumentException(databaseFile + " already exists: restore into an empty data directory, "
                        + "or pass --force to replace it");
            }
            var manifest = readManifest(zip);
            var staging = Files.createTempDirectory(dataDir, ".restore-");
            try {
                int uploads = 0;
                long total = 0;
                var listed = new HashSet<String>();
                for (var entry : manifest.files()) {
                    var into = safePath(staging, entry.path());
                    var zipped = zip.getEntry(entry.path());
                    if (zipped == null) {
                        throw new IllegalArgumentException("the archive is incomplete: " + entry.path() + " is missing");
                    }
                    Files.createDirectories(into.getParent());
                    Checksums.Copied copied;
                    try (var in = zip.getInputStream(zipped); OutputStream out = Files.newOutputStream(into)) {
                        copied = Checksums.copy(in, out);
                    }
                    if (copied.bytes() != entry.bytes() || !copied.sha256().equals(entry.sha256())) {
                        throw new IllegalArgumentException("the archive is damaged: " + entry.path() + " does not match its checksum");
                    }
                    listed.add(entry.path());
                    total += copied.bytes();
                    if (entry.path().startsWith("uploads/")) {
                        uploads++;
                    }
                }
                if (!listed.contains(Manifest.DATABASE)) {
                    throw new IllegalArgumentException("the archive holds no database");
                }
                progress.accept("checked " + listed.size() + " file(s) against the manifest");
                install(staging, databaseFile, dataDir);
                return new Summary(manifest.createdAt(), manifest.schemaVersion(), uploads, total);
            } finally {
                deleteTree(staging);
            }
        }
    }

    private static Manifest readManifest(ZipFile zip) throws IOException {
        var entry = zip.getEntry(Manifest.NAME);
        if (entry == null) {
            throw new IllegalArgumentException("not a ClickClack backup: no " + Manifest.NAME + " in the archive");
        }
        Manifest manifest;
        try (var in = zip.getInputStream(entry)) {
            manifest = Json.MAPPER.readValue(in, Manifest.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("not a ClickClack backup: " + Manifest.NAME + " is not valid");
        }
        if (!Manifest.FORMAT.equals(manifest.format()) || manifest.files() == null) {
            throw new IllegalArgumentException("not a ClickClack backup (format " + manifest.format() + ")");
        }
        if (manifest.version() > Manifest.VERSION) {
            throw new IllegalArgumentException("this backup has format version " + manifest.version()
                    + "; this clickclack reads up to " + Manifest.VERSION + ": upgrade clickclack first");
        }
        return manifest;
    }

    /** A path inside {@code root}; an archive naming ../ or an absolute path is refused (zip slip). */
    private static Path safePath(Path root, String name) {
        var resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root) || name.startsWith("/") || name.contains("\\")) {
            throw new IllegalArgumentException("the archive names a file outside the data directory: " + name);
        }
        return resolved;
    }

    /** Moves the checked files into place: the database (its old WAL files go), then the uploads. */
    private static void install(Path staging, Path databaseFile, Path dataDir) throws IOException {
        Files.createDirectories(databaseFile.toAbsolutePath().getParent());
        for (var suffix : new String[] {"-wal", "-shm"}) {
            Files.deleteIfExists(databaseFile.resolveSibling(databaseFile.getFileName() + suffix));
        }
        Files.move(staging.resolve(Manifest.DATABASE), databaseFile, StandardCopyOption.REPLACE_EXISTING);
        var uploads = staging.resolve("uploads");
        if (Files.isDirectory(uploads)) {
            try (Stream<Path> walk = Files.walk(uploads)) {
                for (var file : walk.filter(Files::isRegularFile).toList()) {
                    var into = dataDir.resolve("uploads").resolve(uploads.relativize(file).toString());
                    Files.createDirectories(into.getParent());
                    Files.move(file, into, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (var path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
