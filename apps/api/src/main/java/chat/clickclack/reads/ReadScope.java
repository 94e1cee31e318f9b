package chat.clickclack.reads;

/**
 * The two kinds of conversation that have read pointers, and where each keeps them: the pointer table, its
 * conversation column, and the messages column that places a message in the conversation. Both number their
 * root messages with {@code channel_seq}, so one set of statements serves both.
 */
enum ReadScope {
    CHANNEL("channel_reads", "channel_id", "channel_id"),
    DM("direct_reads", "conversation_id", "direct_conversation_id");

    final String table;
    final String column;
    final String messageColumn;

    ReadScope(String table, String column, String messageColumn) {
        this.table = table;
        this.column = column;
        this.messageColumn = messageColumn;
    }
}
