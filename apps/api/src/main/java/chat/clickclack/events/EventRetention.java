package chat.clickclack.events;

import chat.clickclack.db.Database;
import chat.clickclack.db.Settings;
import chat.clickclack.db.Sql;
import chat.clickclack.ids.Times;
import java.time.Instant;

/**
 * Prunes old events. Messages and channels stay; only the replay history shrinks. Clients holding a
 * cursor older than the new floor get "resync required" and refetch over HTTP.
 */
public final class EventRetention {
    /** What a prune removed. */
    public record Pruned(long deleted, long floor) {}

    private EventRetention() {}

    public static Pruned pruneBefore(Database db, Instant cutoff) {
        return db.write(tx -> {
            var c = tx.connection();
            long newFloor = Sql.longValue(c, "SELECT coalesce(max(cursor), 0) FROM events WHERE created_at < ?",
                    Times.format(cutoff));
            long floor = Math.max(newFloor, Cursors.floor(c));
            long deleted = Sql.update(c, "DELETE FROM events WHERE cursor <= ?", floor);
            Settings.put(c, Settings.EVENTS_FLOOR, Long.toString(floor));
            return new Pruned(deleted, floor);
        });
    }
}
