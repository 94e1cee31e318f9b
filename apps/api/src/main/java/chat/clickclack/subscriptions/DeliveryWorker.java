package chat.clickclack.subscriptions;

import chat.clickclack.callbacks.CallbackClient;
import chat.clickclack.callbacks.Signatures;
import chat.clickclack.config.Callbacks;
import chat.clickclack.db.Database;
import chat.clickclack.events.Audience;
import chat.clickclack.events.Event;
import chat.clickclack.events.EventStore;
import chat.clickclack.http.Json;
import chat.clickclack.ids.Ids;
import chat.clickclack.ids.Times;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the event log to subscriptions, by cursor. Per subscription, in order and head-of-line: the next
 * event is sent only after the current one was answered 2xx, and the subscription's cursor (in the database)
 * moves past an event in the same transaction that records its success. So delivery is at least once, and a
 * restart resumes exactly where the database says: retries, their attempt counts and backoff
 * ({@code next_attempt_at}) are rows, not memory. A failure waits {@code first_retry}, doubling up to
 * {@code max_retry}; a subscription that has failed without a success for {@code pause_after} is paused.
 *
 * <p>Privacy: only events whose audience is the whole workspace leave the server. Events addressed to a
 * private channel's members, a direct conversation's members or one user (read pointers) are stepped over,
 * whatever the subscription asked for: a subscriber is a URL, not a member, and could not be re-checked.
 *
 * <p>Threads: one loop thread finds due subscriptions and hands each to a virtual thread; a subscription is
 * in flight at most once (the {@code inFlight} set). No database connection is held during HTTP: each step
 * reads, sends, then writes its outcome through the single writer.
 */
