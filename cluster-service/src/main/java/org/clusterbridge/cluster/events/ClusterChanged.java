package org.clusterbridge.cluster.events;

import java.time.Instant;
import java.util.UUID;

import org.clusterbridge.cluster.domain.Cluster;
import org.clusterbridge.cluster.domain.ClusterDetails;
import org.clusterbridge.cluster.domain.ClusterStatus;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The {@code data} of cluster events (contracts/events/cluster.data.schema.json): the cluster's whole state
 * after the change, its details unwrapped between the id and what the registry adds. It leaves out the
 * alliances a cluster belongs to: that is the alliances' state, published with their own events.
 */
public record ClusterChanged(UUID id, @JsonUnwrapped ClusterDetails details, ClusterStatus status, long version,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static ClusterChanged of(Cluster cluster) {
        return new ClusterChanged(cluster.id, cluster.details(), cluster.status, cluster.version, cluster.createdAt,
                cluster.createdBy, cluster.updatedAt, cluster.updatedBy);
    }
}
