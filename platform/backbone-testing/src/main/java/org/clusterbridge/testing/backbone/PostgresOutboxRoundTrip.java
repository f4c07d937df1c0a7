package org.clusterbridge.testing.backbone;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;

import org.clusterbridge.events.postgresql.PostgresOutbox;
import org.clusterbridge.testing.StoreAndBrokerRoundTrip;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** The round trip of a service on PostgreSQL: an outbox row committed in a transaction comes out of the topic. */
public abstract class PostgresOutboxRoundTrip extends StoreAndBrokerRoundTrip {

    protected PostgresOutboxRoundTrip() {
        super("Database connections health check");
    }

    @Override
    protected void writeProbe(String topic, String id) {
        QuarkusTransaction.requiringNew()
                .run(() -> CDI.current().select(PostgresOutbox.class).get().append(topic, ProbeEvents.probe(id)));
    }

    /** By the row's columns: this class is outside the application, so Panache does not enhance its field reads. */
    @Override
    protected boolean probeSent(String id) {
        EntityManager entityManager = CDI.current().select(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                "SELECT 1 FROM outbox_event WHERE aggregate_id = :id AND published_at IS NOT NULL")
                .setParameter("id", id).getResultList().isEmpty());
    }
}
