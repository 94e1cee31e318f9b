package chat.clickclack.limits;

import chat.clickclack.auth.Actor;
import chat.clickclack.http.ApiException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.SynchronizationStrategy;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Token buckets per (action, caller): a caller is a user id, or the client IP for anonymous actions.
 *
 * <p>Cost on the send path: one cache lookup (no allocation for a known key: the mapping function is
 * built once per action) and one synchronized token take on that caller's own bucket. Buckets live in a
 * bounded cache that forgets a caller after a quiet period longer than the refill, so memory stays
 * bounded however many callers (or forged IPs) come by; a forgotten caller starts with a full bucket,
 * which is what it would have after that quiet period anyway.
 *
 * <p>Threading: safe for any number of request threads.
 */
public final class RateLimiter {
    /** Who is acting. Bots get their own table as soon as bot accounts exist (they come in a later issue). */
    public enum Kind { HUMAN, BOT }

    public static final long MAX_TRACKED_CALLERS = 100_000;

    private record Table(RateLimit limit, Cache<String, Bucket> buckets, Function<String, Bucket> create) {}

    private final Map<Kind, Map<Action, Table>> tables = new EnumMap<>(Kind.class);
    private final Function<Context, String> clientAddress;

    /**
     * @param human         limits for people and for anonymous callers
     * @param bot           limits for bot accounts; today the same as {@code human} (the hook for bots' own keys)
     * @param clientAddress the caller's address for anonymous actions: the peer, or what a trusted proxy
     *                      forwarded (otherwise everyone behind a proxy would share one bucket)
     */
    public RateLimiter(Map<Action, RateLimit> human, Map<Action, RateLimit> bot, Function<Context, String> clientAddress) {
        this.clientAddress = clientAddress;
        tables.put(Kind.HUMAN, tables(human));
        tables.put(Kind.BOT, tables(bot));
    }

    private static Map<Action, Table> tables(Map<Action, RateLimit> limits) {
        var out = new EnumMap<Action, Table>(Action.class);
        limits.forEach((action, limit) -> {
            Cache<String, Bucket> cache = Caffeine.newBuilder()
                    .maximumSize(MAX_TRACKED_CALLERS)
                    .expireAfterAccess(limit.off() ? Duration.ofMinutes(1) : limit.period().plusMinutes(1))
                    .build();
            Function<String, Bucket> create = key -> Bucket.builder()
                    .addLimit(l -> l.capacity(limit.count()).refillGreedy(limit.count(), limit.period()))
                    .withSynchronizationStrategy(SynchronizationStrategy.SYNCHRONIZED)
                    .build();
            out.put(action, new Table(limit, cache, create));
        });
        return out;
    }

    /**
     * The handler behind this action's limit: anonymous actions count per client address (the peer, or the
     * address a trusted proxy forwarded), the others per signed-in user, whichever session or token they use.
     */
    public Handler guard(Action action, Handler next) {
        return ctx -> {
            // Every account is a person today; bots take Kind.BOT here once users carry their kind.
            take(action, Kind.HUMAN, action.anonymous() ? clientAddress.apply(ctx) : Actor.of(ctx).userId());
            next.handle(ctx);
        };
    }

    /** Takes one token for the caller, or answers 429 with how long to wait. */
    public void take(Action action, Kind kind, String caller) {
        var table = tables.get(kind).get(action);
        if (table == null || table.limit().off()) {
            return;
        }
        var bucket = table.buckets().get(caller, table.create());
        if (bucket.tryConsume(1)) {
            return;
        }
        long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        throw new ApiException.TooManyRequests("too many requests; try again in " + seconds + " s", seconds);
    }
}
