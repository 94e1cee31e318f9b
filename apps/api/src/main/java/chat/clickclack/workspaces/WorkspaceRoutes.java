package chat.clickclack.workspaces;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.Bodies;
import chat.clickclack.http.Params;
import chat.clickclack.http.RouteTable;
import chat.clickclack.limits.Action;
import chat.clickclack.limits.RateLimiter;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** Workspace routes: list, create, read, update, delete, members and roles, invites (create, list, revoke, preview, accept). */
public final class WorkspaceRoutes {
    record CreateWorkspace(String name, String slug) {}

    /** {@code expires_in}: seconds until the invite expires (default 7 days); {@code max_uses}: omitted = unlimited. */
    record CreateInvite(Long expiresIn, Long maxUses) {}

    record UpdateWorkspace(String name, String slug, String icon) {}

    record ChangeRole(String role) {}

    record TransferOwnership(String userId) {}

    record DeleteWorkspace(String confirm) {}

    private final Workspaces workspaces;
    private final Invites invites;
    private final RateLimiter limiter;
    private final Supplier<String> baseUrl;
    private final WorkspaceAdmin admin;
    private final WorkspaceDeletion deletion;

    /** {@code baseUrl}: where people open the app (public_url, or the address the server listens on). */
    public WorkspaceRoutes(Workspaces workspaces, WorkspaceAdmin admin, WorkspaceDeletion deletion, Invites invites,
            RateLimiter limiter, Supplier<String> baseUrl) {
        this.workspaces = workspaces;
        this.admin = admin;
        this.deletion = deletion;
        this.invites = invites;
        this.limiter = limiter;
        this.baseUrl = baseUrl;
    }

    /** The page that opens an invite in the browser. */
    public static String inviteLink(String baseUrl, String token) {
        return baseUrl + "/app/invite/" + token;
    }

    public void register(RouteTable routes) {
        routes.get("/api/workspaces", this::list);
        routes.post("/api/workspaces", limiter.guard(Action.WORKSPACE_CREATE, this::create));
        routes.get("/api/workspaces/{workspace_id}", this::get);
        routes.patch("/api/workspaces/{workspace_id}", this::update);
        routes.delete("/api/workspaces/{workspace_id}", this::delete);
        routes.post("/api/workspaces/{workspace_id}/transfer-ownership", this::transferOwnership);
        routes.patch("/api/workspaces/{workspace_id}/members/{user_id}", this::changeRole);
        routes.get("/api/workspaces/{workspace_id}/members", this::members);
        routes.delete("/api/workspaces/{workspace_id}/members/{user_id}", this::removeMember);
        routes.get("/api/workspaces/{workspace_id}/invites", this::invites);
        routes.post("/api/workspaces/{workspace_id}/invites", this::createInvite);
        routes.delete("/api/workspaces/{workspace_id}/invites/{invite_id}", this::revokeInvite);
        routes.get("/api/invites/{token}", limiter.guard(Action.SIGN_IN, this::previewInvite));
        routes.post("/api/invites/{token}/accept", limiter.guard(Action.INVITE_ACCEPT, this::acceptInvite));
    }

    private void list(Context ctx) {
        ctx.json(Map.of("workspaces", workspaces.list(Actor.of(ctx).userId())));
    }

    private void create(Context ctx) {
        var body = Bodies.read(ctx, CreateWorkspace.class);
        var created = workspaces.create(Actor.of(ctx).userId(), body.name(), body.slug());
        ctx.status(201).json(Map.of("workspace", created.workspace(), "channel", created.channel(), "event", created.event()));
    }

    private void get(Context ctx) {
        ctx.json(Map.of("workspace", workspaces.get(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"))));
    }

    /** Callers that pass no paging parameter get every (matching) member, as before, and has_more false. */
    private void members(Context ctx) {
        var limit = Params.optionalLong(ctx, "limit", 1, MemberQuery.MAX_PAGE);
        var query = MemberQuery.of(ctx.queryParam("q"), ctx.queryParam("role"),
                limit == null ? null : limit.intValue(), ctx.queryParam("cursor"));
        var page = workspaces.members(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), query);
        var body = new LinkedHashMap<String, Object>();
        body.put("members", page.members());
        if (page.nextCursor() != null) {
            body.put("next_cursor", page.nextCursor());
        }
        body.put("has_more", page.hasMore());
        ctx.json(body);
    }

    private void update(Context ctx) {
        var body = Bodies.read(ctx, UpdateWorkspace.class);
        var changed = admin.update(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), body.name(), body.slug(),
                body.icon());
        ctx.json(Map.of("workspace", changed.workspace(), "event", changed.event()));
    }

    /** 204: nothing of the workspace is left to answer with. */
    private void delete(Context ctx) {
        var body = ctx.body().isBlank() ? new DeleteWorkspace(null) : Bodies.read(ctx, DeleteWorkspace.class);
        deletion.delete(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), body.confirm());
        ctx.status(204);
    }

    private void transferOwnership(Context ctx) {
        var body = Bodies.read(ctx, TransferOwnership.class);
        var changed = admin.transferOwnership(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), body.userId());
        ctx.json(Map.of("workspace", changed.workspace(), "event", changed.event()));
    }

    private void changeRole(Context ctx) {
        var body = Bodies.read(ctx, ChangeRole.class);
        var changed = admin.changeRole(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), ctx.pathParam("user_id"),
                body.role());
        ctx.json(Map.of("member", changed.member(), "event", changed.event()));
    }

    private void removeMember(Context ctx) {
        var event = workspaces.removeMember(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), ctx.pathParam("user_id"));
        ctx.json(Map.of("event", event));
    }

    private void invites(Context ctx) {
        ctx.json(Map.of("invites", invites.list(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"))));
    }

    private void createInvite(Context ctx) {
        var body = ctx.body().isBlank() ? new CreateInvite(null, null) : Bodies.read(ctx, CreateInvite.class);
        var ttl = body.expiresIn() == null ? Invites.DEFAULT_TTL : Duration.ofSeconds(body.expiresIn());
        var created = invites.createAs(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), ttl, body.maxUses());
        var answer = new LinkedHashMap<String, Object>();
        answer.put("invite", created.invite());
        answer.put("token", created.token());
        answer.put("url", inviteLink(baseUrl.get(), created.token()));
        ctx.status(201).json(answer);
    }

    /** Public: the invite page shows it before anyone signs in. */
    private void previewInvite(Context ctx) {
        ctx.json(Map.of("invite", invites.preview(ctx.pathParam("token"))));
    }

    private void revokeInvite(Context ctx) {
        var revoked = invites.revoke(Actor.of(ctx).userId(), ctx.pathParam("workspace_id"), ctx.pathParam("invite_id"));
        ctx.json(Map.of("invite", revoked));
    }

    private void acceptInvite(Context ctx) {
        var accepted = invites.accept(Actor.of(ctx).userId(), ctx.pathParam("token"));
        var body = new HashMap<String, Object>();
        body.put("workspace", accepted.workspace());
        body.put("event", accepted.event());
        ctx.json(body);
    }
}
