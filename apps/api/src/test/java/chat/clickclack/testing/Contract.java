package chat.clickclack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * packages/protocol/openapi.yaml, loaded for tests: which routes it documents, and a validator for real
 * responses against the schema documented for their route and status.
 */
public final class Contract {
    /** A documented route and the regex that matches concrete paths for it. */
    public record Route(String method, String path, Pattern pattern) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Contract instance;

    private final JsonNode document;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Contract(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            var entry = paths.next();
            var regex = "^" + entry.getKey().replaceAll("\\{[^}]+}", "[^/]+") + "$";
            for (Iterator<String> methods = entry.getValue().fieldNames(); methods.hasNext(); ) {
                var method = methods.next();
                if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                    routes.add(new Route(method.toUpperCase(), entry.getKey(), Pattern.compile(regex)));
                }
            }
        }
    }

    public static Contract get() {
        if (instance == null) {
            synchronized (Contract.class) {
                if (instance == null) {
                    instance = load();
                }
            }
        }
        return instance;
    }

    private static Contract load() {
        var configured = System.getProperty("clickclack.openapi");
        var path = configured != null ? Path.of(configured) : Path.of("../../packages/protocol/openapi.yaml");
        try {
            return new Contract(new YAMLMapper().readTree(Files.readString(path)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the contract at " + path.toAbsolutePath(), e);
        }
    }

    public List<Route> routes() {
        return routes;
    }

    /** The documented route for a concrete request path, preferring literal segments over parameters. */
    public Route route(String method, String path) {
        Route best = null;
        for (var route : routes) {
            if (route.method().equals(method) && route.pattern().matcher(path).matches()) {
                if (best == null || literalLength(route.path()) > literalLength(best.path())) {
                    best = route;
                }
            }
        }
        return best;
    }

    private static int literalLength(String template) {
        return template.replaceAll("\\{[^}]+}", "").length();
    }

    /**
     * Validates a response body against the schema documented for the route and status.
     * Returns the problems found; an undocumented route or status is itself a problem.
     */
    public List<String> check(String method, String path, int status, String body) {
        var route = route(method, path);
        if (route == null) {
            return List.of("undocumented route " + method + " " + path);
        }
        var operation = document.path("paths").path(route.path()).path(method.toLowerCase());
        var response = operation.path("responses").path(Integer.toString(status));
        var responsePointer = "/paths/" + escape(route.path()) + "/" + method.toLowerCase() + "/responses/" + status;
        if (response.has("$ref")) {
            responsePointer = response.path("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        if (response.isMissingNode()) {
            return List.of("status " + status + " is not documented for " + method + " " + route.path());
        }
        var content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return body == null || body.isBlank() ? List.of()
                    : List.of(method + " " + route.path() + " " + status + " documents no body but got: " + body);
        }
        if (!content.has("application/json")) {
            return List.of(); // a text answer: POST /hooks/{key} says "ok", as Mattermost does
        }
        var pointer = responsePointer + "/content/application~1json/schema";
        var schema = schemas.computeIfAbsent(pointer, this::schemaAt);
        try {
            var node = JSON.readTree(body);
            return schema.validate(node).stream().map(m -> method + " " + route.path() + " " + status + ": " + m.getMessage()).toList();
        } catch (IOException e) {
            return List.of("response is not JSON: " + body);
        }
    }

    /** A schema that is the whole document plus a root $ref, so internal refs resolve. */
    private JsonSchema schemaAt(String pointer) {
        var root = (ObjectNode) document.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#" + pointer);
        return factory.getSchema(root);
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
