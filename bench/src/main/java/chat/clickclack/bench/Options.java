package chat.clickclack.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code SCENARIO [--quick] [--json FILE] [--url URL] …} plus scenario parameters
 * such as {@code --senders 64}. Every parameter has a full-run and a quick default; what was used is
 * echoed into the results, so a figure always travels with its settings.
 *
 * @param scenario     send, fanout, reconnect, mix, footprint, search or all
 * @param quick        scaled-down run that asserts correctness only
 * @param json         where to write machine-readable results, or null
 * @param url          an already running server to measure instead of starting one, or null
 * @param dataDir      with --url: that server's data directory, so the CLI can seed users; or null
 * @param token        with --url and no --data: the bearer token every simulated user shares; or null
 * @param jar          the server jar (used to start servers, run the CLI, and for the raw baseline's schema)
 * @param serverEnv    extra environment for started servers, e.g. CLICKCLACK_REPLAY_WINDOW=20000
 * @param serverJvm    extra JVM options for started servers, e.g. -Xmx512m
 * @param jfrDir       record a JFR profile of every started server into this directory, or null
 * @param params       scenario parameters given on the command line
 * @param rawArgs      the arguments as given (echoed into the results)
 */
record Options(
        String scenario,
        boolean quick,
        Path json,
        String url,
        Path dataDir,
        String token,
        Path jar,
        Map<String, String> serverEnv,
        List<String> serverJvm,
        Path jfrDir,
        Map<String, String> params,
        List<String> rawArgs) {

    static final List<String> SCENARIOS = List.of("send", "fanout", "reconnect", "mix", "footprint", "search", "upload");
    /** Scenarios that `all` leaves out: run them by name. */
    static final List<String> EXTRA_SCENARIOS = List.of("soak");
    static final Set<String> PARAMS = Set.of(
            "senders", "channels", "duration", "warmup", "raw-duration",
            "subscribers", "rate",
            "missed", "trials",
            "users", "interval", "mix-channels", "workspaces", "history",
            "mix-shape", "mix-popular", "mix-small", "mix-small-per-user", "ramp-all",
            "sockets", "seed-users", "ws-client", "http-client", "bench-jfr",
            "flood-threads", "flood-rate", "slow-connections", "reaction-flood",
            "messages", "queries", "concurrency", "small-uploads", "large-uploads", "small-mib", "large-mib");

    static final String USAGE = """
            usage: bench/run SCENARIO [--quick] [--json FILE] [--url URL [--data DIR | --token T]]
                   [--jar SERVER_JAR] [--server-env KEY=VALUE]... [--server-jvm OPTION]... [--jfr DIR]
                   [--PARAM VALUE]...
              SCENARIO   send | fanout | reconnect | mix | footprint | search | upload | all | soak (not in all)
              PARAM      senders channels duration warmup raw-duration (send)
                         subscribers rate duration (fanout)   missed trials (reconnect)
                         users (a number or a ramp such as 250,500,1000) interval mix-channels
                         workspaces history duration (mix) mix-shape membership|firehose
                         mix-popular mix-small mix-small-per-user (membership) ramp-all 0|1   sockets (footprint)   seed-users
                         senders channels warmup duration flood-threads flood-rate slow-connections reaction-flood (soak)
                         messages channels queries concurrency duration (search)
                         concurrency small-mib large-mib small-uploads large-uploads (upload)
                         ws-client lean|jdk (WebSocket client; lean by default, see LeanSocket)
                         http-client lean|jdk (REST client; lean by default, see LeanHttp)
                         bench-jfr FILE (a JFR recording of the load generator itself)
            """;

    static Options parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            throw new IllegalArgumentException("missing SCENARIO\n" + USAGE);
        }
        var scenario = args[0];
        if (!scenario.equals("all") && !SCENARIOS.contains(scenario) && !EXTRA_SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("unknown scenario '" + scenario + "'\n" + USAGE);
        }
        boolean quick = false;
        Path json = null;
        String url = null;
        Path data = null;
        String token = null;
        Path jar = Path.of("apps/api/target/clickclack.jar");
        var env = new LinkedHashMap<String, String>();
        var jvm = new ArrayList<String>();
        Path jfr = null;
        var params = new LinkedHashMap<String, String>();
        for (int i = 1; i < args.length; i++) {
            var arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--url" -> url = stripSlash(value(args, ++i, arg));
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--token" -> token = value(args, ++i, arg);
                case "--jar" -> jar = Path.of(value(args, ++i, arg));
                case "--server-env" -> {
                    var kv = value(args, ++i, arg);
                    int eq = kv.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--server-env needs KEY=VALUE, got '" + kv + "'");
                    }
                    env.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                case "--server-jvm" -> jvm.add(value(args, ++i, arg));
                case "--jfr" -> jfr = Path.of(value(args, ++i, arg));
                default -> {
                    var name = arg.startsWith("--") ? arg.substring(2) : "";
                    if (!PARAMS.contains(name)) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
                    }
                    params.put(name, value(args, ++i, arg));
                }
            }
        }
        return new Options(scenario, quick, json, url, data, token, jar.toAbsolutePath(), env, jvm, jfr, params, List.of(args));
    }

    /** True when subscriptions should use java.net.http.WebSocket instead of the lean client. */
    boolean jdkWebSocket() {
        var client = params.getOrDefault("ws-client", "lean");
        if (!client.equals("lean") && !client.equals("jdk")) {
            throw new IllegalArgumentException("--ws-client must be lean or jdk, got '" + client + "'");
        }
        return client.equals("jdk");
    }

    /** True when REST calls should use java.net.http.HttpClient instead of the lean client. */
    boolean jdkHttp() {
        var client = params.getOrDefault("http-client", "lean");
        if (!client.equals("lean") && !client.equals("jdk")) {
            throw new IllegalArgumentException("--http-client must be lean or jdk, got '" + client + "'");
        }
        return client.equals("jdk");
    }

    /** Where to write a JFR recording of the bench process, or null. */
    Path benchJfr() {
        var file = params.get("bench-jfr");
        return file == null ? null : Path.of(file).toAbsolutePath();
    }

    List<String> scenarios() {
        return scenario.equals("all") ? SCENARIOS : List.of(scenario);
    }

    /** An integer parameter: the command line's value, else the quick or the full default. */
    int integer(String name, int quickDefault, int fullDefault) {
        var raw = params.get(name);
        if (raw == null) {
            return quick ? quickDefault : fullDefault;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + raw + "'");
        }
    }

    /** A text parameter: the command line's value, else {@code fallback}. */
    String text(String name, String fallback) {
        var raw = params.get(name);
        return raw == null || raw.isBlank() ? fallback : raw.trim();
    }

    /** A list of integers such as a ramp {@code 250,500,1000}. */
    List<Integer> integers(String name, List<Integer> quickDefault, List<Integer> fullDefault) {
        var raw = params.get(name);
        if (raw == null) {
            return quick ? quickDefault : fullDefault;
        }
        var out = new ArrayList<Integer>();
        for (var part : raw.split(",")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
