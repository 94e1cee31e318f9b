package chat.clickclack.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where upload bytes live, under {@code data/uploads/}:
 * <pre>
 *   tmp/.upl-….part        bytes still streaming in (deleted at startup: a crash mid-upload leaves nothing)
 *   files/XY/upl_…          the uploads (XY: the id's last two characters, so no folder holds millions)
 *   thumbnails/upl_….png|jpg  previews, made on first request
 *   avatars/upl_….png       256 × 256 avatars made from an upload
 * </pre>
 * Every file arrives by an atomic rename from tmp/ (same file system), so a reader never sees half of one.
 * An upload's row is inserted only after its file is in place, and {@link #reconcile} at startup deletes
 * any file whose upload has no row: together, a crash at any point leaves either both or neither.
 */
public final class UploadStorage {
    private static final Logger log = LoggerFactory.getLogger(UploadStorage.class);

    private final Path root;
    private final Path tmp;
    private final boolean fsync;

    public UploadStorage(Path dataDir) {
        this(dataDir, false);
    }

    /**
     * @param fsync flush each file and its folder entry to the disk before its row is written: as durable as
     *              the database with {@code synchronous=full} (power loss). Without it a file is as durable as
     *              the database's {@code normal}: it survives the process being killed (the page cache has it),
     *              and costs no fsync per upload (about 20 ms each on these machines).
     */
    public UploadStorage(Path dataDir, boolean fsync) {
        this.fsync = fsync;
        this.root = dataDir.resolve("uploads");
        this.tmp = root.resolve("tmp");
        try {
            for (var dir : new String[] {"tmp", "files", "thumbnails", "avatars"}) {
                Files.createDirectories(root.resolve(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + root, e);
        }
    }

    Path root() {
        return root;
    }

    /** A new temporary file in tmp/ (its name starts with a dot, which backups skip). */
    Path newTemp() throws IOException {
        return Files.createTempFile(tmp, ".upl-", ".part");
    }

    static String storagePath(String id) {
        return "files/" + id.substring(id.length() - 2) + "/" + id;
    }

    Path resolve(String storagePath) {
        return root.resolve(storagePath);
    }

    Path thumbnail(String id, String extension) {
        return root.resolve("thumbnails").resolve(id + "." + extension);
    }

    Path avatar(String id) {
        return root.resolve("avatars").resolve(id + ".png");
    }

    /** Renames a finished temp file to {@code target}; with fsync on, flushes the file first and the folder after. */
    void moveIntoPlace(Path temp, Path target) throws IOException {
        if (fsync) {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (fsync) {
            syncDirectory(target.getParent());
        }
    }

    private static void syncDirectory(Path dir) {
        try (var channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every file system lets a directory be opened for sync; the rename itself is still atomic.
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}; the next startup removes it", file, e);
        }
    }

    /** Deletes an upload's bytes and everything made from them. */
    public void deleteFiles(String id) {
        deleteQuietly(resolve(storagePath(id)));
        deleteQuietly(thumbnail(id, "png"));
        deleteQuietly(thumbnail(id, "jpg"));
        deleteQuietly(avatar(id));
    }

    public void deleteFiles(Collection<String> ids) {
        ids.forEach(this::deleteFiles);
    }

    /**
     * At startup, before anything is served: deletes every temp file (uploads a crash cut off) and every
     * file whose upload has no row (a crash between the rename and the insert, or after a row's delete).
     * Returns how many files it removed.
     */
    int reconcile(Set<String> ids) {
        int removed = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (var file : walk.filter(Files::isRegularFile).toList()) {
                var relative = root.relativize(file);
                var top = relative.getName(0).toString();
                var name = file.getFileName().toString();
                var id = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
                boolean keep = switch (top) {
                    case "files", "thumbnails", "avatars" -> ids.contains(id);
                    case "tmp" -> false;
                    default -> true; // a file an operator put beside our folders is not ours to delete
                };
                if (!keep) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (NoSuchFileException e) {
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root, e);
        }
        if (removed > 0) {
            log.info("removed {} leftover upload file(s) without a row (temporary or from an interrupted write)", removed);
        }
        return removed;
    }
}
