package chat.clickclack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameTest {
    @Test
    void aDurableMessageEventYieldsCursorSeqChannelAndBody() throws Exception {
        var frame = Frame.parse("""
                {"id":"evt_1","cursor":"42","type":"message.created","workspace_id":"wsp_1","channel_id":"chn_1",
                 "seq":7,"created_at":"2026-01-01T00:00:00.000Z",
                 "payload":{"message_id":"msg_1","author_id":"usr_1",
                   "message":{"id":"msg_1","author":{"id":"usr_1","display_name":"A"},"body":"hi t=5","reactions":[]}}}""");
        assertThat(frame.durable()).isTrue();
        assertThat(frame.cursor()).isEqualTo(42);
        assertThat(frame.seq()).isEqualTo(7);
        assertThat(frame.channelId()).isEqualTo("chn_1");
        assertThat(frame.body()).isEqualTo("hi t=5");
    }

    @Test
    void anEphemeralEventHasNoCursor() throws Exception {
        var frame = Frame.parse("""
                {"type":"presence.changed","workspace_id":"wsp_1","channel_id":null,"user_id":"usr_1",
                 "created_at":"2026-01-01T00:00:00.000Z","payload":{"status":"online"}}""");
        assertThat(frame.durable()).isFalse();
        assertThat(frame.body()).isNull();
    }

    @Test
    void aCreateResponseYieldsTheMessageIdSeqAndEventCursor() throws Exception {
        var posted = Frame.message("""
                {"message":{"id":"msg_9","channel_seq":3,"thread_seq":null,"thread_state":{"reply_count":0}},
                 "event":{"id":"evt_9","cursor":"99","payload":{"message":{"id":"msg_9"}}}}""");
        assertThat(posted.id()).isEqualTo("msg_9");
        assertThat(posted.seq()).isEqualTo(3);
        assertThat(posted.cursor()).isEqualTo(99);
    }

    @Test
    void aPageYieldsItsMessageIdsAndOldestSeq() throws Exception {
        var page = Frame.page("""
                {"messages":[{"id":"msg_a","reactions":[{"emoji":"crab"}]},{"id":"msg_b"}],
                 "oldest_seq":11,"newest_seq":12,"has_older":true,"has_newer":false}""");
        assertThat(page.ids()).containsExactly("msg_a", "msg_b");
        assertThat(page.oldestSeq()).isEqualTo(11);
    }
}
