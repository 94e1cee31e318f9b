package chat.clickclack.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import chat.clickclack.events.Event;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 2: the in-memory feed was bounded by a count only, so large events let it hold gigabytes.
 * Past its byte budget it now drops the oldest entries and says so through its floor (subscribers behind
 * the floor read the database).
 */
class FeedBudgetTest {
    private static Event event(long cursor, int payloadChars) {
        var payload = "{\"body\":\"" + "x".repeat(payloadChars) + "\"}";
        return new Event("evt_" + cursor, Long.toString(cursor), "message.created", "wsp_1", "chn_1", cursor,
                "2026-01-01T00:00:00Z", payload);
    }

    @Test
    void largeEventsAreDroppedOncePastTheByteBudgetWhileTheNewestStays() {
        long budget = 64 * 1024;
        var feed = new Feed(4096, budget, 0);
        for (long c = 1; c <= 200; c++) {
            feed.append(event(c, 10_000));
            assertThat(feed.bytes()).isLessThanOrEqualTo(budget);
        }
        // Each entry is ~30 KB by the estimate: only the newest two fit, far fewer than the 4,096 slots.
        assertThat(feed.floorCursor()).isEqualTo(198);
        assertThat(feed.after(197, 10)).isNull(); // behind the floor: the caller reads the database
        var tail = feed.after(198, 10);
        assertThat(tail).extracting(Feed.Entry::cursor).containsExactly(199L, 200L);
    }

    @Test
    void anEventLargerThanTheWholeBudgetIsStillHeldUntilTheNextOne() {
        var feed = new Feed(16, 64 * 1024, 0);
        feed.append(event(1, 100_000));
        assertThat(feed.after(0, 10)).extracting(Feed.Entry::cursor).containsExactly(1L);
        feed.append(event(2, 10));
        assertThat(feed.floorCursor()).isEqualTo(1);
        assertThat(feed.after(1, 10)).extracting(Feed.Entry::cursor).containsExactly(2L);
    }

    @Test
    void smallEventsStillWrapByCountAsBefore() {
        var feed = new Feed(8, 32L * 1024 * 1024, 0);
        for (long c = 1; c <= 20; c++) {
            feed.append(event(c, 10));
        }
        assertThat(feed.floorCursor()).isEqualTo(12);
        assertThat(feed.after(12, 100)).extracting(Feed.Entry::cursor).containsExactly(13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
        assertThat(feed.bytes()).isEqualTo(8 * Feed.Entry.estimateBytes(event(1, 10)));
    }
}
