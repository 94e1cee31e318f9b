package chat.clickclack.imports;

import chat.clickclack.channels.ChannelNames;
import chat.clickclack.channels.ChannelMembership;
import chat.clickclack.channels.ChannelStore;
import chat.clickclack.channels.Channels;
import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Json;
import chat.clickclack.messages.MessagePosting;
import chat.clickclack.messages.MessagePosting.Backdate;
import chat.clickclack.messages.MessagePosting.Target;
import chat.clickclack.reactions.Reactions;
import chat.clickclack.users.Profiles;
import chat.clickclack.workspaces.WorkspaceStore;
import chat.clickclack.workspaces.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipFile;

/**
 * {@code clickclack import slack}: a Slack workspace export (the zip of users.json, channels.json and one folder
 * of daily JSON files per channel) into a ClickClack workspace. Users are matched by email and created
 * otherwise; channels by name (archived ones are archived after their history is in); messages go through the
 * one posting path, dated as in Slack, roots before their thread replies; reactions map Slack's names to emoji.
 *
 * <p>Idempotent: every message is posted with the nonce {@code slack:<channel>:<ts>}, which the posting path
 * already turns into "nothing inserted" the second time; reactions and memberships are sets. A second run adds
 * nothing.
 */
public final class SlackImport {
    /** Slack message subtypes that are not conversation: joins, leaves, renames. */
    private static final List<String> SKIPPED = List.of("channel_join", "channel_leave", "channel_topic",
            "channel_purpose", "channel_name", "channel_archive", "channel_unarchive");

    /** What the import did. */
    public record Summary(String workspaceId, int users, int channels, int messages, int replies, int reactions,
            int skipped) {}

    private final Database db;
    private final MessagePosting posting;
    private final Reactions reactions;
    private final Channels channels;
    private final Consumer<String> progress;
    private final Map<String, String> users = new HashMap<>();
    private int messages;
    private int replies;
    private int reactionCount;
    private int skipped;

    public SlackImport(Database db, Consumer<String> progress) {
        this.db = db;
        this.posting = new MessagePosting(db);
        this.reactions = new Reactions(db, Integer.MAX_VALUE);
        this.channels = new Channels(db, Integer.MAX_VALUE);
        this.progress = progress;
    }

    public Summary run(Path export, String workspaceName) throws IOException {
        try (var zip = new ZipFile(export.toFile())) {
            var slackUsers = read(zip, "users.json");
            var slackChannels = read(zip, "channels.json");
            importUsers(slackUsers);
            var owner = owner(slackUsers);
            var workspaceId = workspace(workspaceName, owner);
            for (var userId : users.values()) {
                db.write(tx -> WorkspaceStore.role(tx.connection(), workspaceId, userId).isPresent() ? null
                        : Workspaces.join(tx, workspaceId, userId, "member"));
            }
            int channels = 0;
            for (var channel : slackChannels) {
                importChannel(zip, workspaceId, owner, channel);
                channels++;
            }
            return new Summary(workspaceId, users.size(), channels, messages, replies, reactionCount, skipped);
        }
    }

    private void importUsers(JsonNode slackUsers) {
        for (var user : slackUsers) {
            var id = user.path("id").asText();
            var profile = user.path("profile");
            var email = profile.path("email").asText("");
            // A Slack account without an email (bots, deactivated guests) still needs one identity: a fixed,
            // undeliverable address, so a second run finds the same user.
            var address = email.isBlank() ? id.toLowerCase() + "@slack-import.invalid" : email;
            var name = firstNonBlank(profile.path("real_name").asText(""), profile.path("display_name").asText(""),
                    user.path("name").asText(""), id);
            users.put(id, db.write(tx -> Profiles.findOrCreate(tx.connection(), name, address)).id());
        }
        progress.accept("users: " + users.size());
    }

