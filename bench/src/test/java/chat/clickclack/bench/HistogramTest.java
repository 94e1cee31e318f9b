package chat.clickclack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void percentilesOfAUniformSpreadLandWithinTheBucketError() {
        var h = new Histogram();
        for (int ms = 1; ms <= 1000; ms++) {
            h.record(ms * 1000L);
        }
        assertThat(h.count()).isEqualTo(1000);
        assertThat(h.percentileMillis(50)).isCloseTo(500, within(500 * 0.02));
        assertThat(h.percentileMillis(99)).isCloseTo(990, within(990 * 0.02));
        assertThat(h.meanMillis()).isCloseTo(500.5, within(0.01));
        assertThat(h.maxMillis()).isEqualTo(1000);
    }

    @Test
    void microsecondLatenciesBelowOneMillisecondAreExact() {
        var h = new Histogram();
        h.record(17);
        h.record(900);
        assertThat(h.percentileMillis(50)).isEqualTo(0.017);
        assertThat(h.percentileMillis(100)).isEqualTo(0.9);
    }

    @Test
    void everyBucketUpperBoundMapsBackToItsBucket() {
        for (int i = 0; i < 3000; i++) {
            assertThat(Histogram.bucket(Histogram.upperMicros(i))).isEqualTo(i);
        }
    }

    @Test
    void addingHistogramsMergesTheirCounts() {
        var a = new Histogram();
        var b = new Histogram();
        a.record(1000);
        b.record(3000);
        a.add(b);
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.maxMillis()).isEqualTo(3);
    }
}
