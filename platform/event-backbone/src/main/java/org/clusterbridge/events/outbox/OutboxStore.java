package org.clusterbridge.events.outbox;

import java.time.Instant;
import java.util.Optional;

/** Where a store keeps events that were committed with a change but not yet acknowledged by Kafka. */
public interface OutboxStore {

    /** Returned by {@link #relayBatch} when another instance holds the right to relay. */
    int HELD_ELSEWHERE = -1;

    /** A short name for logs, metrics and health details. */
    String name();

    /**
     * Publishes up to {@code max} pending events, oldest first and in order per aggregate, and marks them sent
     * only after the broker acknowledged all of them. Throws when publishing fails; nothing is marked then.
     *
     * @return how many events were published, or {@link #HELD_ELSEWHERE}
     */
    int relayBatch(int max, EventPublisher publisher);

    long pendingCount();

    Optional<Instant> oldestPending();

    /** How many events are pending and the oldest one's time: both from one read where the store can. */
    record Backlog(long count, Optional<Instant> oldest) {
    }

    default Backlog backlog() {
        return new Backlog(pendingCount(), oldestPending());
    }

    /** Drops what was published before {@code cutoff}, where the store keeps published events at all. */
    default void purgePublishedBefore(Instant cutoff) {
    }

    /**
     * Gives up this instance's right to relay at shutdown, so another instance takes over at once instead of
     * after the lease runs out. A PostgreSQL advisory lock goes with its session by itself.
     */
    default void releaseRelay() {
    }
}
