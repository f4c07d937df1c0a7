package org.clusterbridge.cluster.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.clusterbridge.cluster.domain.Cluster;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Rewrites, after start, the stored representation of every cluster that has none or one of another shape (rows
 * from before representations were stored, from a bulk load, or from a release whose representation differed).
 * It walks the primary key in batches, one transaction each, skipping rows another instance or a write holds
 * ({@code SKIP LOCKED}: that write stores its own). Until a row is rewritten, its reads build it from its columns.
 */
@ApplicationScoped
public class RepresentationBackfill {

    private static final Logger LOG = Logger.getLogger(RepresentationBackfill.class);
    private static final int BATCH = 200;
    /** The least UUID in PostgreSQL's order (bytewise). */
    private static final UUID FIRST = new UUID(0, 0);

    private final EntityManager entityManager;
    private final ClusterService clusters;
    private final ClusterRepresentation representation;

    RepresentationBackfill(EntityManager entityManager, ClusterService clusters,
            ClusterRepresentation representation) {
        this.entityManager = entityManager;
        this.clusters = clusters;
        this.representation = representation;
    }

    void onStart(@Observes StartupEvent event) {
        Thread worker = new Thread(this::run, "cluster-representations");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        try {
            long rewritten = 0;
            UUID after = FIRST;
            while (after != null) {
                UUID from = after;
                List<Cluster> batch = QuarkusTransaction.requiringNew().call(() -> rewrite(from));
                rewritten += batch.size();
                after = batch.isEmpty() ? null : batch.get(batch.size() - 1).id;
            }
            if (rewritten > 0) {
                LOG.infof("stored the representation of %d clusters", rewritten);
            }
        } catch (RuntimeException e) {
            LOG.warnf("stored representations not all rewritten (reads build them meanwhile): %s", e.getMessage());
        }
    }

    private List<Cluster> rewrite(UUID after) {
        @SuppressWarnings("unchecked")
        List<Cluster> batch = entityManager.createNativeQuery("SELECT c.* FROM cluster c WHERE c.id > :after "
                + "AND c.representation_format IS DISTINCT FROM :format ORDER BY c.id LIMIT " + BATCH
                + " FOR UPDATE SKIP LOCKED", Cluster.class)
                .setParameter("after", after).setParameter("format", representation.format()).getResultList();
        batch.forEach(clusters::represent);
        return batch;
    }
}