public final class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** How long a receiver may take to answer one delivery. */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    /** Events read per step while looking for the next one a subscription wants. */
    static final int SCAN_PAGE = 200;
    /** Even without a wake-up, due retries are noticed this often. */
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final CallbackClient client;
    private final Callbacks settings;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    /** Whether the last look found an active subscription: without one, commits need not wake the loop. */
    private volatile boolean anyActive = true;
    private volatile Database db;
    private Thread loop;

    public DeliveryWorker(CallbackClient client, Callbacks settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Starts delivering from this database. */
    public void start(Database database) {
        this.db = database;
        running = true;
        loop = Thread.ofVirtual().name("event-deliveries").start(this::run);
    }

    /** Something changed (events were committed, a subscription was created or resumed): look now. */
    public void wake() {
        if (running && wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    /** Events were committed: look now, if anyone is subscribed. */
    public void eventsCommitted() {
        if (anyActive) {
            wake();
        }
    }

    private void run() {
        while (running) {
            wakeups.drainPermits();
            long waitMs = IDLE_POLL.toMillis();
            try {
                var now = Instant.now();
                var active = db.read(SubscriptionStore::active);
                anyActive = !active.isEmpty();
                for (var sub : active) {
                    if (sub.nextAttemptAt() != null) {
                        long dueIn = Duration.between(now, Instant.parse(sub.nextAttemptAt())).toMillis();
                        if (dueIn > 0) {
                            waitMs = Math.min(waitMs, dueIn);
                            continue;
                        }
                    }
                    if (inFlight.add(sub.id())) {
                        senders.submit(() -> drain(sub.id()));
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("event deliveries: {}", e.toString());
            }
            try {
                wakeups.tryAcquire(Math.max(waitMs, 1), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Sends this subscription's due events until it is caught up, fails, or the worker stops. */
    private void drain(String id) {
        try {
            while (running && step(id)) {
                // next event
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("event deliveries for {}: {}", id, e.toString());
            }
        } finally {
            inFlight.remove(id);
        }
        if (running) {
            wake(); // a retry time may have been set: the loop recomputes its wait
        }
    }

    /** One event (or a stretch of unwanted ones) for one subscription; true when it made progress. */
    boolean step(String id) {
        var found = db.read(c -> SubscriptionStore.byId(c, id));
        if (found.isEmpty()) {
            return false;
        }
        var sub = found.get().subscription();
        var now = Instant.now();
        if (!EventSubscription.ACTIVE.equals(sub.status())
                || (sub.nextAttemptAt() != null && Instant.parse(sub.nextAttemptAt()).isAfter(now))) {
            return false;
        }
        var page = db.read(c -> EventStore.after(c, sub.workspaceId(), sub.position(), SCAN_PAGE));
        if (page.isEmpty()) {
            return false;
        }
        Event next = null;
        long skippedTo = sub.position();
        for (var event : page) {
            if (deliverable(sub, event)) {
                next = event;
                break;
            }
            skippedTo = event.position();
        }
        if (next == null) {
            long to = skippedTo;
            return db.write(tx -> SubscriptionStore.advance(tx.connection(), id, sub.position(), to));
        }
        var body = Json.write(next).getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        var headers = Map.of(Signatures.TIMESTAMP_HEADER, Long.toString(ts),
                Signatures.SIGNATURE_HEADER, Signatures.sign(found.get().secret(), ts, body),
                "X-ClickClack-Event", next.type(), "X-ClickClack-Event-Id", next.id(),
                "X-ClickClack-Subscription", sub.id());
        var outcome = client.post(URI.create(sub.url()), "application/json", body, headers, DELIVERY_TIMEOUT);
        var event = next;
        long before = skippedTo;
        db.write(tx -> {
            record(tx.connection(), sub, event, before, outcome);
            return null;
        });
        return outcome.ok();
    }

    /**
     * Only events any (non-guest) member of the workspace could see, of a wanted type: workspace-wide ones and
     * those of public channels (addressed to the channel's members since delivery by membership, but readable
     * by every member); never a private channel's, a DM's or one person's.
     */
    static boolean deliverable(EventSubscription sub, Event event) {
        var kind = event.audience().kind();
        return (Audience.WORKSPACE_KIND.equals(kind) || Audience.PUBLIC_CHANNEL_KIND.equals(kind)
                || Audience.EXCEPT_GUESTS_KIND.equals(kind)) && sub.wants(event.type());
    }

    private void record(java.sql.Connection c, EventSubscription sub, Event event, long skippedTo,
            CallbackClient.Outcome outcome) throws java.sql.SQLException {
        if (SubscriptionStore.byId(c, sub.id()).isEmpty()) {
            return; // deleted while the delivery was in flight: nothing to record
        }
        var now = Instant.now();
        var at = Times.format(now);
        var previous = SubscriptionStore.delivery(c, sub.id(), event.position());
        int attempts = previous.map(EventDelivery::attempts).orElse(0) + 1;
        var id = previous.map(EventDelivery::id).orElseGet(() -> Ids.next("dlv"));
        var createdAt = previous.map(EventDelivery::createdAt).orElse(at);
        Integer code = outcome.status() == 0 ? null : outcome.status();
        if (outcome.ok()) {
            SubscriptionStore.saveDelivery(c, new EventDelivery(id, sub.id(), event.id(), event.cursor(), event.type(),
                    EventDelivery.DELIVERED, attempts, code, null, null, at, createdAt, at));
            SubscriptionStore.advance(c, sub.id(), sub.position(), event.position());
            SubscriptionStore.succeeded(c, sub.id());
            return;
        }
        var nextAt = Times.format(now.plus(backoff(attempts)));
        SubscriptionStore.saveDelivery(c, new EventDelivery(id, sub.id(), event.id(), event.cursor(), event.type(),
                EventDelivery.RETRYING, attempts, code, outcome.problem(), nextAt, null, createdAt, at));
        SubscriptionStore.advance(c, sub.id(), sub.position(), skippedTo);
        SubscriptionStore.failed(c, sub.id(), at, nextAt);
        var since = SubscriptionStore.byId(c, sub.id()).map(s -> s.subscription().failingSince()).orElse(at);
        if (!Duration.between(Instant.parse(since), now).minus(settings.pauseAfter()).isNegative()) {
            SubscriptionStore.pause(c, sub.id(), "failing since " + since + ": the receiver " + outcome.problem());
            LOG.warn("event subscription {} paused: failing since {} ({})", sub.id(), since, outcome.problem());
        }
    }

    /** first_retry, doubling per further attempt, at most max_retry. */
    Duration backoff(int attempts) {
        var wait = settings.firstRetry();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxRetry()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : wait;
    }

    /** Stops: deliveries in flight finish and record their outcome (so none is sent twice after a success). */
    @Override
    public void close() {
        running = false;
        wakeups.release();
        senders.shutdown();
        try {
            if (loop != null) {
                loop.join(DELIVERY_TIMEOUT.toMillis());
            }
            senders.awaitTermination(DELIVERY_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
