package chat.clickclack.client;

import chat.clickclack.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** clickclack tail: a channel's or a conversation's recent messages, and with --follow every new one as it is posted. */
@Command(name = "tail", description = {
        "Print a channel's or a direct conversation's recent messages (root messages; thread replies are in "
        + "'thread'). With --follow, keep "
        + "printing new ones from the realtime stream: after a disconnect or a server restart it resumes where it "
        + "left off, so every message is printed exactly once and in order. --json: one message per line. In text "
        + "mode edits and deletes of shown messages are printed as 'edited:' / 'deleted:' lines; --json prints new "
        + "messages only."},
        footerHeading = "%nExample:%n", footer = {
                "  clickclack tail '#general' -n 50",
                "  clickclack tail @bob --follow                       # your direct messages with Bob",
                "  clickclack tail '#ci' --follow --json | jq -r 'select(.body | test(\"failed\")) | .id'",
                "  clickclack tail '#ci' --since \"$LAST_ID\" --json    # what came after the last message you saw"})
public final class TailCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    ClientOptions options;

    @Parameters(index = "0", paramLabel = "WHERE", description = {
            "A channel (#name, name or chn_… id) or a direct conversation (@handle or usr_… for the one with that "
            + "person, or its dm_… id)."})
    String where;

    @Option(names = {"-f", "--follow"}, description = "Keep following new messages until interrupted.")
    boolean follow;

    @Option(names = "--since", paramLabel = "CURSOR", description = {
            "Print what came after this point instead of the recent messages: a message id (msg_…, e.g. the last "
            + "line's .id) or a realtime event cursor (GET /api/realtime/events)."})
    String since;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "20", description = "How many recent messages to print first, 0-200 (default ${DEFAULT-VALUE}).")
    int lines;

    @Override
    public Integer call() throws InterruptedException {
        if (lines < 0 || lines > 200) {
            throw ClientException.usage("--lines must be 0-200");
        }
        var session = options.connect();
        var target = TailTarget.resolve(session, where);
        var timeline = new Timeline(session, target);
        String cursor;
        if (since == null) {
            cursor = timeline.tailCursor();
            timeline.showLatest(lines);
        } else if (since.strip().startsWith("msg_")) {
            timeline.startAfter(seqOf(session, target, since.strip()));
            cursor = timeline.tailCursor();
            timeline.fill();
        } else {
            cursor = replayEvents(session, timeline, target, since.strip());
        }
        if (follow) {
            new TailFollower(session, timeline, cursor).run();
        }
        return 0;
    }

    /** The channel_seq of a root message of this timeline. */
    private static long seqOf(ChatSession session, TailTarget target, String messageId) {
        var message = session.client().get("/api/messages/" + messageId).path("message");
        if (!target.owns(message) || message.hasNonNull("parent_message_id")) {
            throw ClientException.usage("--since " + messageId + " is not a message of this timeline");
        }
        return message.path("channel_seq").asLong();
    }

    /**
     * Prints the timeline's messages in the event log after {@code cursor}; returns the cursor to follow from.
     * Its last seq is read first: if no message follows the cursor, everything up to it came before.
     */
    private static String replayEvents(ChatSession session, Timeline timeline, TailTarget target, String cursor) {
        long lastSeqBefore = target.lastSeq(session);
        timeline.startAfter(Timeline.UNKNOWN);
        var after = cursor;
        boolean more = true;
        while (more) {
            com.fasterxml.jackson.databind.JsonNode page;
            try {
                page = session.client().get("/api/realtime/events", ChatClient.query("workspace_id", session.workspaceId(),
                        "after_cursor", after, "limit", "500"));
            } catch (ClientException e) {
                throw e.exitCode() == ClientException.ERROR && !e.retryable()
                        ? ClientException.error("--since " + cursor + ": " + e.getMessage() + " (pass a message id instead)") : e;
            }
            for (var event : page.path("events")) {
                timeline.apply(event);
            }
            after = page.path("next_cursor").asText(after);
            more = page.path("has_more").asBoolean(false);
        }
        if (timeline.lastSeq() == Timeline.UNKNOWN) {
            timeline.startAfter(lastSeqBefore);
        }
        return after;
    }
}
