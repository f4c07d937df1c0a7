package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.eq;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Builds the read models (a cluster's agreements, the network, a cluster's alliances) once from the agreements and
 * the cluster view, for a store written before they existed; a marker in {@code read_models} records that it was
 * done, so later starts skip it. From then on every write keeps them.
 */
@ApplicationScoped
public class ReadModels {

    static final String COLLECTION = "read_models";
    /** Raise it when the read models change shape, so the next start builds them again. */
    static final String MARKER = "agreements-v1";
    /** Set once the cluster view's documents all have the gate's shape. */
    static final String CLUSTER_VIEW_MARKER = "cluster-view-latest";
    private static final Logger LOG = Logger.getLogger(ReadModels.class);

    private final MongoCollection<Document> markers;
    private final AgreementStore agreements;
    private final ClusterViewStore clusters;

    ReadModels(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            AgreementStore agreements, ClusterViewStore clusters) {
        this.markers = mongo.getDatabase(database).getCollection(COLLECTION);
        this.agreements = agreements;
        this.clusters = clusters;
    }

    /** Builds them unless the marker says they were; true when this call built them. */
    boolean buildIfMissing() {
        if (markers.find(eq("_id", MARKER)).first() != null) {
            return false;
        }
        rebuild();
        return true;
    }

    /**
     * Once per store: the cluster view's documents from before the view's state was embedded ({@code latest}) moved
     * into that shape; true when this call looked for them.
     */
    boolean embedClusterViewIfNeeded() {
        if (markers.find(eq("_id", CLUSTER_VIEW_MARKER)).first() != null) {
            return false;
        }
        int moved = clusters.embedFlatDocuments();
        markers.replaceOne(eq("_id", CLUSTER_VIEW_MARKER), new Document("builtAt", new Date()),
                new ReplaceOptions().upsert(true));
        LOG.infof("cluster view: %d documents moved into the gate's shape", moved);
        return true;
    }

    /** What a rebuild read. */
    public record ReadModelRebuild(@Schema(required = true, description = "Agreements read") int agreements,
            @Schema(required = true, description = "Alliances whose members were noted") int alliances,
            @Schema(required = true, description = "How long the rebuild took") long millis) {
    }

    /**
     * Writes every entry again from the agreements and the view, then sets the marker. Safe at any time, writes
     * going on: entries only ever move to a newer version ({@code $max}), and reads check them against the
     * agreements.
     */
    public ReadModelRebuild rebuild() {
        long start = System.nanoTime();
        int alliances = clusters.rebuildAlliances();
        int written = agreements.rebuildReadModels();
        markers.replaceOne(eq("_id", MARKER), new Document("builtAt", new Date()), new ReplaceOptions().upsert(true));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("read models built from %d agreements and %d alliances in %d ms", written, alliances, millis);
        return new ReadModelRebuild(written, alliances, millis);
    }
}
