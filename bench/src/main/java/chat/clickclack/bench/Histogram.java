package chat.clickclack.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram in microseconds that many threads record into without locks.
 *
 * <p>Log-linear buckets: exact below {@value #LINEAR_MICROS} µs, then {@value #SUB_BUCKETS} buckets per
 * power of two (under 1.6 % error), up to about 2^40 µs. Percentiles are read from the buckets, so recording
 * a million deliveries costs a million atomic increments and no memory.
 *
 * <p>Threading: {@link #record} from any thread; read methods give a consistent-enough view once
 * recording has stopped.
 */
final class Histogram {
    static final int LINEAR_MICROS = 1024;
    private static final int SUB_BUCKETS = 64;
    private static final int SUB_BITS = 6;
    private static final int LINEAR_BITS = 10;
    private static final int MAX_EXPONENT = 40;

    private final AtomicLongArray counts = new AtomicLongArray(LINEAR_MICROS + (MAX_EXPONENT - LINEAR_BITS + 1) * SUB_BUCKETS);
    private final LongAdder count = new LongAdder();
    private final LongAdder sumMicros = new LongAdder();
    private final java.util.concurrent.atomic.AtomicLong maxMicros = new java.util.concurrent.atomic.AtomicLong();

    /** Records one latency given in nanoseconds. */
    void recordNanos(long nanos) {
        record(Math.max(0, nanos / 1000));
    }

    void record(long micros) {
        counts.incrementAndGet(bucket(micros));
        count.increment();
        sumMicros.add(micros);
        maxMicros.accumulateAndGet(micros, Math::max);
    }

    /** Adds every recording of another histogram to this one. */
    void add(Histogram other) {
        for (int i = 0; i < other.counts.length(); i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
        count.add(other.count.sum());
        sumMicros.add(other.sumMicros.sum());
        maxMicros.accumulateAndGet(other.maxMicros.get(), Math::max);
    }

    long count() {
        return count.sum();
    }

    double meanMillis() {
        long n = count();
        return n == 0 ? 0 : sumMicros.sum() / 1000.0 / n;
    }

    double maxMillis() {
        return maxMicros.get() / 1000.0;
    }

    /** The latency below which {@code percentile} % of recordings fall, in milliseconds. */
    double percentileMillis(double percentile) {
        long n = count();
        if (n == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(percentile / 100.0 * n);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) {
                return Math.min(upperMicros(i), maxMicros.get()) / 1000.0;
            }
        }
        return maxMillis();
    }

    /** count, mean, p50, p95, p99, max: the shape every scenario reports. */
    Map<String, Object> summary() {
        var out = new LinkedHashMap<String, Object>();
        out.put("count", count());
        out.put("mean_ms", round(meanMillis()));
        out.put("p50_ms", round(percentileMillis(50)));
        out.put("p95_ms", round(percentileMillis(95)));
        out.put("p99_ms", round(percentileMillis(99)));
        out.put("max_ms", round(maxMillis()));
        return out;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static int bucket(long micros) {
        if (micros < LINEAR_MICROS) {
            return (int) micros;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(micros);
        if (exponent > MAX_EXPONENT) {
            exponent = MAX_EXPONENT;
            micros = (1L << (MAX_EXPONENT + 1)) - 1;
        }
        int sub = (int) ((micros >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1));
        return LINEAR_MICROS + (exponent - LINEAR_BITS) * SUB_BUCKETS + sub;
    }

    /** The largest value that falls into bucket {@code index}. */
    static long upperMicros(int index) {
        if (index < LINEAR_MICROS) {
            return index;
        }
        int exponent = (index - LINEAR_MICROS) / SUB_BUCKETS + LINEAR_BITS;
        int sub = (index - LINEAR_MICROS) % SUB_BUCKETS;
        long base = 1L << exponent;
        long width = 1L << (exponent - SUB_BITS);
        return base + (sub + 1) * width - 1;
    }
}
