package org.clusterbridge.events.views;

import java.util.ArrayList;
import java.util.List;

import org.clusterbridge.events.CloudEvent;

/**
 * The version gate of a view: a view's write for an event is stored only when the event's {@code sequence} is
 * newer than what the view holds for its aggregate, together with that sequence, so that duplicates,
 * redeliveries and replays change nothing. One implementation per store:
 * {@link org.clusterbridge.events.postgresql.PostgresViewGate} and
 * {@link org.clusterbridge.events.mongodb.MongoViewGate}.
 *
 * @param <W> what the view hands the gate to store: entity statements or SQL run in the gate's transaction
 *        ({@link org.clusterbridge.events.postgresql.PostgresViewGate.Write}), or
 *        the aggregate's document stored by one conditional write (MongoDB)
 */
public interface ViewGate<W> {

    /** Stores {@code write} when {@code event} is newer than what {@code view} holds; returns whether it did. */
    boolean apply(String view, CloudEvent event, W write);

    /** The write of one event, as handed to {@link #applyAll}. */
    record Gated<W>(CloudEvent event, W write) {
    }

    /**
     * Stores the writes of a batch, at most one per aggregate, each only when its event is newer than what
     * {@code view} holds; returns, in the order given, whether each was stored. A store that can do it in one
     * transaction or one bulk write does; either all of them are stored or, when this throws, none of them may
     * be relied on (the caller applies them again one by one, which the gate makes safe).
     */
    default List<Boolean> applyAll(String view, List<Gated<W>> writes) {
        List<Boolean> applied = new ArrayList<>(writes.size());
        for (Gated<W> gated : writes) {
            applied.add(apply(view, gated.event(), gated.write()));
        }
        return applied;
    }

    /** Empties the view's store with {@code emptyStore} and forgets what it applied, so a replay applies all. */
    void reset(String view, Runnable emptyStore);
}
