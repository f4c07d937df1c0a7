package org.clusterbridge.events.outbox;

import java.time.Instant;

/** An event waiting in an outbox: its Kafka topic and key, and the serialized envelope. */
public record PendingEvent(String eventId, String topic, String key, String payload, Instant createdAt) {
}
