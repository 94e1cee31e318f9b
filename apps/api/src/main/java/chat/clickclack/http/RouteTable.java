package chat.clickclack.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's route table. Features add their routes here; it registers them with Javalin and
 * remembers them, so the contract test can compare what is served with what openapi.yaml documents.
 */
public final class RouteTable {
    /** One served route, e.g. {@code GET /api/channels/{channel_id}/messages}. */
    public record Route(String method, String path) {}

    private final JavalinConfig config;
    private final List<Route> routes = new ArrayList<>();

    RouteTable(JavalinConfig config) {
        this.config = config;
    }

    public RouteTable get(String path, Handler handler) {
        config.routes.get(path, handler);
        return remember("GET", path);
    }

    public RouteTable post(String path, Handler handler) {
        config.routes.post(path, handler);
        return remember("POST", path);
    }

    public RouteTable patch(String path, Handler handler) {
        config.routes.patch(path, handler);
        return remember("PATCH", path);
    }

    public RouteTable delete(String path, Handler handler) {
        config.routes.delete(path, handler);
        return remember("DELETE", path);
    }

    private RouteTable remember(String method, String path) {
        routes.add(new Route(method, path));
        return this;
    }

    public JavalinConfig config() {
        return config;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
