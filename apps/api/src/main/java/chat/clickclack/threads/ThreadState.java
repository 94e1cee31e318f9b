package chat.clickclack.threads;

import java.util.List;

/** The summary under a root message: how many replies, when the last came, who replied last. */
public record ThreadState(String rootMessageId, long replyCount, String lastReplyAt, List<String> lastReplyAuthorIds) {
    public static ThreadState empty(String rootMessageId) {
        return new ThreadState(rootMessageId, 0, null, List.of());
    }
}
