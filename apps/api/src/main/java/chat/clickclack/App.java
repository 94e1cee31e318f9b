package chat.clickclack;

import chat.clickclack.auth.AccessFilter;
import chat.clickclack.auth.AuthRoutes;
import chat.clickclack.auth.Authenticator;
import chat.clickclack.auth.DevFallback;
import chat.clickclack.auth.OriginCheck;
import chat.clickclack.auth.SessionCookie;
import chat.clickclack.auth.Sessions;
import chat.clickclack.channels.ChannelRoutes;
import chat.clickclack.channels.Channels;
import chat.clickclack.config.Config;
import chat.clickclack.db.Database;
import chat.clickclack.dms.DmRoutes;
import chat.clickclack.dms.Dms;
import chat.clickclack.events.EventRoutes;
import chat.clickclack.db.Settings;
import chat.clickclack.http.ForwardedHeaders;
import chat.clickclack.http.HttpServer;
import chat.clickclack.http.ListenAddress;
import chat.clickclack.messages.MessagePosting;
import chat.clickclack.limits.RateLimiter;
import chat.clickclack.messages.MessageRoutes;
import chat.clickclack.messages.Messages;
import chat.clickclack.reactions.ReactionRoutes;
import chat.clickclack.reactions.Reactions;
import chat.clickclack.reads.ReadRoutes;
import chat.clickclack.reads.Reads;
import chat.clickclack.realtime.Hub;
import chat.clickclack.realtime.RealtimeRoutes;
import chat.clickclack.search.Search;
import chat.clickclack.search.SearchRoutes;
import chat.clickclack.threads.ThreadRoutes;
import chat.clickclack.threads.Threads;
import chat.clickclack.users.MeRoutes;
import chat.clickclack.users.Profiles;
import chat.clickclack.workspaces.Invites;
import chat.clickclack.workspaces.WorkspaceRoutes;
import chat.clickclack.workspaces.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root: opens the database, builds every feature and wires the server. Reading this
 * file top to bottom shows the whole application.
 */
public final class App implements AutoCloseable {
    public static final long PRESENCE_GRACE_MILLIS = 5_000;
    public static final long SHUTDOWN_DRAIN_MILLIS = 2_000;

    private final Database db;
    private final Hub hub;
    private final HttpServer http;
    private final DevFallback devFallback;
    private final AtomicBoolean ready;

    private App(Database db, Hub hub, HttpServer http, DevFallback devFallback, AtomicBoolean ready) {
        this.db = db;
        this.hub = hub;
        this.http = http;
        this.devFallback = devFallback;
        this.ready = ready;
    }

    /** Creates the data layout, migrates, and starts serving. */
    public static App start(Config config) {
        return start(config, PRESENCE_GRACE_MILLIS);
    }

    public static App start(Config config, long presenceGraceMillis) {
        createDataLayout(config);
        var hub = new Hub(config.replayWindowEvents(), config.subscriberBufferEvents(),
                config.limits().feedBytesPerWorkspace(), presenceGraceMillis);
        var db = Database.open(config.databaseFile(), config.synchronous(), hub::publish);
        hub.start(db);

        var devFallback = new DevFallback(db, config.dev());
        var authenticator = new Authenticator(db, devFallback);
        var forwarded = new ForwardedHeaders(config.http().trustedProxies());
        var origins = new OriginCheck(config.publicUrl(), forwarded);
        var sessions = new Sessions(db, hub::closeSession);
        var profiles = new Profiles(db);
        var workspaces = new Workspaces(db, config.limits().workspacesPerUser());
        var invites = new Invites(db);
        var channels = new Channels(db, config.limits().channelsPerUserPerWorkspace());
        var posting = new MessagePosting(db); // the one path for roots, replies and direct messages
        var messages = new Messages(db, posting);
        var threads = new Threads(db, posting);
        var dms = new Dms(db, messages, posting);
        var reactions = new Reactions(db, config.limits().reactionEmojiPerMessage());
        var limiter = new RateLimiter(config.limits().rates(), config.limits().rates(), forwarded::clientAddress);

        var ready = new AtomicBoolean();
        var http = HttpServer.create(config.maxBodyBytes(), config.http(), new AccessFilter(authenticator, origins)::handle, routes -> {
            new AuthRoutes(sessions, new SessionCookie(config.publicUrl(), forwarded), limiter, authenticator).register(routes);
            new MeRoutes(profiles).register(routes);
            new WorkspaceRoutes(workspaces, invites, limiter).register(routes);
            new ChannelRoutes(channels, limiter).register(routes);
            new ReadRoutes(new Reads(db)).register(routes);
            new MessageRoutes(messages, limiter).register(routes);
            new ThreadRoutes(threads, limiter).register(routes);
            new ReactionRoutes(reactions, limiter).register(routes);
            new DmRoutes(dms, limiter).register(routes);
            new SearchRoutes(new Search(db)).register(routes);
            new EventRoutes(db).register(routes);
            new RealtimeRoutes(db, hub, authenticator, origins, forwarded, limiter,
                    config.http().maxSocketsPerUser(), config.http().maxSocketsPerIp()).register(routes);
        }, ready::get);
        var app = new App(db, hub, http, devFallback, ready);
        devFallback.prepare();
        http.start(config.host(), config.port());
        var listening = ListenAddress.of(config.host(), http.port());
        db.write(tx -> {
            Settings.put(tx.connection(), Settings.LISTEN_URL, listening.localUrl());
            return null;
        });
        ready.set(true);
        return app;
    }

    private static void createDataLayout(Config config) {
        try {
            Files.createDirectories(config.dataDir().resolve("uploads"));
            Files.createDirectories(config.dataDir().resolve("logs"));
            Files.createDirectories(config.databaseFile().toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir(), e);
        }
    }

    public int port() {
        return http.port();
    }

    public boolean ready() {
        return ready.get();
    }

    public boolean devFallbackEnabled() {
        return devFallback.enabled();
    }

    public Database database() {
        return db;
    }

    public Hub hub() {
        return hub;
    }

    public HttpServer http() {
        return http;
    }

    /** Graceful stop: sockets drain and close with 1001, in-flight requests finish, then the database closes. */
    @Override
    public void close() {
        ready.set(false);
        hub.shutdown(SHUTDOWN_DRAIN_MILLIS);
        http.stop();
        hub.close();
        db.close();
    }
}
