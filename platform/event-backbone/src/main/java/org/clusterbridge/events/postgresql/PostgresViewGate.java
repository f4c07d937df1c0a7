package org.clusterbridge.events.postgresql;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.views.ViewGate;
import org.hibernate.Session;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The version gate of PostgreSQL views: an event is applied only when its {@code sequence} is newer than what
 * the view holds for its aggregate (table {@code view_version}), in the same transaction as the view's own
 * statements. Duplicates, redeliveries and replays therefore change nothing. A batch is gated by one statement
 * and stored in one transaction.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.postgresql.enabled", stringValue = "true")
public class PostgresViewGate implements ViewGate<Runnable> {

    private final EntityManager entityManager;

    PostgresViewGate(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Runs {@code statements} and returns true when the event is newer than the view; otherwise returns false. */
    @Override
    @Transactional
    public boolean apply(String view, CloudEvent event, Runnable statements) {
        int advanced = entityManager.createNativeQuery("""
                INSERT INTO view_version (view_name, aggregate_id, sequence, applied_at)
                VALUES (:view, :aggregate, :sequence, now())
                ON CONFLICT (view_name, aggregate_id) DO UPDATE
                SET sequence = EXCLUDED.sequence, applied_at = EXCLUDED.applied_at
                WHERE view_version.sequence < EXCLUDED.sequence
                """)
                .setParameter("view", view)
                .setParameter("aggregate", event.subject())
                .setParameter("sequence", event.sequence())
                .executeUpdate();
        if (advanced == 0) {
            return false;
        }
        statements.run();
        return true;
    }

    /**
     * One transaction for the batch: one upsert of every aggregate's sequence (an {@code unnest} of two arrays,
     * so its shape does not depend on the batch's size), which returns the aggregates it advanced; then the
     * statements of those, in the order given.
     */
    @Override
    @Transactional
    public List<Boolean> applyAll(String view, List<Gated<Runnable>> writes) {
        String[] aggregates = new String[writes.size()];
        Long[] sequences = new Long[writes.size()];
        for (int i = 0; i < writes.size(); i++) {
            aggregates[i] = writes.get(i).event().subject();
            sequences[i] = writes.get(i).event().sequence();
        }
        Set<String> advanced = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<String> ids = new HashSet<>();
            Array aggregateArray = connection.createArrayOf("varchar", aggregates);
            Array sequenceArray = connection.createArrayOf("bigint", sequences);
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO view_version (view_name, aggregate_id, sequence, applied_at)
                    SELECT ?, batch.aggregate_id, batch.sequence, now()
                    FROM unnest(?::varchar[], ?::bigint[]) AS batch(aggregate_id, sequence)
                    ON CONFLICT (view_name, aggregate_id) DO UPDATE
                    SET sequence = EXCLUDED.sequence, applied_at = EXCLUDED.applied_at
                    WHERE view_version.sequence < EXCLUDED.sequence
                    RETURNING aggregate_id
                    """)) {
                statement.setString(1, view);
                statement.setArray(2, aggregateArray);
                statement.setArray(3, sequenceArray);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            } finally {
                aggregateArray.free();
                sequenceArray.free();
            }
            return ids;
        });
        List<Boolean> applied = new ArrayList<>(writes.size());
        for (Gated<Runnable> gated : writes) {
            boolean stored = advanced.contains(gated.event().subject());
            if (stored) {
                gated.write().run();
            }
            applied.add(stored);
        }
        return applied;
    }

    /** Empties the view and forgets what it applied, in one transaction. */
    @Override
    @Transactional
    public void reset(String view, Runnable emptyStore) {
        emptyStore.run();
        entityManager.createNativeQuery("DELETE FROM view_version WHERE view_name = :view")
                .setParameter("view", view).executeUpdate();
    }
}
