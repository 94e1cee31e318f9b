package chat.clickclack.config;

import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimit;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Application-level limits against abuse (issue 15): rate limits, per-user quotas and size caps. Every
 * one is a config key (flag, CLICKCLACK_* env or file) and is listed in docs/deployment.md.
 *
 * @param rates                       token bucket per action, for people (see {@link Action})
 * @param reactionEmojiPerMessage     distinct emoji one message may carry
 * @param feedBytesPerWorkspace       bytes of recent events a workspace's in-memory feed may hold
 * @param channelsPerUserPerWorkspace channels one user may create in one workspace
 * @param workspacesPerUser           workspaces one user may create
 */
public record Limits(
        Map<Action, RateLimit> rates,
        int reactionEmojiPerMessage,
        long feedBytesPerWorkspace,
        int channelsPerUserPerWorkspace,
        int workspacesPerUser) {

    /** Config key and default of each action's rate limit. Generous for people, tight for scripts. */
    // Map.ofEntries, not Map.of: Map.of stops at ten pairs.
    public static final Map<Action, String[]> RATE_KEYS = Map.ofEntries(
            Map.entry(Action.SIGN_IN, new String[] {"rate_sign_in", "20/1m"}),
            Map.entry(Action.EMAIL_LINK_PER_IP, new String[] {"rate_email_link_ip", "20/1h"}),
            Map.entry(Action.EMAIL_LINK_PER_ADDRESS, new String[] {"rate_email_link_address", "5/1h"}),
            Map.entry(Action.INVITE_ACCEPT, new String[] {"rate_invite_accept", "20/1m"}),
            Map.entry(Action.MESSAGE_POST, new String[] {"rate_message_post", "300/1m"}),
            Map.entry(Action.REACTION, new String[] {"rate_reaction", "300/1m"}),
            Map.entry(Action.CHANNEL_CREATE, new String[] {"rate_channel_create", "60/1h"}),
            Map.entry(Action.WORKSPACE_CREATE, new String[] {"rate_workspace_create", "30/1h"}),
            Map.entry(Action.EPHEMERAL, new String[] {"rate_ephemeral", "120/1m"}),
            Map.entry(Action.SEARCH, new String[] {"rate_search", "60/1m"}),
            Map.entry(Action.UPLOAD, new String[] {"rate_upload", "60/1m"}),
            Map.entry(Action.WEBHOOK_POST, new String[] {"rate_webhook", "120/1m"}));

    public static final int DEFAULT_REACTION_EMOJI_PER_MESSAGE = 50;
    public static final long DEFAULT_FEED_BYTES_PER_WORKSPACE = 32L * 1024 * 1024;
    public static final int DEFAULT_CHANNELS_PER_USER_PER_WORKSPACE = 500;
    public static final int DEFAULT_WORKSPACES_PER_USER = 50;

    /** Reads a numeric key within a range, failing with a message that names the key. */
    interface Numbers {
        long read(String key, String raw, long[] range);
    }

    static Limits load(BiFunction<String, String, String> value, Numbers numbers) {
        var rates = new EnumMap<Action, RateLimit>(Action.class);
        RATE_KEYS.forEach((action, key) -> {
            var raw = value.apply(key[0], key[1]);
            try {
                rates.put(action, RateLimit.parse(raw));
            } catch (IllegalArgumentException e) {
                throw new ConfigLoader.ConfigException(key[0] + " " + e.getMessage());
            }
        });
        return new Limits(rates,
                (int) numbers.read("reaction_emoji_per_message",
                        value.apply("reaction_emoji_per_message", Long.toString(DEFAULT_REACTION_EMOJI_PER_MESSAGE)),
                        new long[] {1, 10_000}),
                numbers.read("feed_max_bytes",
                        value.apply("feed_max_bytes", Long.toString(DEFAULT_FEED_BYTES_PER_WORKSPACE)),
                        new long[] {64 * 1024, Integer.MAX_VALUE}),
                (int) numbers.read("quota_channels_per_workspace",
                        value.apply("quota_channels_per_workspace", Long.toString(DEFAULT_CHANNELS_PER_USER_PER_WORKSPACE)),
                        new long[] {1, 1_000_000}),
                (int) numbers.read("quota_workspaces_per_user",
                        value.apply("quota_workspaces_per_user", Long.toString(DEFAULT_WORKSPACES_PER_USER)),
                        new long[] {1, 1_000_000}));
    }
}
