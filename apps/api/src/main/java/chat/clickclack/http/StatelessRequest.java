package chat.clickclack.http;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A request that can never create a server-side HTTP session.
 *
 * <p>Why: Javalin builds its WebSocket upgrade context eagerly, and that context snapshots the session's
 * attributes with {@code req.getSession()} — which creates a Jetty session (and a {@code JSESSIONID}
 * cookie) for every upgrade attempt, before our before-upgrade check has even refused it. Sessions live
 * in memory until they expire, so an anonymous client could fill the heap with refused upgrades. We keep
 * no server-side session state at all (our sessions are rows in SQLite, named by the {@code cc_session}
 * cookie), so asking for one gets an empty, detached stand-in that is garbage once the request ends.
 */
final class StatelessRequest extends HttpServletRequestWrapper {
    StatelessRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public HttpSession getSession(boolean create) {
        return create ? new DetachedSession(getServletContext()) : null;
    }

    @Override
    public String changeSessionId() {
        throw new IllegalStateException("HTTP sessions are disabled");
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    /** Holds nothing and refuses attributes, so no code can come to rely on server-side session state. */
    private record DetachedSession(ServletContext context) implements HttpSession {
        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public String getId() {
            return "";
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public ServletContext getServletContext() {
            return context;
        }

        @Override
        public void setMaxInactiveInterval(int interval) {}

        @Override
        public int getMaxInactiveInterval() {
            return 0;
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public void setAttribute(String name, Object value) {
            throw new UnsupportedOperationException("HTTP sessions are disabled: keep state in the database");
        }

        @Override
        public void removeAttribute(String name) {}

        @Override
        public void invalidate() {}

        @Override
        public boolean isNew() {
            return true;
        }
    }
}
