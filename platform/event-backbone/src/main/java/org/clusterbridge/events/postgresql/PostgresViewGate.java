package org.clusterbridge.events.postgresql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.views.ViewGate;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The version gate of PostgreSQL views: an event is applied only when its {@code sequence} is newer than what
 * the view holds for its aggregate (table {@code view_version}), in the same transaction as the view's own
 * statements. Duplicates, redeliveries and replays therefore change nothing.
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

    /** Empties the view and forgets what it applied, in one transaction. */
    @Override
    @Transactional
    public void reset(String view, Runnable emptyStore) {
        emptyStore.run();
        entityManager.createNativeQuery("DELETE FROM view_version WHERE view_name = :view")
                .setParameter("view", view).executeUpdate();
    }
}
