package chat.clickclack.bench;

import java.io.IOException;
import java.util.Map;

/** Reads a channel's whole timeline back over HTTP and checks it against what the senders were told. */
final class Timeline {
    static final int PAGE = 200;

    private Timeline() {}

    /**
     * Checks that the channel holds exactly the acknowledged messages: sequences 1..n without gaps or
     * duplicates, and each acknowledged id at the sequence its sender was given.
     *
     * @param ackedBySeq channel_seq → message id, as answered to the senders
     * @return how many messages the channel holds
     */
    static long verify(Target target, String channelId, Map<Long, String> ackedBySeq, Result result)
            throws IOException, InterruptedException {
        long expectedSeq = 1;
        long after = 0;
        while (true) {
            var page = target.api.get(target.owner().token(),
                    "/api/channels/" + channelId + "/messages?after_seq=" + after + "&limit=" + PAGE).require("page " + channelId);
            var messages = page.path("messages");
            for (var message : messages) {
                long seq = message.path("channel_seq").asLong();
                if (seq != expectedSeq) {
                    result.fail("channel " + channelId + ": expected channel_seq " + expectedSeq + " but found " + seq);
                    return seq;
                }
                var acked = ackedBySeq.get(seq);
                if (acked == null) {
                    result.fail("channel " + channelId + ": message at seq " + seq + " was never acknowledged to a sender");
                } else if (!acked.equals(message.path("id").asText())) {
                    result.fail("channel " + channelId + ": seq " + seq + " holds " + message.path("id").asText()
                            + " but the sender was told " + acked);
                }
                expectedSeq++;
                after = seq;
            }
            if (!page.path("has_newer").asBoolean() || messages.isEmpty()) {
                break;
            }
        }
        long held = expectedSeq - 1;
        result.check(held == ackedBySeq.size(), "channel " + channelId + " holds " + held + " messages but "
                + ackedBySeq.size() + " were acknowledged");
        return held;
    }
}
