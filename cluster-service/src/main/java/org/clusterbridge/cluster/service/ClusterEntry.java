package org.clusterbridge.cluster.service;

import java.util.List;
import java.util.UUID;

import org.clusterbridge.cluster.domain.Cluster;

/** A cluster as the registry answers it: the stored cluster and the alliances listing it as a member. */
public record ClusterEntry(Cluster cluster, List<UUID> allianceIds) {

    public static ClusterEntry of(Cluster cluster) {
        return new ClusterEntry(cluster, cluster.allianceIds);
    }
}
