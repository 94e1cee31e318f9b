package chat.clickclack.realtime;

import chat.clickclack.http.ApiException;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Caps on open WebSockets per user and per client address, so that one member (or one machine) cannot
 * hold thousands of sockets and the memory behind them.
 *
 * <p>The cap is taken at the upgrade, not when the socket opens: {@link #reserve} counts the socket before
 * the 101 goes out (or refuses it with a 429), and {@link #admit} turns that reservation into an open socket
 * once Jetty reports it connected. Counting only on connect let a client that had just seen its 101 open one
 * more socket before the server had counted the first (that one got a 101, then a 1013). A reservation
 * whose socket never opens (the client vanished mid-handshake) expires after {@link #RESERVATION_TTL}.
 *
 * <p>Threading: all methods synchronize on this object; they run once per upgrade and per close.
 */
final class SocketLimits {
    static final Duration RESERVATION_TTL = Duration.ofSeconds(10);

    private record Owner(String userId, String address) {}

    /** A counted upgrade whose socket has not opened yet. */
    static final class Reservation {
        private final Owner owner;
        private final long atNanos;

        private Reservation(Owner owner, long atNanos) {
            this.owner = owner;
            this.atNanos = atNanos;
        }
    }

    private final int perUser;
    private final int perAddress;
    private final Map<String, Integer> byUser = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();
    private final Map<Object, Owner> open = new IdentityHashMap<>();
    private final Map<Reservation, Boolean> pending = new IdentityHashMap<>();

    SocketLimits(int perUser, int perAddress) {
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** Counts an upgrade about to be answered 101, or refuses it (429) while the user or address holds its cap. */
    synchronized Reservation reserve(String userId, String address) {
        expireReservations(System.nanoTime());
        if (byUser.getOrDefault(userId, 0) >= perUser) {
            throw new ApiException.LimitReached("too many open WebSockets for this user (at most " + perUser
                    + "): close one first");
        }
        if (byAddress.getOrDefault(address, 0) >= perAddress) {
            throw new ApiException.LimitReached("too many open WebSockets from this address (at most " + perAddress + ")");
        }
        var reservation = new Reservation(new Owner(userId, address), System.nanoTime());
        pending.put(reservation, Boolean.TRUE);
        count(reservation.owner, 1);
        return reservation;
    }

    /**
     * The reserved socket opened. False (and nothing counted) only when its reservation had expired and the
     * caps are full again meanwhile; the caller then closes it.
     */
    synchronized boolean admit(Object socket, Reservation reservation) {
        if (pending.remove(reservation) == null) {
            var owner = reservation.owner;
            if (byUser.getOrDefault(owner.userId(), 0) >= perUser || byAddress.getOrDefault(owner.address(), 0) >= perAddress) {
                return false;
            }
            count(owner, 1);
        }
        open.put(socket, reservation.owner);
        return true;
    }

    /** Forgets a socket; safe to call twice (close and error both report it) or for one never admitted. */
    synchronized void release(Object socket) {
        var owner = open.remove(socket);
        if (owner != null) {
            count(owner, -1);
        }
    }

    private void expireReservations(long now) {
        var ttl = RESERVATION_TTL.toNanos();
        pending.keySet().removeIf(r -> {
            boolean expired = now - r.atNanos > ttl;
            if (expired) {
                count(r.owner, -1);
            }
            return expired;
        });
    }

    private void count(Owner owner, int delta) {
        byUser.merge(owner.userId(), delta, (a, b) -> a + b == 0 ? null : a + b);
        byAddress.merge(owner.address(), delta, (a, b) -> a + b == 0 ? null : a + b);
    }
}
