package org.clusterbridge.events.postgresql;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.outbox.EventPublisher;
import org.clusterbridge.events.outbox.OutboxRelay;
import org.clusterbridge.events.outbox.OutboxStore;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The outbox of a PostgreSQL service. {@link #append} joins the caller's transaction, so the event exists
 * exactly when the change does. One instance at a time relays, guarded by a transaction-scoped advisory lock,
 * so several instances on one database never publish an aggregate's events twice or out of order.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.postgresql.enabled", stringValue = "true")
public class PostgresOutbox implements OutboxStore {

    /** Advisory lock key of the relay: the same in every instance sharing the database. */
    static final long RELAY_LOCK = 0x436c757374657242L;

    private final EntityManager entityManager;
    private final CloudEvents cloudEvents;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    PostgresOutbox(EntityManager entityManager, CloudEvents cloudEvents,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.cloudEvents = cloudEvents;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Adds the event to the outbox in the current transaction; the relay wakes when it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, CloudEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.aggregateId = event.subject();
        row.type = event.type();
        row.sequence = event.sequence();
        row.payload = cloudEvents.write(event);
        row.createdAt = Instant.now();
        row.persist();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public int relayBatch(int max, EventPublisher publisher) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return HELD_ELSEWHERE;
            }
            List<OutboxEvent> batch = OutboxEvent.<OutboxEvent> find("publishedAt is null order by id")
                    .page(0, max).list();
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publish(batch.stream().map(OutboxEvent::pending).toList());
            OutboxEvent.update("publishedAt = ?1 where id in ?2", Instant.now(),
                    batch.stream().map(row -> row.id).toList());
            return batch.size();
        });
    }

    @Override
    public long pendingCount() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("publishedAt is null"));
    }

    @Override
    public Optional<Instant> oldestPending() {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent> find(
                "publishedAt is null order by id").firstResultOptional().map(row -> row.createdAt));
    }

    @Override
    public void purgePublishedBefore(Instant cutoff) {
        QuarkusTransaction.requiringNew().run(() -> OutboxEvent.delete("publishedAt < ?1", cutoff));
    }
}
