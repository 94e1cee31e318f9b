package chat.clickclack.realtime;

import chat.clickclack.events.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The in-memory tail of one workspace's event log: a ring of the most recent events, each with its JSON
 * frame serialized once and shared by every subscriber.
 *
 * <p>Invariant: every event of the workspace with a cursor greater than {@link #floorCursor()} is either
 * in the ring or was evicted from it (and then the floor moved past it). So a subscriber positioned at or
 * after the floor can be fed from memory alone; one behind it reads the database first.
 *
 * <p>The ring is bounded twice: by a count of events and by an estimate of the bytes they hold (the event
 * and, once sent, its frame). Large events (a long message, a big channel update) would otherwise let a
 * count-bounded ring hold gigabytes; past the byte budget the oldest entries are dropped early, and a
 * subscriber that still needed them reads the database, as one that fell behind the count always did.
 *
 * <p>Threading: one appender (the hub, on the writer thread); any number of concurrent readers, without
 * locks. The appender fills a slot, then publishes it by advancing the volatile {@code last}; a reader
 * that finds a slot already overwritten by a lap of the ring notices by its index and falls back to the DB.
 */
final class Feed {
    /**
     * One event in the ring: {@code index} counts the events appended to this feed since start. The frame
     * (the event's JSON, UTF-8 encoded) is made by the first subscriber that sends it, not by the writer
     * thread that appends it, and then shared by every other subscriber: 2,000 subscribers cost one
     * serialization and one encoding, not 2,000 (two racing first senders make equal arrays; harmless).
     */
    static final class Entry {
        private final long index;
        private final long cursor;
        private final Event event;
        private final long bytes;
        private volatile byte[] frame;

        Entry(long index, Event event) {
            this.index = index;
            this.cursor = event.position();
            this.event = event;
            this.bytes = estimateBytes(event);
        }

        /** The payload text plus its frame (about as long again), plus the ids, strings and objects around them. */
        static long estimateBytes(Event event) {
            return ENTRY_OVERHEAD_BYTES + 3L * event.payload().length();
        }

        long index() {
            return index;
        }

        long cursor() {
            return cursor;
        }

        Event event() {
            return event;
        }

        byte[] frame() {
            var f = frame;
            if (f == null) {
                f = Frames.of(event);
                frame = f;
            }
            return f;
        }
    }

    /** What an entry costs besides its payload: the event record, its strings, the entry, a frame's headers. */
    static final long ENTRY_OVERHEAD_BYTES = 512;

    private final AtomicReferenceArray<Entry> ring;
    private final int capacity;
    private final long maxBytes;
    private volatile long last = -1;
    /** The oldest index still held (entries before it were dropped for the byte budget or overwritten). */
    private volatile long first;
    private volatile long floorCursor;
    private long bytes; // appender only

    Feed(int capacity, long maxBytes, long floorCursor) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
        this.ring = new AtomicReferenceArray<>(capacity);
        this.floorCursor = floorCursor;
    }

    /** Appends an event (cursors must increase). Called only by the hub's publishing thread. */
    Entry append(Event event) {
        long index = last + 1;
        var entry = new Entry(index, event);
        var overwritten = ring.get((int) (index % capacity));
        if (overwritten != null && overwritten.index() >= first) {
            drop(overwritten);
        }
        ring.set((int) (index % capacity), entry);
        bytes += entry.bytes;
        last = index;
        // Over budget: drop the oldest, but always keep the newest so live subscribers stay in memory.
        while (bytes > maxBytes && first < index) {
            var oldest = ring.get((int) (first % capacity));
            drop(oldest);
            ring.compareAndSet((int) (oldest.index() % capacity), oldest, null);
        }
        return entry;
    }

    /** Forgets the oldest entry: the floor moves past it first, so a reader that raced us notices. */
    private void drop(Entry oldest) {
        floorCursor = oldest.cursor();
        bytes -= oldest.bytes;
        first = oldest.index() + 1;
    }

    /** The estimated bytes the ring holds now. */
    long bytes() {
        return bytes;
    }

    long floorCursor() {
        return floorCursor;
    }

    long lastIndex() {
        return last;
    }

    /**
     * Entries with a cursor greater than {@code afterCursor}, oldest first, at most {@code max}; or null
     * when some of them are no longer in memory (the caller then reads the database).
     */
    List<Entry> after(long afterCursor, int max) {
        long end = last;
        if (afterCursor < floorCursor) {
            return null;
        }
        long start = Math.max(first, end - capacity + 1);
        // find the first index whose cursor is greater than afterCursor (cursors increase with index)
        long lo = start;
        long hi = end + 1;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            var e = ring.get((int) (mid % capacity));
            if (e == null || e.index() != mid) {
                return null; // overwritten while we looked
            }
            if (e.cursor() <= afterCursor) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        var out = new ArrayList<Entry>((int) Math.min(max, end - lo + 1));
        for (long i = lo; i <= end && out.size() < max; i++) {
            var e = ring.get((int) (i % capacity));
            if (e == null || e.index() != i) {
                return null;
            }
            out.add(e);
        }
        if (afterCursor < floorCursor) {
            return null; // the ring moved on while we copied
        }
        return out;
    }
}
