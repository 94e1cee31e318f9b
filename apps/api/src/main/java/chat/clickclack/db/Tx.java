package chat.clickclack.db;

import chat.clickclack.events.Event;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The writer's connection as seen by one unit of work, plus the events that unit appended.
 * The events are handed to the realtime hub only after the transaction holding them commits.
 */
public final class Tx {
    private final Connection connection;
    private final List<Event> appended = new ArrayList<>();

    Tx(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** Records an event written in this unit; published after commit. */
    public void appended(Event event) {
        appended.add(event);
    }

    List<Event> appendedEvents() {
        return appended;
    }
}
