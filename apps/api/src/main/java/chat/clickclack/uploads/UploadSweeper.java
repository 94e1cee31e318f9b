package chat.clickclack.uploads;

import chat.clickclack.db.Database;
import chat.clickclack.ids.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes uploads nobody attached: older than {@code maxAge} (a day by default), not on any message and
 * nobody's avatar. The row goes first (in the single writer, only if it is still unattached), then the
 * files; a crash between the two leaves a file without a row, which the next startup removes.
 */
public final class UploadSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UploadSweeper.class);
    private static final int BATCH = 500;

    private final Database db;
    private final UploadStorage storage;
    private final Duration maxAge;
    private final ScheduledExecutorService timer;

    public UploadSweeper(Database db, UploadStorage storage, Duration maxAge, Duration every) {
        this.db = db;
        this.storage = storage;
        this.maxAge = maxAge;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("clickclack-upload-sweeper").unstarted(r));
        timer.scheduleWithFixedDelay(this::sweepQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; returns how many uploads it removed. */
    public int sweep() {
        var cutoff = Times.format(Instant.now().minus(maxAge));
        int removed = 0;
        while (true) {
            var batch = db.read(c -> UploadStore.abandoned(c, cutoff, BATCH));
            for (var upload : batch) {
                if (db.write(tx -> UploadStore.deleteIfAbandoned(tx.connection(), upload.id()))) {
                    storage.deleteFiles(upload.id());
                    removed++;
                }
            }
            if (batch.size() < BATCH) {
                return removed;
            }
        }
    }

    private void sweepQuietly() {
        try {
            int removed = sweep();
            if (removed > 0) {
                log.info("removed {} upload(s) never attached within {}", removed, maxAge);
            }
        } catch (RuntimeException e) {
            log.warn("upload sweep failed; retrying at the next tick", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
