package org.clusterbridge.events.outbox;

import java.util.List;

/** Sends events to Kafka and returns only when the broker acknowledged every one of them. */
public interface EventPublisher {

    void publish(List<PendingEvent> events);
}
