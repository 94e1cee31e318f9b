package chat.clickclack.channels;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Channel membership routes: join, leave, list, add and remove members, the caller's notification preference. */
public final class ChannelMemberRoutes {
    record AddMember(String userId) {}

    record Preference(String preference) {}

    private final ChannelMembership membership;
    private final NotificationSettings notifications;

    public ChannelMemberRoutes(ChannelMembership membership, NotificationSettings notifications) {
        this.membership = membership;
        this.notifications = notifications;
    }

    public void register(RouteTable routes) {
        routes.post("/api/channels/{channel_id}/join", this::join);
        routes.post("/api/channels/{channel_id}/leave", this::leave);
        routes.get("/api/channels/{channel_id}/members", this::members);
        routes.post("/api/channels/{channel_id}/members", this::add);
        routes.delete("/api/channels/{channel_id}/members/{user_id}", this::remove);
        routes.get("/api/channels/{channel_id}/notification-settings", this::notificationSettings);
        routes.patch("/api/channels/{channel_id}/notification-settings", this::changeNotificationSettings);
    }

    private void notificationSettings(Context ctx) {
        ctx.json(Map.of("preference", notifications.get(Actor.of(ctx).userId(), ctx.pathParam("channel_id"))));
    }

    private void changeNotificationSettings(Context ctx) {
        var body = Bodies.read(ctx, Preference.class);
        ctx.json(Map.of("preference",
                notifications.set(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), body.preference())));
    }

    /** 200 {channel, member, event}; the event is left out when the caller already was a member. */
    private void join(Context ctx) {
        var changed = membership.join(Actor.of(ctx).userId(), ctx.pathParam("channel_id"));
        ctx.json(body(changed, true));
    }

    /** 200 {channel, event}; the event is left out when the caller was not a member. */
    private void leave(Context ctx) {
        var changed = membership.leave(Actor.of(ctx).userId(), ctx.pathParam("channel_id"));
        ctx.json(body(changed, false));
    }

    private void members(Context ctx) {
        ctx.json(Map.of("members", membership.members(Actor.of(ctx).userId(), ctx.pathParam("channel_id"))));
    }

    /** 201 {channel, member, event} when added, 200 {channel, member} when they already were a member. */
    private void add(Context ctx) {
        var body = Bodies.read(ctx, AddMember.class);
        var changed = membership.add(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), body.userId());
        ctx.status(changed.event() == null ? 200 : 201).json(body(changed, true));
    }

    private void remove(Context ctx) {
        var changed = membership.remove(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), ctx.pathParam("user_id"));
        ctx.json(Map.of("event", changed.event()));
    }

    private static Map<String, Object> body(ChannelMembership.Changed changed, boolean withMember) {
        var body = new LinkedHashMap<String, Object>();
        body.put("channel", changed.channel());
        if (withMember) {
            body.put("member", changed.member());
        }
        if (changed.event() != null) {
            body.put("event", changed.event());
        }
        return body;
    }
}
