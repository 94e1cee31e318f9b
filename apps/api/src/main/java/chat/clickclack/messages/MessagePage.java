package chat.clickclack.messages;

import java.util.List;

/** One page of a channel timeline, ascending by channel_seq, with where the page sits in the channel. */
public record MessagePage(List<Message> messages, Long oldestSeq, Long newestSeq, boolean hasOlder, boolean hasNewer) {}
