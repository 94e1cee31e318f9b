package chat.clickclack.channels;

import chat.clickclack.users.User;

/** A member of a channel, with when they joined it. */
public record ChannelMember(User user, String joinedAt) {}
