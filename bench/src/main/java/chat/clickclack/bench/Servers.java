package chat.clickclack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hands each scenario a server: a fresh one started from the jar under test, or the one at {@code --url}.
 *
 * <p>Seeding happens once per bench run, into a template data directory: a server is started on it so
 * the dev user and its workspace "Dev Reef" exist, the CLI ({@link Cli}) creates the bench users there
 * (members of that workspace) and a bearer token for each, then the server stops. Every scenario then gets its own copy of that directory and its own server process,
 * so scenarios never see each other's data and each can be run alone with the same result.
 *
 * <p>In quick mode (a smoke test with a time budget) one server is started, seeded while it runs, and
 * shared by every scenario but footprint; channels are fresh per scenario, so the checks do not change.
 */
final class Servers implements AutoCloseable {
    private final Options options;
    private final Path workDir;
    private final Cli cli;
    private Template template;
    private ServerProcess shared;

    /** A seeded data directory: the workspace and the identities (dev owner first) that exist in it. */
    record Template(Path dir, String workspaceId, List<Target.Identity> identities) {}

    Servers(Options options) throws IOException {
        this.options = options;
        this.workDir = Files.createTempDirectory("clickclack-bench-");
        this.cli = new Cli();
    }

    Path workDir() {
        return workDir;
    }

    Cli cli() {
        return cli;
    }

    int seedUsers() {
        return options.integer("seed-users", 3, 32);
    }

    /** A server for one scenario; {@code label} names its data directory. */
    Target open(String label) throws IOException, InterruptedException {
        return open(label, options.serverEnv());
    }

    Target open(String label, Map<String, String> env) throws IOException, InterruptedException {
        if (options.url() != null) {
            return remote();
        }
        if (options.quick()) {
            return sharedServer();
        }
        var seeded = template();
        var dir = workDir.resolve(label);
        copyDatabase(seeded.dir(), dir);
        var jfr = options.jfrDir() == null ? null : options.jfrDir().toAbsolutePath().resolve(label + ".jfr");
        if (jfr != null) {
            Files.createDirectories(jfr.getParent());
        }
        var server = ServerProcess.start(options.jar(), dir, env, options.serverJvm(), jfr);
        return new Target(server.url, seeded.workspaceId(), seeded.identities(), server, true);
    }

    private synchronized Target sharedServer() throws IOException, InterruptedException {
        if (shared == null) {
            var dir = workDir.resolve("shared");
            shared = ServerProcess.start(options.jar(), dir, options.serverEnv(), options.serverJvm(), null);
            template = seed(new Api(shared.url), dir);
        }
        return new Target(shared.url, template.workspaceId(), template.identities(), shared, false);
    }

    private synchronized Template template() throws IOException, InterruptedException {
        if (template == null) {
            var dir = workDir.resolve("template");
            try (var server = ServerProcess.start(options.jar(), dir, options.serverEnv(), options.serverJvm(), null)) {
                template = seed(new Api(server.url), dir);
            }
        }
        return template;
    }

    /** With --url: that server, seeded through the CLI when --data names its data directory. */
    private Target remote() throws IOException, InterruptedException {
        synchronized (this) {
            if (template == null) {
                var api = new Api(options.url());
                if (options.dataDir() != null) {
                    template = seed(api, options.dataDir());
                } else {
                    var workspace = ownedWorkspace(api, options.token());
                    var me = api.get(options.token(), "/api/me").require("GET /api/me");
                    template = new Template(null, workspace,
                            List.of(new Target.Identity(me.path("user").path("id").asText(), options.token())));
                }
            }
        }
        return new Target(options.url(), template.workspaceId(), template.identities(), null, false);
    }

    /** Creates the bench users in the dev user's workspace, with a bearer token each (dev user first). */
    private Template seed(Api api, Path dataDir) throws IOException, InterruptedException {
        var workspace = ownedWorkspace(api, null);
        var me = api.get(null, "/api/me").require("GET /api/me as the dev user");
        var identities = new ArrayList<Target.Identity>();
        identities.add(new Target.Identity(me.path("user").path("id").asText(),
                cli.run(dataDir, "admin", "token", "create", "--email", "dev@localhost")));
        for (int i = 1; i <= seedUsers(); i++) {
            var email = "bench-" + i + "@bench.invalid";
            var userId = cli.run(dataDir, "admin", "user", "create", "--name", "Bench Crab " + i, "--email", email,
                    "--workspace", workspace);
            identities.add(new Target.Identity(userId, cli.run(dataDir, "admin", "token", "create", "--email", email)));
        }
        return new Template(dataDir, workspace, List.copyOf(identities));
    }

    /** The first workspace the caller owns (the dev user's "Dev Reef"). */
    private static String ownedWorkspace(Api api, String token) throws IOException, InterruptedException {
        var list = api.get(token, "/api/workspaces").require("GET /api/workspaces");
        for (var workspace : list.path("workspaces")) {
            if (workspace.path("role").asText().equals("owner")) {
                return workspace.path("id").asText();
            }
        }
        if (list.path("workspaces").isEmpty()) {
            throw new IllegalStateException("the bench user belongs to no workspace");
        }
        return list.path("workspaces").get(0).path("id").asText();
    }

    private static void copyDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (var file : files.filter(f -> f.getFileName().toString().startsWith("clickclack.db")).toList()) {
                if (!file.getFileName().toString().endsWith("-shm")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }

    /** Stops a shared server and deletes the temporary data directories (JFR recordings live elsewhere). */
    @Override
    public void close() throws IOException {
        if (shared != null) {
            shared.close();
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
