package org.clusterbridge.mou.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the indexes every query relies on (creating an existing index changes nothing), then the read models
 * if the store has none yet ({@link ReadModels}). Tried at start; while MongoDB is away the service still starts,
 * reports MongoDB down, and keeps trying in the background.
 */
@ApplicationScoped
public class StoreIndexes {

    private static final Logger LOG = Logger.getLogger(StoreIndexes.class);

    private final AgreementStore agreements;
    private final ClusterViewStore clusters;
    private final ReadModels readModels;

    StoreIndexes(AgreementStore agreements, ClusterViewStore clusters, ReadModels readModels) {
        this.agreements = agreements;
        this.clusters = clusters;
        this.readModels = readModels;
    }

    void onStart(@Observes StartupEvent event) {
        if (!tryCreate()) {
            Thread retry = new Thread(() -> {
                while (!tryCreate()) {
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "store-indexes");
            retry.setDaemon(true);
            retry.start();
        }
    }

    private boolean tryCreate() {
        try {
            agreements.createIndexes();
            clusters.createIndexes();
            readModels.embedClusterViewIfNeeded();
            readModels.buildIfMissing();
            return true;
        } catch (RuntimeException e) {
            LOG.warnf("indexes not created yet, will retry: %s", e.getMessage());
            return false;
        }
    }
}
