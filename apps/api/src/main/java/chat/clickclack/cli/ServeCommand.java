package chat.clickclack.cli;

import chat.clickclack.App;
import chat.clickclack.http.ListenAddress;
import io.javalin.util.JavalinBindException;
import java.util.HashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** clickclack serve: migrate, then serve the API, the realtime socket and the web app. */
@Command(name = "serve", description = {
        "Run the server (creates the data directory and migrates the database first)."},
        footerHeading = "%nExample:%n", footer = "  clickclack serve --addr 127.0.0.1:8080 --data ./data")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    StorageOptions storage;

    @Option(names = "--addr", paramLabel = "HOST:PORT", description = "Listen address (default :8080; port 0 picks a free port; env CLICKCLACK_ADDR).")
    String addr;

    @Option(names = "--dev", negatable = true,
            description = "Force the dev fallback on (--dev) or off (--no-dev). Default: on until `admin bootstrap` has run.")
    Boolean dev;

    @Option(names = "--allowed-callback-hosts", paramLabel = "HOSTS",
            description = "Hosts that slash command and event subscription callbacks may reach although they are internal, comma-separated (env CLICKCLACK_ALLOWED_CALLBACK_HOSTS).")
    String allowedCallbackHosts;

    @Override
    public Integer call() throws InterruptedException {
        var flags = new HashMap<String, String>();
        if (addr != null) {
            flags.put("addr", addr);
        }
        if (dev != null) {
            flags.put("dev", dev.toString());
        }
        if (allowedCallbackHosts != null) {
            flags.put("allowed_callback_hosts", allowedCallbackHosts);
        }
        var config = storage.load(flags);
        App app;
        try {
            app = App.start(config);
        } catch (JavalinBindException e) {
            throw new IllegalArgumentException("cannot listen on " + ListenAddress.of(config.host(), config.port()).boundUrl()
                    .replace("http://", "") + ": the port is in use by another process (choose another with --addr)");
        }
        var stopped = new CountDownLatch(1);
        var closing = new AtomicBoolean();
        Runnable stop = () -> {
            if (closing.compareAndSet(false, true)) {
                System.err.println("shutting down: draining requests and sockets");
                app.close();
            }
            stopped.countDown();
        };
        // SIGTERM/SIGINT are a requested stop, not a crash: drain, then exit 0 (the JVM's default
        // signal handling would exit 143). The hook still covers any other way the JVM ends.
        for (var signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), s -> Thread.ofPlatform().name("clickclack-stop").start(stop));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "clickclack-shutdown"));
        if (app.devFallbackEnabled()) {
            System.out.println("WARNING: dev fallback is ON: local requests without credentials act as the dev user. "
                    + "Run `clickclack admin bootstrap` or pass --no-dev before exposing this server.");
        }
        // Printed last: scripts wait for this line to know the server is ready.
        var listening = ListenAddress.of(config.host(), app.port());
        var open = config.publicUrlConfigured() ? config.publicUrl() : listening.localUrl();
        System.out.println("listening on " + listening.boundUrl() + (listening.allInterfaces() ? " (all interfaces)" : "")
                + " - open " + open + "/app  (data: " + config.dataDir() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
