package chat.clickclack.auth;

import chat.clickclack.http.ApiException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bot token may call. Every route a bot may use is listed here with the scope it needs; a route
 * that is not listed (bot and token management, workspace creation, invites, sign-out, profile edits) is
 * closed to bot tokens, so a new route is safe until someone decides which scope it belongs to.
 *
 * <p>Workspace binding: a route naming a workspace ({@code {workspace_id}} in the path, or a
 * {@code workspace_id} query parameter) must name the token's own. Routes that name a channel, message or
 * conversation rely on membership: a bot account belongs to exactly one workspace, its token's.
 */
public final class BotScopes {
    public static final List<String> ALL = List.of("channels:read", "messages:read", "messages:write",
            "threads:write", "reactions:write", "dms:read", "dms:write", "uploads:write", "realtime:read",
            "commands:write");
    /** What a new token gets when its creator names no scopes: read and post in channels, follow events. */
    public static final List<String> DEFAULT = List.of("channels:read", "messages:read", "messages:write",
            "realtime:read");

    /** The scope each route needs; null means any bot token may call it. */
    private static final Map<String, String> ROUTES = routes();

    private BotScopes() {}

    private static Map<String, String> routes() {
        var m = new java.util.HashMap<String, String>();
        m.put("GET /api/me", null);
        m.put("GET /api/workspaces", null);
        m.put("GET /api/workspaces/{workspace_id}", "channels:read");
        m.put("GET /api/workspaces/{workspace_id}/members", "channels:read");
        m.put("GET /api/workspaces/{workspace_id}/channels", "channels:read");
        m.put("GET /api/channels/{channel_id}", "channels:read");
        m.put("GET /api/workspaces/{workspace_id}/presence", "realtime:read");
        m.put("GET /api/channels/{channel_id}/messages", "messages:read");
        m.put("GET /api/messages/{message_id}", "messages:read");
        m.put("GET /api/messages/{message_id}/thread", "messages:read");
        m.put("POST /api/channels/{channel_id}/read", "messages:read");
        m.put("GET /api/search", "messages:read");
        m.put("POST /api/channels/{channel_id}/messages", "messages:write");
        m.put("PATCH /api/messages/{message_id}", "messages:write");
        m.put("DELETE /api/messages/{message_id}", "messages:write");
        m.put("POST /api/realtime/ephemeral", "messages:write");
        m.put("POST /api/hooks/mattermost/{channel_id}", "messages:write");
        m.put("POST /api/commands/execute", "commands:write");
        m.put("GET /api/workspaces/{workspace_id}/commands", "commands:write");
        m.put("POST /api/messages/{message_id}/thread/replies", "threads:write");
        m.put("POST /api/messages/{message_id}/reactions", "reactions:write");
        m.put("DELETE /api/messages/{message_id}/reactions/{emoji}", "reactions:write");
        m.put("GET /api/dms", "dms:read");
        m.put("GET /api/dms/{dm_id}", "dms:read");
        m.put("GET /api/dms/{dm_id}/messages", "dms:read");
        m.put("POST /api/dms/{dm_id}/read", "dms:read");
        m.put("POST /api/dms", "dms:write");
        m.put("DELETE /api/dms/{dm_id}", "dms:write");
        m.put("POST /api/dms/{dm_id}/open", "dms:write");
        m.put("POST /api/dms/{dm_id}/messages", "dms:write");
        m.put("POST /api/uploads", "uploads:write");
        m.put("POST /api/messages/{message_id}/attachments", "uploads:write");
        m.put("GET /api/uploads/{upload_id}", "messages:read");
        m.put("GET /api/uploads/{upload_id}/thumbnail", "messages:read");
        m.put("GET /api/avatars/{upload_id}", "messages:read");
        m.put("GET /api/realtime/events", "realtime:read");
        m.put("GET /api/realtime/ws", "realtime:read");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The routes open to bot tokens, as {@code METHOD /path}: the contract test keeps them real routes. */
    public static Set<String> routesOpenToBots() {
        return ROUTES.keySet();
    }

    /**
     * Throws 403 unless this bot token may make this request. The filter runs before Javalin has matched
     * an endpoint, so the request is matched against the templates here; a path that matches none (an
     * unknown route, or one closed to bots) is refused.
     */
    static void check(Context ctx, BotGrant grant) {
        var method = ctx.method().name();
        var route = ROUTES.keySet().stream()
                .filter(key -> key.startsWith(method + " ") && matches(key.substring(method.length() + 1), ctx.path()))
                .findFirst().map(key -> key.substring(method.length() + 1))
                .orElseThrow(() -> new ApiException.Forbidden("bot tokens may not call this route"));
        var scope = ROUTES.get(method + " " + route);
        if (scope != null && !grant.allows(scope)) {
            throw new ApiException.Forbidden("this bot token lacks the scope " + scope);
        }
        var workspaceId = workspaceOf(ctx.path(), route, ctx.queryParam("workspace_id"));
        if (workspaceId != null && !workspaceId.equals(grant.workspaceId())) {
            throw new ApiException.Forbidden("this bot token belongs to another workspace");
        }
    }

    /**
     * A scope a route needs only for some of its bodies (a slash command in a direct conversation also needs
     * {@code dms:write}); people pass, bots need the scope.
     */
    public static void require(Actor actor, String scope) {
        if (actor.bot() != null && !actor.bot().allows(scope)) {
            throw new ApiException.Forbidden("this bot token lacks the scope " + scope);
        }
    }

    /** The WebSocket authenticates outside the filter: a bot needs realtime:read and its own workspace. */
    public static void checkSocket(Actor actor, String workspaceId) {
        if (actor.bot() == null) {
            return;
        }
        if (!actor.bot().allows("realtime:read")) {
            throw new ApiException.Forbidden("this bot token lacks the scope realtime:read");
        }
        if (workspaceId != null && !workspaceId.equals(actor.bot().workspaceId())) {
            throw new ApiException.Forbidden("this bot token belongs to another workspace");
        }
    }

    /** Whether a path fills a template such as {@code /api/channels/{channel_id}}: same segments, any value for a parameter. */
    static boolean matches(String template, String path) {
        var t = template.split("/", -1);
        var p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            var parameter = t[i].startsWith("{") && t[i].endsWith("}");
            if (parameter ? p[i].isEmpty() : !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    /** The workspace a request names in its path ({workspace_id}) or query, or null. */
    static String workspaceOf(String path, String route, String query) {
        var templateParts = route.split("/");
        var pathParts = path.split("/");
        for (int i = 0; i < templateParts.length && i < pathParts.length; i++) {
            if (templateParts[i].equals("{workspace_id}")) {
                return pathParts[i];
            }
        }
        return query;
    }
}
