package org.clusterbridge.events.views;

import org.clusterbridge.events.CloudEvent;

/**
 * The version gate of a view: a view's write for an event is stored only when the event's {@code sequence} is
 * newer than what the view holds for its aggregate, together with that sequence, so that duplicates,
 * redeliveries and replays change nothing. One implementation per store:
 * {@link org.clusterbridge.events.postgresql.PostgresViewGate} and
 * {@link org.clusterbridge.events.mongodb.MongoViewGate}.
 *
 * @param <W> what the view hands the gate to store: statements run in the gate's transaction (PostgreSQL), or
 *        the aggregate's document stored by one conditional write (MongoDB)
 */
public interface ViewGate<W> {

    /** Stores {@code write} when {@code event} is newer than what {@code view} holds; returns whether it did. */
    boolean apply(String view, CloudEvent event, W write);

    /** Empties the view's store with {@code emptyStore} and forgets what it applied, so a replay applies all. */
    void reset(String view, Runnable emptyStore);
}
