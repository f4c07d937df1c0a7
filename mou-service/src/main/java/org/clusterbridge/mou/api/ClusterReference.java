package org.clusterbridge.mou.api;

import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.ClusterSummary;

/** A cluster as this service's view knows it now; only the id when the view does not know it (yet). */
public record ClusterReference(UUID clusterId, String slug, Map<String, String> names, String acronym,
        String kind, String country, String status) {

    static ClusterReference of(UUID id, ClusterSummary cluster) {
        if (cluster == null) {
            return new ClusterReference(id, null, null, null, null, null, null);
        }
        return new ClusterReference(id, cluster.slug(), cluster.names(), cluster.acronym(), cluster.kind(),
                cluster.country(), cluster.status());
    }
}
