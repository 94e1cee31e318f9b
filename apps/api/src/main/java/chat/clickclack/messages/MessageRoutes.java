package chat.clickclack.messages;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import chat.clickclack.events.Event;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.http.Context;
import java.util.Map;

/** Timeline routes: post and page a channel, read, edit and delete one message. */
public final class MessageRoutes {
    record PostMessage(String body, String nonce, java.util.List<String> uploadIds) {}

    record EditMessage(String body) {}

    /** {message, event} with the message's JSON as the send path already wrote it. */
    record WrittenPost(@JsonRawValue String message, Event event) {}

    public static final int MAX_PAGE = 200;
    public static final int DEFAULT_PAGE = 100;

    private final Messages messages;
    private final RateLimiter limiter;

    public MessageRoutes(Messages messages, RateLimiter limiter) {
        this.messages = messages;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.get("/api/channels/{channel_id}/messages", this::page);
        routes.post("/api/channels/{channel_id}/messages", limiter.guard(Action.MESSAGE_POST, this::post));
        routes.get("/api/messages/{message_id}", this::get);
        routes.patch("/api/messages/{message_id}", this::edit);
        routes.delete("/api/messages/{message_id}", this::delete);
    }

    /** The paging parameters of a timeline (a channel's or a direct conversation's). */
    public record PageQuery(Messages.Paging paging, long anchor, int limit) {}

    /** A new message's body, nonce and uploads to attach, as every timeline takes them. */
    public record NewMessage(String body, String nonce, java.util.List<String> uploadIds) {}

    private void post(Context ctx) {
        var body = Bodies.read(ctx, PostMessage.class);
        var posted = messages.post(Actor.of(ctx).userId(), ctx.pathParam("channel_id"), body.body(), body.nonce(),
                body.uploadIds());
        answerPost(ctx, posted);
    }

    /** 201 {message, event} for a new message, 200 for a nonce retry; the JSON the send path wrote is reused. */
    public static void answerPost(Context ctx, Messages.Posted posted) {
        ctx.status(posted.created() ? 201 : 200);
        if (posted.messageJson() != null) {
            ctx.json(new WrittenPost(posted.messageJson(), posted.event()));
        } else {
            ctx.json(Map.of("message", posted.message(), "event", posted.event()));
        }
    }

    public static NewMessage newMessage(Context ctx) {
        var body = Bodies.read(ctx, PostMessage.class);
        return new NewMessage(body.body(), body.nonce(), body.uploadIds());
    }

    private void page(Context ctx) {
        var q = pageQuery(ctx);
        ctx.json(messages.page(userId(ctx), channelId(ctx), q.paging(), q.anchor(), q.limit()));
    }

    /** Reads and checks after_seq / before_seq / around_seq / mode / limit (400 on a bad or mixed set). */
    public static PageQuery pageQuery(Context ctx) {
        var after = Params.optionalLong(ctx, "after_seq", 0, Long.MAX_VALUE);
        // 0 is a valid anchor: before_seq=0 is the (empty) page before the first message, around_seq=0 the oldest.
        var before = Params.optionalLong(ctx, "before_seq", 0, Long.MAX_VALUE);
        var around = Params.optionalLong(ctx, "around_seq", 0, Long.MAX_VALUE);
        var mode = ctx.queryParam("mode");
        int given = (after != null ? 1 : 0) + (before != null ? 1 : 0) + (around != null ? 1 : 0);
        if (given > 1 || (given == 1 && mode != null)) {
            throw new ApiException.Invalid("after_seq, before_seq, around_seq and mode are mutually exclusive");
        }
        if (mode != null && !mode.equals("latest")) {
            throw new ApiException.Invalid("mode must be 'latest'");
        }
        int limit = Params.limit(ctx, 1, MAX_PAGE, DEFAULT_PAGE);
        return after != null ? new PageQuery(Messages.Paging.AFTER, after, limit)
                : before != null ? new PageQuery(Messages.Paging.BEFORE, before, limit)
                : around != null ? new PageQuery(Messages.Paging.AROUND, around, limit)
                : new PageQuery(Messages.Paging.LATEST, 0, limit);
    }

    private void get(Context ctx) {
        ctx.json(Map.of("message", messages.get(userId(ctx), ctx.pathParam("message_id"))));
    }

    private void edit(Context ctx) {
        var body = Bodies.read(ctx, EditMessage.class);
        var edited = messages.edit(userId(ctx), ctx.pathParam("message_id"), body.body());
        ctx.json(Map.of("message", edited.message(), "event", edited.event()));
    }

    private void delete(Context ctx) {
        var deleted = messages.delete(userId(ctx), ctx.pathParam("message_id"));
        ctx.json(deleted.event() == null ? Map.of("message", deleted.message())
                : Map.of("message", deleted.message(), "event", deleted.event()));
    }

    private static String userId(Context ctx) {
        return Actor.of(ctx).userId();
    }

    private static String channelId(Context ctx) {
        return ctx.pathParam("channel_id");
    }
}
