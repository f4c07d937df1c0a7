package org.clusterbridge.events.postgresql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * and stored in one transaction, the {@link Write#sql SQL writes} of one statement sent as one JDBC batch.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.postgresql.enabled", stringValue = "true")
public class PostgresViewGate implements ViewGate<PostgresViewGate.Write> {

    /** What a PostgreSQL view stores for one event. */
    public sealed interface Write {

        /** Statements on the view's entities, run in the gate's transaction. */
        static Write entities(Runnable statements) {
            return new Entities(statements);
        }

        /**
         * One SQL statement and its parameters (an upsert of the view's row, say): in a batch, the writes of one
         * statement go to the database together, as one JDBC batch.
         */
        static Write sql(String statement, Object... parameters) {
            return new Sql(statement, Collections.unmodifiableList(Arrays.asList(parameters)));
        }
    }

    record Entities(Runnable statements) implements Write {
    }

    record Sql(String statement, List<Object> parameters) implements Write {
    }

    private final EntityManager entityManager;

    PostgresViewGate(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores {@code write} and returns true when the event is newer than the view; otherwise returns false. */
    @Override
    @Transactional
    public boolean apply(String view, CloudEvent event, Write write) {
        return applyAll(view, List.of(new Gated<>(event, write))).get(0);
    }

    /**
     * One transaction for the batch: one upsert of every aggregate's sequence (an {@code unnest} of two arrays,
     * so its shape does not depend on the batch's size), which returns the aggregates it advanced; then the
     * writes of those.
     */
    @Override
    @Transactional
    public List<Boolean> applyAll(String view, List<Gated<Write>> writes) {
        String[] aggregates = new String[writes.size()];
        Long[] sequences = new Long[writes.size()];
        for (int i = 0; i < writes.size(); i++) {
            aggregates[i] = writes.get(i).event().subject();
            sequences[i] = writes.get(i).event().sequence();
        }
        Set<String> advanced = session().doReturningWork(connection -> advance(connection, view, aggregates,
                sequences));
        List<Boolean> applied = new ArrayList<>(writes.size());
        List<Write> stored = new ArrayList<>();
        for (Gated<Write> gated : writes) {
            boolean newer = advanced.contains(gated.event().subject());
            if (newer) {
                stored.add(gated.write());
            }
            applied.add(newer);
        }
        store(stored);
        return applied;
    }

    private static Set<String> advance(Connection connection, String view, String[] aggregates, Long[] sequences)
            throws SQLException {
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
    }

    /** Entity statements in order, then each SQL statement's writes as one JDBC batch. */
    private void store(List<Write> writes) {
        Map<String, List<List<Object>>> batches = new LinkedHashMap<>();
        for (Write write : writes) {
            if (write instanceof Sql sql) {
                batches.computeIfAbsent(sql.statement(), s -> new ArrayList<>()).add(sql.parameters());
            } else {
                ((Entities) write).statements().run();
            }
        }
        if (batches.isEmpty()) {
            return;
        }
        Session session = session();
        session.flush();
        session.doWork(connection -> {
            for (Map.Entry<String, List<List<Object>>> batch : batches.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(batch.getKey())) {
                    for (List<Object> parameters : batch.getValue()) {
                        for (int i = 0; i < parameters.size(); i++) {
                            statement.setObject(i + 1, parameters.get(i));
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
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
