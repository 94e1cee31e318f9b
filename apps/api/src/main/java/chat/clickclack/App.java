package chat.clickclack;

import chat.clickclack.auth.AccessFilter;
import chat.clickclack.auth.AuthRoutes;
import chat.clickclack.auth.Authenticator;
import chat.clickclack.auth.DevFallback;
import chat.clickclack.auth.EmailLinks;
import chat.clickclack.auth.GitHubRoutes;
import chat.clickclack.auth.GitHubSignIn;
import chat.clickclack.auth.Mailer;
import chat.clickclack.auth.SessionRoutes;
import chat.clickclack.auth.SignInRoutes;
import chat.clickclack.auth.OriginCheck;
import chat.clickclack.auth.SessionCookie;
import chat.clickclack.auth.Sessions;
import chat.clickclack.channels.ChannelMemberRoutes;
import chat.clickclack.channels.ChannelMembership;
import chat.clickclack.channels.ChannelRoutes;
import chat.clickclack.channels.NotificationSettings;
import chat.clickclack.pins.PinRoutes;
import chat.clickclack.pins.Pins;
import chat.clickclack.bots.BotRoutes;
import chat.clickclack.bots.Bots;
import chat.clickclack.webhooks.WebhookRoutes;
import chat.clickclack.webhooks.Webhooks;
import chat.clickclack.callbacks.CallbackClient;
import chat.clickclack.callbacks.CallbackGuard;
import chat.clickclack.commands.CommandCallbacks;
import chat.clickclack.commands.CommandRoutes;
import chat.clickclack.commands.RegisteredCommands;
import chat.clickclack.commands.SlashCommands;
import chat.clickclack.subscriptions.DeliveryWorker;
import chat.clickclack.subscriptions.EventSubscriptions;
import chat.clickclack.subscriptions.SubscriptionRoutes;
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
import chat.clickclack.backup.DataDirLock;
import chat.clickclack.metrics.MetricsServer;
import chat.clickclack.metrics.RequestObserver;
import chat.clickclack.metrics.ServerMetrics;
import chat.clickclack.realtime.Hub;
import chat.clickclack.realtime.Presence;
import chat.clickclack.realtime.RealtimeRoutes;
import chat.clickclack.search.Search;
import chat.clickclack.search.SearchRoutes;
import chat.clickclack.threads.ThreadRoutes;
import chat.clickclack.threads.Threads;
import chat.clickclack.uploads.UploadRoutes;
import chat.clickclack.uploads.UploadStorage;
import chat.clickclack.uploads.UploadSweeper;
import chat.clickclack.uploads.Uploads;
import chat.clickclack.uploads.WorkspaceUploads;
import chat.clickclack.users.MeRoutes;
import chat.clickclack.users.Profiles;
import chat.clickclack.workspaces.Invites;
import chat.clickclack.workspaces.WorkspaceAdmin;
import chat.clickclack.workspaces.WorkspaceDataOwner;
import chat.clickclack.workspaces.WorkspaceDeletion;
import chat.clickclack.workspaces.WorkspaceRoutes;
import chat.clickclack.workspaces.Workspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The composition root: opens the database, builds every feature and wires the server. Reading this
 * file top to bottom shows the whole application.
 */
public final class App implements AutoCloseable {
    private final DataDirLock lock;
    /** Serves /metrics when metrics_addr is set; null otherwise. */
    private volatile MetricsServer metricsServer;
    /** Removes uploads nobody attached within upload_unattached_ttl_ms. */
    private volatile UploadSweeper sweeper;
    public static final long SHUTDOWN_DRAIN_MILLIS = 2_000;

    private final Database db;
    private final Hub hub;
    private final HttpServer http;
    private final DevFallback devFallback;
    private final AtomicBoolean ready;
    private final Mailer mailer;
    private final CallbackClient callbackClient;
    private final DeliveryWorker deliveries;

