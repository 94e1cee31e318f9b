package chat.clickclack.uploads;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/** Upload routes: receive a file, serve it, its thumbnail and avatars, and attach one to a message later. */
public final class UploadRoutes {
    record AttachUpload(String uploadId) {}

    private final Uploads uploads;
    private final RateLimiter limiter;

    public UploadRoutes(Uploads uploads, RateLimiter limiter) {
        this.uploads = uploads;
        this.limiter = limiter;
    }

    public void register(RouteTable routes) {
        routes.post("/api/uploads", limiter.guard(Action.UPLOAD, this::create));
        routes.get("/api/uploads/{upload_id}", this::file);
        routes.get("/api/uploads/{upload_id}/thumbnail", this::thumbnail);
        routes.get("/api/avatars/{upload_id}", this::avatar);
        routes.post("/api/messages/{message_id}/attachments", this::attach);
    }

    private void create(Context ctx) throws IOException {
        var workspaceId = Params.required(ctx, "workspace_id");
        // The raw body stream, never ctx.body(): the file streams to disk (see MultipartReader).
        var upload = uploads.create(userId(ctx), workspaceId, ctx.req().getInputStream(), ctx.header("Content-Type"));
        ctx.status(201).json(Map.of("upload", upload));
    }

    private void file(Context ctx) throws IOException {
        var upload = uploads.readable(userId(ctx), ctx.pathParam("upload_id"));
        FileResponse.serve(ctx, uploads.file(upload), upload.contentType(), upload.byteSize(), upload.sha256(),
                upload.filename());
    }

    private void thumbnail(Context ctx) throws IOException {
        var upload = uploads.readable(userId(ctx), ctx.pathParam("upload_id"));
        var file = uploads.thumbnail(upload);
        var type = file.getFileName().toString().endsWith(".jpg") ? "image/jpeg" : "image/png";
        // The preview of an immutable file is immutable too: its ETag is the source's hash plus a suffix.
        FileResponse.serve(ctx, file, type, Files.size(file), upload.sha256() + "-thumb", "thumbnail-" + upload.filename());
    }

    private void avatar(Context ctx) throws IOException {
        var uploadId = ctx.pathParam("upload_id");
        var file = uploads.avatar(userId(ctx), uploadId);
        FileResponse.serve(ctx, file, "image/png", Files.size(file), uploadId + "-avatar", "avatar.png");
    }

    private void attach(Context ctx) {
        var body = Bodies.read(ctx, AttachUpload.class);
        if (body.uploadId() == null) {
            throw new ApiException.Invalid("upload_id is required");
        }
        var attached = uploads.attach(userId(ctx), ctx.pathParam("message_id"), body.uploadId());
        ctx.json(Map.of("message", attached.message(), "event", attached.event()));
    }

    private static String userId(Context ctx) {
        return Actor.of(ctx).userId();
    }
}
