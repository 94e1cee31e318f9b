package chat.clickclack.auth;

import chat.clickclack.db.Database;
import chat.clickclack.http.ApiException;
import chat.clickclack.http.RouteTable;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The caller's own sessions (browser cookies and bearer tokens): list them, and sign one out. Never their
 * secrets. Revoking a session closes its sockets at once, like a logout.
 */
public final class SessionRoutes {
    private final Database db;
    private final SessionCookie cookie;
    private final Consumer<String> onRevoked;

    public SessionRoutes(Database db, SessionCookie cookie, Consumer<String> onRevoked) {
        this.db = db;
        this.cookie = cookie;
        this.onRevoked = onRevoked;
    }

    public void register(RouteTable routes) {
        routes.get("/api/me/sessions", this::list);
        routes.delete("/api/me/sessions/{session_id}", this::revoke);
    }

    private void list(Context ctx) {
        var actor = Actor.of(ctx);
        var sessions = new ArrayList<Map<String, Object>>();
        for (var s : db.read(c -> SessionStore.activeOf(c, actor.userId()))) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", s.id());
            row.put("kind", s.kind());
            row.put("created_at", s.createdAt());
            if (s.lastUsedAt() != null) {
                row.put("last_used_at", s.lastUsedAt());
            }
            if (s.expiresAt() != null) {
                row.put("expires_at", s.expiresAt());
            }
            row.put("current", s.id().equals(actor.sessionId()));
            sessions.add(row);
        }
        ctx.json(Map.of("sessions", sessions));
    }

    /** 404 for a session that is not the caller's (or not active): someone else's session ids tell nothing. */
    private void revoke(Context ctx) {
        var actor = Actor.of(ctx);
        var id = ctx.pathParam("session_id");
        if (!db.write(tx -> SessionStore.revokeOwn(tx, actor.userId(), id))) {
            throw new ApiException.NotFound("session");
        }
        onRevoked.accept(id);
        if (id.equals(actor.sessionId()) && actor.via() == Actor.Via.COOKIE) {
            cookie.clear(ctx);
        }
        ctx.status(204);
    }
}