    private App(Database db, Hub hub, HttpServer http, DevFallback devFallback, AtomicBoolean ready, DataDirLock lock,
            Mailer mailer, CallbackClient callbackClient, DeliveryWorker deliveries) {
        this.mailer = mailer;
        this.deliveries = deliveries;
        this.callbackClient = callbackClient;
        this.lock = lock;
        this.db = db;
        this.hub = hub;
        this.http = http;
        this.devFallback = devFallback;
        this.ready = ready;
    }

    /** Creates the data layout, migrates, and starts serving. */
    public static App start(Config config) {
        return start(config, Presence.Timing.DEFAULT);
    }

    public static App start(Config config, Presence.Timing presenceTiming) {
        createDataLayout(config);
        // Held while serving, so a restore can refuse this directory; released by close() or the process's end.
        var lock = DataDirLock.tryAcquire(config.dataDir()).orElseThrow(() -> new IllegalArgumentException(
                "another clickclack server is running on " + config.dataDir() + " (it holds serve.lock)"));
        try {
            return start(config, presenceTiming, lock);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    private static App start(Config config, Presence.Timing presenceTiming, DataDirLock lock) {
        var hub = new Hub(config.replayWindowEvents(), config.subscriberBufferEvents(),
                config.limits().feedBytesPerWorkspace(), presenceTiming);
        // Outgoing callbacks (registered commands, event subscriptions) go through the SSRF guard.
        var callbackGuard = new CallbackGuard(config.callbacks().allowedHosts());
        var callbackClient = new CallbackClient(callbackGuard);
        var deliveries = new DeliveryWorker(callbackClient, config.callbacks());
        // After each commit: the hub fans events out to sockets, the delivery worker to subscriptions.
        var db = Database.open(config.databaseFile(), config.synchronous(), events -> {
            hub.publish(events);
            deliveries.eventsCommitted();
        });
        hub.start(db);
        deliveries.start(db);

        var devFallback = new DevFallback(db, config.dev());
        var authenticator = new Authenticator(db, devFallback);
        var forwarded = new ForwardedHeaders(config.http().trustedProxies());
        var origins = new OriginCheck(config.publicUrl(), forwarded);
        var sessions = new Sessions(db, hub::closeSession);
        // Files are flushed to the disk per upload only when the database is too (synchronous=full).
        var uploadStorage = new UploadStorage(config.dataDir(), config.synchronous().equals("full"));
        var uploads = new Uploads(db, uploadStorage, config.uploads().maxBytes());
        uploads.reconcile(); // before serving: temp files and files without a row go (a crash mid-upload)
        var profiles = new Profiles(db, uploads::prepareAvatar);
        var workspaces = new Workspaces(db, config.limits().workspacesPerUser());
        var invites = new Invites(db);
        // The features whose workspace data lives outside the core tables (uploads' rows and files) join this list.
        var workspaceDataOwners = List.<WorkspaceDataOwner>of(new WorkspaceUploads(uploadStorage));
        var workspaceDeletion = new WorkspaceDeletion(db, hub::closeWorkspace, workspaceDataOwners);
        var channels = new Channels(db, config.limits().channelsPerUserPerWorkspace());
        var posting = new MessagePosting(db); // the one path for roots, replies and direct messages
        var messages = new Messages(db, posting);
        var threads = new Threads(db, posting);
        var dms = new Dms(db, messages, posting);
        var reactions = new Reactions(db, config.limits().reactionEmojiPerMessage());
        var limiter = new RateLimiter(config.limits().rates(), config.limits().rates(), forwarded::clientAddress);
        var observability = config.observability();
        var metrics = observability.metricsOn() ? new ServerMetrics(db, hub) : null;

        // Links in mail and GitHub's redirect go to public_url, or to where this server listens (known once it
        // does); never to a request's Host header, which the requester chooses.
        var listenUrl = new AtomicReference<String>(config.publicUrl());
        Supplier<String> baseUrl = () -> config.publicUrlConfigured() ? config.publicUrl() : listenUrl.get();
        var mailer = config.smtp() == null ? null : new Mailer(config.smtp());
        var emailLinks = new EmailLinks(db, mailer, baseUrl);
        var github = new GitHubSignIn(config.github(), db, baseUrl);
        var sessionCookie = new SessionCookie(config.publicUrl(), forwarded);

        var channelMembership = new ChannelMembership(db);
        var commandCallbacks = new CommandCallbacks(db, callbackClient, posting, hub, baseUrl);
        var slashCommands = new SlashCommands(db, posting, channels, profiles, channelMembership, commandCallbacks);

        var ready = new AtomicBoolean();
        var http = HttpServer.create(config.maxBodyBytes(), config.uploads().maxBytes(), config.http(),
                new AccessFilter(authenticator, origins)::handle, routes -> {
            RequestObserver.register(routes, metrics, observability.accessLog());
            new AuthRoutes(sessions, sessionCookie, limiter, authenticator).register(routes);
            new SignInRoutes(emailLinks, github.configured(), limiter).register(routes);
            new GitHubRoutes(github, sessionCookie, authenticator, limiter).register(routes);
            new MeRoutes(profiles).register(routes);
            new SessionRoutes(db, sessionCookie, hub::closeSession).register(routes);
            new WorkspaceRoutes(workspaces, new WorkspaceAdmin(db), workspaceDeletion, invites, limiter, baseUrl)
                    .register(routes);
            new ChannelRoutes(channels, limiter).register(routes);
            new ChannelMemberRoutes(channelMembership, new NotificationSettings(db)).register(routes);
            new PinRoutes(new Pins(db)).register(routes);
            new ReadRoutes(new Reads(db)).register(routes);
            new MessageRoutes(messages, limiter).register(routes);
            new ThreadRoutes(threads, limiter).register(routes);
            new ReactionRoutes(reactions, limiter).register(routes);
            new DmRoutes(dms, limiter).register(routes);
            new SearchRoutes(new Search(db), limiter).register(routes);
            new UploadRoutes(uploads, limiter).register(routes);
            new EventRoutes(db, hub.seats()).register(routes);
            new BotRoutes(new Bots(db, hub::closeSession)).register(routes);
            new WebhookRoutes(new Webhooks(db, posting), limiter).register(routes);
            new CommandRoutes(slashCommands, new RegisteredCommands(db, callbackGuard), commandCallbacks, limiter)
                    .register(routes);
            new SubscriptionRoutes(new EventSubscriptions(db, callbackGuard, deliveries)).register(routes);
            new RealtimeRoutes(db, hub, authenticator, origins, forwarded, limiter,
                    config.http().maxSocketsPerUser(), config.http().maxSocketsPerIp()).register(routes);
        }, ready::get);
        var app = new App(db, hub, http, devFallback, ready, lock, mailer, callbackClient, deliveries);
        app.sweeper = new UploadSweeper(db, uploadStorage, config.uploads().unattachedTtl(), config.uploads().sweepInterval());
        devFallback.prepare();
        http.start(config.host(), config.port());
        if (metrics != null) {
            app.metricsServer = MetricsServer.start(observability.metricsHost(), observability.metricsPort(), metrics);
        }
        var listening = ListenAddress.of(config.host(), http.port());
        listenUrl.set(listening.localUrl());
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

    /** The port /metrics listens on, or -1 when metrics are off. */
    public int metricsPort() {
        return metricsServer == null ? -1 : metricsServer.port();
    }

    public boolean ready() {
        return ready.get();
    }

    public boolean devFallbackEnabled() {
        return devFallback.enabled();
    }

    /** The sweeper of unattached uploads (tests run a pass with {@code sweep()}). */
    public UploadSweeper uploadSweeper() {
        return sweeper;
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
        deliveries.close(); // deliveries in flight finish and record their outcome first
        callbackClient.close();
        hub.close();
        if (sweeper != null) {
            sweeper.close();
        }
        if (mailer != null) {
            mailer.close();
        }
        if (metricsServer != null) {
            metricsServer.close();
        }
        db.close();
        lock.close();
    }
}
