package chat.clickclack.realtime;

import chat.clickclack.http.ApiException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Caps on open WebSockets per user and per client address, so that one member (or one machine) cannot
 * hold thousands of sockets and the memory behind them. The upgrade is refused with a 429 while a cap is
 * reached ({@link #check}); a socket that slips past in a race of simultaneous upgrades is counted when
 * it opens ({@link #admit}) and closed by the caller if it is one too many.
 *
 * <p>Threading: all methods synchronize on this object; they run once per upgrade and per close.
 */
final class SocketLimits {
    private record Owner(String userId, String address) {}

    private final int perUser;
    private final int perAddress;
    private final Map<String, Integer> byUser = new HashMap<>();
    private final Map<String, Integer> byAddress = new HashMap<>();
    private final Map<Object, Owner> open = new IdentityHashMap<>();

    SocketLimits(int perUser, int perAddress) {
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** Refuses an upgrade (429) while the user or the address already holds its cap. */
    synchronized void check(String userId, String address) {
        if (byUser.getOrDefault(userId, 0) >= perUser) {
            throw new ApiException.LimitReached("too many open WebSockets for this user (at most " + perUser
                    + "): close one first");
        }
        if (byAddress.getOrDefault(address, 0) >= perAddress) {
            throw new ApiException.LimitReached("too many open WebSockets from this address (at most " + perAddress + ")");
        }
    }

    /** Counts an opened socket; false (and nothing counted) when it would exceed a cap. */
    synchronized boolean admit(Object socket, String userId, String address) {
        if (byUser.getOrDefault(userId, 0) >= perUser || byAddress.getOrDefault(address, 0) >= perAddress) {
            return false;
        }
        open.put(socket, new Owner(userId, address));
        byUser.merge(userId, 1, Integer::sum);
        byAddress.merge(address, 1, Integer::sum);
        return true;
    }

    /** Forgets a socket; safe to call twice (close and error both report it) or for one never admitted. */
    synchronized void release(Object socket) {
        var owner = open.remove(socket);
        if (owner != null) {
            byUser.computeIfPresent(owner.userId(), (k, n) -> n == 1 ? null : n - 1);
            byAddress.computeIfPresent(owner.address(), (k, n) -> n == 1 ? null : n - 1);
        }
    }
}