    private String owner(JsonNode slackUsers) {
        for (var user : slackUsers) {
            if (user.path("is_primary_owner").asBoolean() || user.path("is_owner").asBoolean()) {
                return users.get(user.path("id").asText());
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the export has no users.json entries");
        }
        return users.get(slackUsers.get(0).path("id").asText());
    }

    private String workspace(String name, String owner) {
        return db.write(tx -> {
            var existing = WorkspaceStore.resolve(tx.connection(), name);
            if (existing.isPresent()) {
                return existing.get();
            }
            return Workspaces.create(tx, owner, Workspaces.requireWorkspaceName(name), null).workspace().id();
        });
    }

    private void importChannel(ZipFile zip, String workspaceId, String owner, JsonNode slack) throws IOException {
        var folder = slack.path("name").asText();
        var name = ChannelNames.normalize(folder);
        var topic = ChannelNames.topic(slack.path("topic").path("value").asText(""));
        var channel = db.write(tx -> {
            var found = ChannelStore.all(tx.connection(), workspaceId).stream().filter(ch -> ch.name().equals(name)).findFirst();
            var ch = found.isPresent() ? found.get() : Channels.create(tx, workspaceId, name, topic, owner).channel();
            // Slack's channel members join here too (a set: a second run adds nobody twice).
            for (var member : slack.path("members")) {
                var userId = users.get(member.asText());
                if (userId != null) {
                    ChannelMembership.join(tx, ch, userId, null);
                }
            }
            return ch;
        });
        var channelId = channel.id();
        if (channel.archivedAt() != null) {
            progress.accept("#" + name + ": archived here already, left as it is");
            return;
        }
        var all = new ArrayList<JsonNode>();
        for (var entry : java.util.Collections.list(zip.entries())) {
            if (entry.getName().startsWith(folder + "/") && entry.getName().endsWith(".json")) {
                try (var in = zip.getInputStream(entry)) {
                    Json.MAPPER.readTree(in).forEach(all::add);
                }
            }
        }
        all.sort(Comparator.comparing(m -> new BigDecimal(m.path("ts").asText("0"))));
        var roots = new HashMap<String, String>(); // Slack ts -> our message id
        for (var message : all) {
            var ts = message.path("ts").asText();
            var threadTs = message.path("thread_ts").asText(ts);
            if (threadTs.equals(ts)) {
                post(message, new Target.ChannelRoot(channelId), channelId).ifPresent(id -> roots.put(ts, id));
            }
        }
        for (var message : all) {
            var ts = message.path("ts").asText();
            var threadTs = message.path("thread_ts").asText(ts);
            var root = roots.get(threadTs);
            if (!threadTs.equals(ts) && root != null) {
                post(message, new Target.ThreadReply(root), channelId);
            }
        }
        if (slack.path("is_archived").asBoolean() && channel.archivedAt() == null && !name.equals(Channels.GENERAL)) {
            channels.update(owner, channelId, null, null, true, null); // after its history: archived channels take no posts
        }
        progress.accept("#" + name + ": " + all.size() + " message(s)");
    }

    /** Posts one Slack message (and its reactions); returns our id, or empty when it is not a conversation. */
    private java.util.Optional<String> post(JsonNode message, Target target, String channelId) {
        var author = users.get(message.path("user").asText());
        if (author == null || SKIPPED.contains(message.path("subtype").asText(""))) {
            skipped++;
            return java.util.Optional.empty();
        }
        var ts = message.path("ts").asText();
        var body = new StringBuilder(message.path("text").asText(""));
        for (var file : message.path("files")) {
            body.append(body.isEmpty() ? "" : "\n").append("📎 [").append(file.path("name").asText("file")).append("](")
                    .append(file.path("url_private").asText(file.path("permalink").asText(""))).append(")");
        }
        if (body.toString().isBlank()) {
            skipped++;
            return java.util.Optional.empty();
        }
        var edited = message.path("edited").path("ts").asText(null);
        MessagePosting.Sent sent;
        try {
            sent = posting.post(author, target, body.toString(), "slack:" + channelId + ":" + ts,
                    new Backdate(instant(ts), edited == null ? null : instant(edited)));
        } catch (ApiException e) {
            skipped++; // too long or otherwise not a message here: counted, not fatal
            return java.util.Optional.empty();
        }
        if (sent.created() && target instanceof Target.ChannelRoot) {
            messages++;
        } else if (sent.created()) {
            replies++;
        }
        for (var reaction : message.path("reactions")) {
            var emoji = SlackEmoji.of(reaction.path("name").asText());
            for (var user : reaction.path("users")) {
                var who = users.get(user.asText());
                if (who != null && reactions.add(who, sent.message().id(), emoji).changed()) {
                    reactionCount++;
                }
            }
        }
        return java.util.Optional.of(sent.message().id());
    }

    private static String instant(String ts) {
        var micros = new BigDecimal(ts).movePointRight(6).longValue();
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
    }

    private static JsonNode read(ZipFile zip, String name) throws IOException {
        var entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalArgumentException("not a Slack export: no " + name + " in the zip");
        }
        try (var in = zip.getInputStream(entry)) {
            return Json.MAPPER.readTree(in);
        }
    }

    private static String firstNonBlank(String... values) {
        for (var v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
