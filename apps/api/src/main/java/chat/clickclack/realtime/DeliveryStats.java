package chat.clickclack.realtime;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the hub delivered and dropped, for /metrics. LongAdders: every sender thread bumps them
 * on every send, and a contended AtomicLong there would cost more than the counting is worth.
 */
public final class DeliveryStats {
    final LongAdder frames = new LongAdder();
    final LongAdder slowConsumerCloses = new LongAdder();
    final LongAdder ephemeralDropped = new LongAdder();

    /** WebSocket frames sent (durable and ephemeral events). */
    public long frames() {
        return frames.sum();
    }

    /** Sockets closed with 1013 for falling too far behind. */
    public long slowConsumerCloses() {
        return slowConsumerCloses.sum();
    }

    /** Ephemeral events not queued because a socket's ephemeral queue was full. */
    public long ephemeralDropped() {
        return ephemeralDropped.sum();
    }
}
