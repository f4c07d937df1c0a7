package org.clusterbridge.events.views;

import org.clusterbridge.events.CloudEvent;

/**
 * A view of another service's data kept from the events of one incoming channel. It names what it reads (its
 * {@link ViewSpec}), when an event's data can be stored (its completeness rule) and how (its store step);
 * {@link ViewEvents} does the rest: reading the envelope, filtering by type, the version gate, retries,
 * metrics, dead letters and rebuilds. Its {@code @Incoming} method (on a channel read with {@code batch=true})
 * hands each poll's batch to
 * {@link ViewEvents#consume}.
 *
 * @param <T> the data record read from each event's {@code data}
 * @param <W> the write the view's gate stores
 */
public interface InboundView<T, W> {

    ViewSpec<T, W> spec();

    /** The completeness rule: what the data lacks for the view to store it, or {@code null} when nothing. */
    String lacks(CloudEvent event, T data);

    /** The store step: what the gate stores for {@code data}. */
    W write(CloudEvent event, T data);

    /** Deletes everything the view's own store holds; a rebuild runs it through the gate. */
    void deleteAll();

    /** Whether the view takes events of this type. */
    default boolean takes(CloudEvent event) {
        return event.type().startsWith(CloudEvent.TYPE_PREFIX + spec().aggregate() + ".");
    }
}
