package org.clusterbridge.funding;

import java.util.Map;

import jakarta.inject.Inject;

import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.postgresql.OutboxEvent;
import org.clusterbridge.events.postgresql.PostgresOutbox;
import org.clusterbridge.testing.StoreAndBrokerRoundTrip;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The service reaches its real PostgreSQL and Kafka: a row written in a transaction comes out of the topic. */
@QuarkusTest
class StoreAndBrokerRoundTripTest extends StoreAndBrokerRoundTrip {

    @Inject
    PostgresOutbox outbox;
    @Inject
    CloudEvents cloudEvents;

    @Override
    protected String storeHealthCheck() {
        return "Database connections health check";
    }

    @Override
    protected String probeTopic() {
        return "funding-probes";
    }

    @Override
    protected void writeProbe(String topic, String id) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(topic,
                cloudEvents.create("probe", "checked", id, 1, "round-trip-test", Map.of("id", id))));
    }

    @Override
    protected boolean probeSent(String id) {
        OutboxEvent row = QuarkusTransaction.requiringNew()
                .call(() -> OutboxEvent.<OutboxEvent> find("aggregateId", id).firstResult());
        return row != null && row.publishedAt != null;
    }
}
